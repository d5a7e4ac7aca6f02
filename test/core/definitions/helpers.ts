/** The definitions fixture (test/fixtures/definitions/caseed.definitions.json), loaded by the core. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Definitions } from '../../../core/definitions/model';
import { parseDefinitions } from '../../../core/definitions/parse';

export const DEFS_PATH = join(
  __dirname,
  '..',
  '..',
  'fixtures',
  'definitions',
  'caseed.definitions.json',
);
export const DEFS_TEXT = readFileSync(DEFS_PATH, 'utf8');

export function loadDefinitions(text = DEFS_TEXT, source = 'caseed.definitions.json'): Definitions {
  const r = parseDefinitions(text, source);
  assert.deepEqual(r.diagnostics, []);
  assert.ok(r.definitions);
  return r.definitions;
}

/** One user seeding one entry. */
export function seedUser(entry: string): string {
  return `{
  "environment": "development",
  "mpid": 1234,
  "calculated_attributes": {
    "workspace": [
      ${entry}
    ]
  }
}`;
}

export function seedEntry(name: string, type: string, cutoff: string, seed: string): string {
  return `{ "attribute_name": ${JSON.stringify(name)}, "calculation_type": "${type}", "cutoff_date": "${cutoff}", "seed": ${seed} }`;
}
