/**
 * Command ids come from the one command table (contract/commands.ts): no source file writes one as
 * a string of its own (comments aside), so renaming a command is one edit.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { COMMAND_IDS } from '../../contract/commands';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** The text without its comments (good enough for these files: no `//` inside the strings). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

test('no command id is written outside contract/commands.ts', () => {
  const ids = Object.values(COMMAND_IDS);
  const found: string[] = [];
  for (const dir of ['client', 'server', 'core', 'cli']) {
    for (const file of sources(join(ROOT, dir))) {
      const text = code(readFileSync(file, 'utf8'));
      for (const id of ids)
        if (text.includes(`'${id}'`) || text.includes(`"${id}"`)) found.push(`${file}: ${id}`);
    }
  }
  assert.deepEqual(found, []);
});
