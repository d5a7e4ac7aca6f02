/**
 * The server's chunked documents answer exactly like `vscode-languageserver-textdocument` does for
 * the same text (a fresh `TextDocument` of the edited text: its own incremental line table goes
 * wrong when an edit splits or joins a \r\n, which the chunked one must not copy): after
 * every one of thousands of seeded random edits (line breaks \n, \r\n and lone \r included, edits
 * across chunk boundaries, whole-text replacements), the text, `positionAt`, `offsetAt` (also past
 * line ends and past the end) and `lineCount` agree.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SeedDocument } from '../../server/seedDocuments';
import { below, chance, pick, prng } from '../core/random';

const PIECES = ['a', 'bc', '\n', '\r\n', '\r', '  ', '{"x": 1}', 'é', '😀', '\n\n'];

function randomText(random: () => number, n: number): string {
  let s = '';
  while (s.length < n) s += pick(random, PIECES);
  return s;
}

test('SeedDocument agrees with TextDocument after random edits', () => {
  const random = prng(7);
  for (let round = 0; round < 20; round++) {
    const initial = randomText(random, 200 + below(random, 2000));
    const chunk = 8 + below(random, 64);
    const mine = new SeedDocument('file:///a.json', 'json', 1, initial, chunk);
    let theirs = TextDocument.create('file:///a.json', 'json', 1, initial);
    for (let k = 0; k < 150; k++) {
      const text = theirs.getText();
      const a = below(random, text.length + 1);
      const b = Math.min(
        text.length,
        a + (chance(random, 0.3) ? below(random, 300) : below(random, 3)),
      );
      const change: TextDocumentContentChangeEvent & { range?: Range } = chance(random, 0.02)
        ? { text: randomText(random, below(random, 500)) }
        : {
            range: { start: theirs.positionAt(a), end: theirs.positionAt(b) },
            text: chance(random, 0.5) ? '' : randomText(random, below(random, 200)),
          };
      const version = k + 2;
      let next = change.text;
      if (change.range !== undefined) {
        const from = theirs.offsetAt(change.range.start);
        const to = theirs.offsetAt(change.range.end);
        next = text.slice(0, from) + change.text + text.slice(to);
      }
      theirs = TextDocument.create('file:///a.json', 'json', version, next);
      mine.update([change], version);
      const want = theirs.getText();
      const fresh = TextDocument.create('file:///a.json', 'json', version, want);
      assert.equal(mine.length, want.length);
      assert.equal(mine.lineCount, fresh.lineCount, `round ${round}, edit ${k}: lineCount`);
      for (let p = 0; p < 25; p++) {
        const o = below(random, want.length + 3);
        assert.deepEqual(mine.positionAt(o), fresh.positionAt(o), `positionAt(${o})`);
        const pos = { line: below(random, fresh.lineCount + 1), character: below(random, 40) };
        assert.equal(mine.offsetAt(pos), fresh.offsetAt(pos), `offsetAt(${JSON.stringify(pos)})`);
        const s = below(random, want.length + 1);
        const e = Math.min(want.length, s + below(random, 400));
        assert.equal(mine.slice(s, e), want.slice(s, e));
      }
      if (chance(random, 0.1)) assert.equal(mine.getText(), want);
      if (chance(random, 0.1)) mine.releaseText();
    }
    assert.equal(mine.getText(), theirs.getText());
  }
});
