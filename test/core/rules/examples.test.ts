/** examples/: the valid files validate clean; the broken one shows the typical mistakes. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { getValue } from '../../../core/ast';
import { applyEdits } from '../../../core/diagnostics';
import { validate } from '../../../core/validate';
import { diagnosticsOf, expectClean } from './helpers';

const dir = join(__dirname, '..', '..', '..', 'examples');
const files = readdirSync(dir).filter((f) => f.endsWith('.caseed.json'));

test('examples/ holds valid files and one broken file', () => {
  assert.ok(files.includes('broken.caseed.json'));
  assert.ok(files.length >= 3, files.join(', '));
});

for (const file of files.filter((f) => f !== 'broken.caseed.json')) {
  test(`examples/${file} validates with no error and no warning`, () => {
    expectClean(readFileSync(join(dir, file), 'utf8'));
  });
}

test('the single-user example seeds every calculation type and keeps its 19-digit mpid', () => {
  const text = readFileSync(join(dir, 'single-user.caseed.json'), 'utf8');
  const { root } = validate(text);
  const mpid = getValue(root, 'mpid');
  assert.equal(mpid?.type === 'number' && mpid.raw, '7346244611012968789');
  for (const t of ['count', 'sum', 'min', 'max', 'average', 'most_frequent', 'unique_list'])
    assert.ok(text.includes(`"calculation_type": "${t}"`), t);
});

const BROKEN_CODES = [
  'unknown-identity',
  'trailing-comma',
  'calculation-type-alias',
  'misspelled-cutoff-date',
  'timestamp-in-seconds',
  'invalid-date',
];

test('examples/broken.caseed.json shows the typical mistakes, each once', () => {
  const text = readFileSync(join(dir, 'broken.caseed.json'), 'utf8');
  assert.deepEqual(
    diagnosticsOf(text).map((d) => d.code),
    BROKEN_CODES,
  );
});

test('fixing everything fixable in the broken example leaves only the impossible date', () => {
  const text = readFileSync(join(dir, 'broken.caseed.json'), 'utf8');
  const edits = diagnosticsOf(text).flatMap((d) => d.fixes?.find((f) => f.preferred)?.edits ?? []);
  const fixed = applyEdits(text, edits);
  assert.deepEqual(
    diagnosticsOf(fixed).map((d) => d.code),
    ['invalid-date'],
  );
});
