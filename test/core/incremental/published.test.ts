/**
 * What the server publishes for a store-backed document after a keystroke: the untouched users'
 * LSP diagnostics are not converted again — before the edit they are the very objects of the last
 * publication, after it too when the edit kept the line count, and moved by exactly the lines a
 * line break added otherwise — and the whole list equals a fresh conversion of the new text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { SeedStore } from '../../../core/incremental/store';
import { storeModel } from '../../../core/incremental/model';
import { publishedDiagnostics } from '../../../core/incremental/published';
import { analyze } from '../../../core/document';
import { toLspDiagnostic } from '../../../core/features/codeActions';
import { LineIndex } from '../../../core/positions';
import { plainDocument } from './plainDocument';

const TODAY = '2026-01-01';
const USERS = 10;

/** Every user has one problem (environment "dev") on its second line. */
function user(i: number): string {
  return `  {\n    "environment": "dev",\n    "mpid": ${1000 + i}\n  }`;
}
const TEXT = `[\n${Array.from({ length: USERS }, (_, i) => user(i)).join(',\n')}\n]\n`;

function publish(store: SeedStore, text: string): Diagnostic[] {
  const lines = new LineIndex(text);
  const doc = plainDocument(text, lines);
  return publishedDiagnostics(store, storeModel(doc, store, undefined), 1000).shown;
}

function fresh(text: string): Diagnostic[] {
  const m = analyze(text, { today: TODAY });
  return m.diagnostics.map((d) => toLspDiagnostic(m, d));
}

/** `text` with `inserted` typed at `offset`, given to the store as the editor sends it. */
function type(store: SeedStore, text: string, offset: number, inserted: string): string {
  const next = text.slice(0, offset) + inserted + text.slice(offset);
  const doc = { slice: (a: number, b: number) => next.slice(a, b), full: () => next };
  assert.equal(store.edit(doc, offset, 0, inserted), true, 'handled incrementally');
  return next;
}

test('a keystroke in one user: the others keep their published diagnostics, moved if lines moved', () => {
  const store = new SeedStore(TEXT, { today: TODAY });
  const first = publish(store, TEXT);
  assert.ok(first.length >= USERS);
  assert.deepEqual(first, fresh(TEXT));
  // User i spans lines 1 + 4i to 4 + 4i.
  const of = (d: Diagnostic): number => Math.floor((d.range.start.line - 1) / 4);

  // A character typed into user 5's mpid: same lines, so every other user's diagnostic is reused.
  const at5 = TEXT.indexOf(`"mpid": ${1005}`) + 9;
  const typed = type(store, TEXT, at5, '7');
  const second = publish(store, typed);
  assert.deepEqual(second, fresh(typed));
  assert.equal(second.length, first.length);
  for (let k = 0; k < first.length; k++)
    if (of(first[k]) !== 5)
      assert.equal(second[k], first[k], `problem ${k}: the same object, not converted again`);

  // A line break typed in user 5: users before it untouched, users after it one line further down.
  const mpid5 = typed.indexOf(`"mpid": 17005`);
  const broken = type(store, typed, mpid5, '\n');
  const third = publish(store, broken);
  assert.deepEqual(third, fresh(broken));
  assert.equal(third.length, second.length);
  let moved = 0;
  for (let k = 0; k < second.length; k++) {
    const u = of(second[k]);
    if (u < 5) assert.equal(third[k], second[k], `problem ${k}: the same object`);
    if (u > 5) {
      assert.equal(third[k].range.start.line, second[k].range.start.line + 1, `problem ${k}`);
      assert.deepEqual({ ...third[k], range: undefined }, { ...second[k], range: undefined });
      moved++;
    }
  }
  assert.ok(moved >= USERS - 6);
});
