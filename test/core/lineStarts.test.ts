import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from '../../core/parser';
import { LineIndex } from '../../core/positions';

function naiveStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

const samples = [
  '',
  '\n\n',
  '{\n  "a": 1\n}\n',
  '{\r\n  "a": [1,\r\n 2]\r\n}',
  '// comment\n{"a": /* one\ntwo\n*/ 1}\n',
  '{"a": "unclosed\n  "b": 2\n}',
  '{"a": "ends with a backslash\\\n  "b": 2\n}',
  "{'single\n': 1}",
  '{}\n trailing\n text\n',
  '['.repeat(300) + '\n1\n',
  '[\n  {"mpid": 7346244611012968789},\n  012\n, tru\ne\n]',
];

test('the parser records every line start as it goes', () => {
  for (const text of samples) {
    assert.deepEqual([...parse(text).lineStarts], naiveStarts(text), JSON.stringify(text));
  }
});

test('line starts stay right under random edits of a seed file', () => {
  const base =
    '[\n  {\n    "environment": "development",\n    "mpid": 1,\n    "calculated_attributes": {\n      "workspace": [\n        { "attribute_name": "LTV", "calculation_type": "sum", "cutoff_date": "2019-12-01", "seed": { "value": 1 } }\n      ]\n    }\n  }\n]\n';
  const pieces = [
    '\n',
    '"',
    '\\',
    '/*',
    '*/',
    '//',
    ',',
    '{',
    '}',
    '[',
    ']',
    "'",
    ' ',
    'x',
    '\r\n',
  ];
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let k = 0; k < 500; k++) {
    let text = base;
    for (let e = 0; e < 3; e++) {
      const at = random(text.length + 1);
      text = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at + random(3));
    }
    const { lineStarts } = parse(text);
    assert.deepEqual([...lineStarts], naiveStarts(text), JSON.stringify(text));
    const a = new LineIndex(text, lineStarts);
    const b = new LineIndex(text);
    const o = random(text.length + 1);
    assert.deepEqual(a.positionAt(o), b.positionAt(o));
  }
});
