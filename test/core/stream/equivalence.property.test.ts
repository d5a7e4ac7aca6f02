/**
 * Streaming == whole-file validation: many mutated bulk files (broken brackets, strings, comments,
 * commas, astral-plane characters, trailing text), each pushed in random chunks through the
 * streaming validator with random (tiny) parse windows, give exactly the diagnostics of
 * `validate(wholeText, { onDiagnostic })`: same codes, messages, offsets, fixes, in the same order,
 * and the same ranges as `LineIndex` over the whole text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { SeedDiagnostic } from '../../../core/diagnostics';
import { LineIndex } from '../../../core/positions';
import type { Range } from '../../../core/positions';
import { StreamValidator } from '../../../core/stream/validate';
import { validate } from '../../../core/validate';
import type { Random } from '../random';
import { below, chance, pick, prng } from '../random';

const TODAY = '2026-01-01';
const FIXTURES = join(__dirname, '..', '..', 'fixtures');

function base(): string {
  // Raw texts (never through JSON.parse: that would round the 64-bit mpids).
  const inner = (t: string): string => t.trim().replace(/^\[/, '').replace(/\]$/, '').trim();
  const bulk = readFileSync(join(FIXTURES, 'shells', 'bulk.caseed.json'), 'utf8');
  const single = readFileSync(join(FIXTURES, 'shells', 'single.caseed.json'), 'utf8');
  const api = readFileSync(join(FIXTURES, 'api-page', 'bulk.json'), 'utf8');
  return `[\n${inner(bulk)},\n${single.trim()},\n${inner(api)}\n]\n`;
}

const PIECES = [
  ',',
  ',,',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  ':',
  '\n',
  '\r\n',
  ' ',
  '//c\n',
  '/* c */',
  '/*',
  '/',
  '\\',
  '\\u12',
  '𝒳',
  '😀',
  '\ud83d',
  '\u00a0',
  '\u2028',
  'true',
  'nul',
  '-0',
  '1e',
  '12345678901234567890',
  '"2019-02-30"',
  '"minimum"',
  '"mpid": 1',
  '{}',
  '[]',
  '"x" "y"',
  '\t',
];

function mutate(random: Random, text: string): string {
  let out = text;
  const n = 1 + below(random, 4);
  for (let k = 0; k < n; k++) {
    const at = below(random, out.length + 1);
    const r = random();
    if (r < 0.45) out = out.slice(0, at) + pick(random, PIECES) + out.slice(at);
    else if (r < 0.7) out = out.slice(0, at) + out.slice(at + 1 + below(random, 3));
    else if (r < 0.8) {
      // Drop a closing brace or bracket (a user left open swallows, or not, what follows).
      const closer = out.indexOf(pick(random, ['}', ']']), at);
      if (closer >= 0) out = out.slice(0, closer) + out.slice(closer + 1);
    } else if (r < 0.9) out = out + pick(random, PIECES);
    else out = pick(random, PIECES) + out;
  }
  return out;
}

interface Seen {
  d: SeedDiagnostic;
  range: Range;
}

function whole(text: string): Seen[] {
  const seen: SeedDiagnostic[] = [];
  validate(text, { today: TODAY, keepTree: false, onDiagnostic: (d) => seen.push(d) });
  const lines = new LineIndex(text);
  return seen.map((d) => ({ d, range: lines.rangeOf(d.offset, d.length) }));
}

function streamed(random: Random, text: string, windowSize: number): Seen[] {
  const seen: Seen[] = [];
  const v = new StreamValidator({
    today: TODAY,
    windowSize,
    onDiagnostic: (d, range) => seen.push({ d, range }),
  });
  for (let i = 0; i < text.length;) {
    const n = chance(random, 0.2) ? 0 : 1 + below(random, 1 + below(random, 400));
    v.push(text.slice(i, i + n));
    i += n;
  }
  v.end();
  return seen;
}

function check(text: string, random: Random, label: string): void {
  const expected = whole(text);
  const windowSize = pick(random, [1, 2, 7, 64, 500, 4096]);
  const got = streamed(random, text, windowSize);
  assert.deepEqual(
    got,
    expected,
    `${label} (window ${windowSize}): ${JSON.stringify(text.slice(0, 300))}`,
  );
}

test('streaming validation equals whole-file validation on many mutated files', () => {
  const text = base();
  const random = prng(20261201);
  for (let i = 0; i < 600; i++) check(mutate(random, text), random, `mutant ${i}`);
});

test('streaming validation equals whole-file validation on small edge cases', () => {
  const random = prng(7);
  const cases = [
    '',
    ' \n ',
    '[',
    '[]',
    '[ ]  ',
    '[,]',
    '[1,]',
    '[{}, ]',
    '[{},{}] trailing\n\n',
    '[{},{}] // c\n',
    '[{},{}] /',
    '[{},{}] \u00a0',
    '{}',
    '{"mpid": 1}',
    '"x"',
    'true',
    'false',
    'null',
    '12',
    '\ufeff[{}]',
    '// c\n[{}, {}]',
    '[{} {}]',
    '[{}}, {}]',
    '[{"a": "x\n"}, {}]',
    "[{'a': 1}, {}]",
    '[{"a": 1]}, {}]',
    '[{/* ] */}, {}]',
  ];
  for (const c of cases) {
    for (let k = 0; k < 8; k++) check(c, random, JSON.stringify(c));
  }
});
