/** No input crashes a feature: every prefix of the API page sample and seeded random edits of it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../../core/document';
import { codeActions } from '../../../core/features/codeActions';
import { complete } from '../../../core/features/completion';
import { format } from '../../../core/features/format';
import { hover } from '../../../core/features/hover';
import { documentSymbols } from '../../../core/features/symbols';
import { prng } from '../random';

const SAMPLE = readFileSync(
  join(__dirname, '..', '..', 'fixtures', 'features', 'api-page-bulk.caseed.json'),
  'utf8',
);

function exercise(text: string, offsets: number[]): void {
  const m = analyze(text, { today: '2024-05-06' });
  for (const offset of offsets) {
    const position = m.lines.positionAt(offset);
    complete(m, position, { today: '2024-05-06' });
    hover(m, position);
    codeActions(m, { start: position, end: position }, 'file:///x.caseed.json');
  }
  documentSymbols(m);
  format(m, { tabSize: 2, insertSpaces: true });
}

test('every prefix of a bulk sample (completion at its end)', () => {
  for (let end = 0; end <= SAMPLE.length; end += 5) {
    const text = SAMPLE.slice(0, end);
    assert.doesNotThrow(() => exercise(text, [end, Math.floor(end / 2)]), `prefix ${end}`);
  }
});

test('seeded random edits of a bulk sample', () => {
  const random = prng(20240506);
  const pieces = ['"', '{', '}', '[', ']', ',', ':', ' ', '\n', 'x', '1', '\\', "'", '/', '*'];
  for (let round = 0; round < 150; round++) {
    let text = SAMPLE;
    for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
      const at = Math.floor(random() * text.length);
      const cut = Math.floor(random() * 3);
      const piece = pieces[Math.floor(random() * pieces.length)];
      text = text.slice(0, at) + piece + text.slice(at + cut);
    }
    const offsets = Array.from({ length: 12 }, () => Math.floor(random() * (text.length + 1)));
    assert.doesNotThrow(() => exercise(text, offsets), `round ${round}`);
  }
});
