/**
 * What a big bulk file's features answer from: the model of the user under the cursor (its text
 * alone) must give the same hovers and quick fixes as the whole document's model, at every key
 * and value of every user; the per-user symbols name each user by its exact mpid or identity.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../../core/document';
import { codeActions } from '../../../core/features/codeActions';
import { hover } from '../../../core/features/hover';
import { userSymbols } from '../../../core/features/symbolsByUser';
import { userModel } from '../../../core/incremental/model';
import { SeedStore } from '../../../core/incremental/store';
import { LineIndex } from '../../../core/positions';
import { plainDocument } from './plainDocument';

const ROOT = join(__dirname, '..', '..', '..');
const TODAY = '2026-01-01';
const text = readFileSync(join(ROOT, 'test', 'fixtures', 'shells', 'bulk.caseed.json'), 'utf8')
  .replace('"development"', '"dev"')
  .replace('"unique_list"', '"minimum"');

function setup(): { store: SeedStore; doc: Parameters<typeof userModel>[0]; lines: LineIndex } {
  const store = new SeedStore(text, { today: TODAY });
  const lines = new LineIndex(text);
  const doc = plainDocument(text, lines);
  return { store, doc, lines };
}

test('hovers from the user under the cursor equal the whole document’s', () => {
  const { store, doc, lines } = setup();
  const full = analyze(text, { today: TODAY });
  let compared = 0;
  for (let offset = 0; offset < text.length; offset++) {
    if (text[offset] !== '"') continue;
    const position = lines.positionAt(offset + 1);
    const local = userModel(doc, store, offset + 1, undefined);
    if (local === undefined) continue;
    assert.deepEqual(hover(local, position), hover(full, position), `at ${offset}`);
    compared++;
  }
  assert.ok(compared > 50, `${compared} places compared`);
});

test('quick fixes from the user under the cursor equal the whole document’s', () => {
  const { store, doc, lines } = setup();
  const full = analyze(text, { today: TODAY });
  assert.ok(full.diagnostics.length >= 2);
  for (const d of full.diagnostics) {
    const range = lines.rangeOf(d.offset, d.length);
    const local = userModel(doc, store, d.offset, undefined);
    assert.ok(local !== undefined);
    assert.deepEqual(
      codeActions(local, range, 'file:///a', ['quickfix'], { deferFixAll: true }),
      codeActions(full, range, 'file:///a', ['quickfix'], { deferFixAll: true }),
      d.code,
    );
  }
});

test('per-user symbols name each user by its exact mpid or first identity', () => {
  const { store, lines } = setup();
  const symbols = userSymbols(
    { userCount: store.userCount, span: (i) => store.span(i), slice: (a, b) => text.slice(a, b) },
    lines,
  );
  assert.equal(symbols.length, store.userCount);
  assert.equal(symbols[0].name, 'User 1 · mpid 7346244611012968789');
  assert.equal(symbols[1].name, 'User 2 · customer_id 123xyz');
  assert.equal(symbols[1].range.start.line, lines.positionAt(store.span(1)!.offset).line);
});
