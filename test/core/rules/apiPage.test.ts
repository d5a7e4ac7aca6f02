/**
 * The API page's own sample requests, copied verbatim: they contain trailing commas (so they are not
 * JSON) and use min/max. They must give exactly the trailing-comma errors, and nothing else wrong.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyEdits } from '../../../core/diagnostics';
import { diagnosticsOf, expectClean } from './helpers';

const dir = join(__dirname, '..', '..', 'fixtures', 'api-page');

for (const name of ['single-user.json', 'bulk.json']) {
  test(`API page sample ${name}: only the trailing comma, fixed clean`, () => {
    const text = readFileSync(join(dir, name), 'utf8');
    const found = diagnosticsOf(text).filter((d) => d.severity !== 'information');
    assert.deepEqual(
      found.map((d) => d.code),
      ['trailing-comma'],
    );
    const d = found[0];
    assert.equal(text.slice(d.offset, d.offset + 1), ',');
    assert.ok(text.slice(d.offset - 25, d.offset).includes('"Free"'));
    const fixed = applyEdits(
      text,
      found.flatMap((x) => x.fixes!.find((f) => f.preferred)!.edits),
    );
    expectClean(fixed);
    assert.deepEqual(diagnosticsOf(fixed), []);
    JSON.parse(fixed);
  });
}
