import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_CODES } from '../../core/codes';
import { withCodesTable } from '../../scripts/readme-codes';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

test('README lists every diagnostic code, generated from core/codes.ts', () => {
  assert.equal(readme, withCodesTable(readme), 'README is stale: run `npm run readme:codes`');
  for (const code of ALL_CODES) assert.ok(readme.includes(`\`${code}\``), code);
});

test('README gives exactly the two commands of the front door', () => {
  assert.ok(readme.includes('npm ci && npm start'));
  assert.ok(readme.includes('npm ci && npm test'));
});
