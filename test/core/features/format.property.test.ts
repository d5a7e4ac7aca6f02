/**
 * Property test of Format Document: for seeded random seed files (single-user and bulk, valid and
 * with validation errors, long mpids and numbers such as 1.50, 1e3 and -0, escaped strings) written
 * with random whitespace, random leading and trailing blank lines, a byte order mark or not, LF or
 * CRLF line endings, applying the formatter's edits as an editor would gives a text that
 *
 * - holds the same tokens in the same order (only whitespace changed), so it parses (JSON) to the
 *   same value and every number keeps its source text,
 * - keeps the byte order mark when there was one, and CRLF line endings when the file used them,
 * - is a fixed point: formatting it again gives no edits.
 *
 * Text with syntax errors (a random character dropped) must get no edits at all.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withoutBom } from '../../../core/bom';
import { analyze } from '../../../core/document';
import type { FormatOptions } from '../../../core/features/format';
import { format } from '../../../core/features/format';
import { applyTextEdits } from '../cursor';
import type { Random } from '../random';
import { below, chance, pick, prng } from '../random';

const NUMBERS = [
  '0',
  '-0',
  '1.50',
  '1e3',
  '1E+3',
  '-0.0E+2',
  '100',
  '3.14159',
  '2.5e-7',
  '7346244611012968789',
  '-9223372036854775808',
  '18446744073709551615',
  '123456789012345678901234567890',
];
const STRINGS = [
  '"development"',
  '"production"',
  '"Caf\\u00e9 \\"best\\""',
  '"a/b\\/c"',
  '"tab\\there"',
  '"😀 emoji"',
  '"2019-12-01"',
  '""',
  '"7346244611012968789"',
];
const TYPES = ['"sum"', '"count"', '"min"', '"max"', '"minimum"', '"unique_list"', '"first_value"'];

/** A JSON value as source pieces, so numbers and strings are written exactly as chosen. */
type Value = string | { object: Array<[string, Value]> } | { array: Value[] };

function scalar(random: Random): Value {
  switch (below(random, 4)) {
    case 0:
      return pick(random, NUMBERS);
    case 1:
      return pick(random, STRINGS);
    case 2:
      return pick(random, ['true', 'false', 'null']);
    default:
      return String(below(random, 1_000_000));
  }
}

function entry(random: Random): Value {
  const props: Array<[string, Value]> = [
    ['"attribute_name"', pick(random, STRINGS)],
    ['"calculation_type"', pick(random, TYPES)],
    [pick(random, ['"cutoff_date"', '"cuttoff_date"']), pick(random, STRINGS)],
    [
      '"seed"',
      {
        object: chance(random, 0.7)
          ? [['"value"', pick(random, NUMBERS)]]
          : [['"list"', { array: [scalar(random), scalar(random)] }]],
      },
    ],
  ];
  // Errors the rules report (the text stays JSON): a dropped or unknown property.
  if (chance(random, 0.2)) props.splice(below(random, props.length), 1);
  if (chance(random, 0.2)) props.push(['"extra"', scalar(random)]);
  return { object: props };
}

function user(random: Random): Value {
  const props: Array<[string, Value]> = [];
  if (chance(random, 0.9)) props.push(['"environment"', pick(random, STRINGS)]);
  if (chance(random, 0.8)) props.push(['"mpid"', pick(random, NUMBERS)]);
  if (chance(random, 0.4))
    props.push(['"identities"', { object: [['"customer_id"', pick(random, STRINGS)]] }]);
  if (chance(random, 0.5))
    props.push([
      '"user_attributes"',
      {
        object: [
          ['"workspace"', { array: [{ object: [['"attribute_name"', pick(random, STRINGS)]] }] }],
        ],
      },
    ]);
  if (chance(random, 0.8)) {
    const entries = Array.from({ length: below(random, 4) }, () => entry(random));
    props.push(['"calculated_attributes"', { object: [['"workspace"', { array: entries }]] }]);
  }
  if (chance(random, 0.2))
    props.push(['"x"', { array: ['true', 'false', 'null', { object: [] }, { array: [] }] }]);
  // Shuffle a little: key order is the user's and must be kept.
  if (chance(random, 0.3) && props.length > 1) props.reverse();
  return { object: props };
}

/** Source text of `v` with random JSON whitespace between tokens (`\r\n` for line feeds with CRLF). */
function write(random: Random, v: Value, eol: string): string {
  const space = (): string =>
    chance(random, 0.5)
      ? ''
      : pick(random, [' ', '  ', '\t', eol, eol + '    ', eol + eol, ' ' + eol]);
  if (typeof v === 'string') return v;
  if ('object' in v) {
    const body = v.object
      .map(([k, val]) => space() + k + space() + ':' + space() + write(random, val, eol) + space())
      .join(',');
    return '{' + (body === '' ? space() : body) + '}';
  }
  const body = v.array.map((item) => space() + write(random, item, eol) + space()).join(',');
  return '[' + (body === '' ? space() : body) + ']';
}

function document(random: Random): { text: string; crlf: boolean; bom: boolean } {
  const crlf = chance(random, 0.3);
  const eol = crlf ? '\r\n' : '\n';
  const bom = chance(random, 0.2);
  const root: Value = chance(random, 0.5)
    ? user(random)
    : { array: Array.from({ length: 1 + below(random, 4) }, () => user(random)) };
  const blank = (): string =>
    pick(random, ['', '', eol, eol + eol, ' ', '\t' + eol, eol + '  ' + eol + eol]);
  const text = (bom ? '\uFEFF' : '') + blank() + write(random, root, eol) + blank();
  return { text, crlf, bom };
}

/** Every JSON token in order (strings whole, escapes and all); whitespace and a BOM dropped. */
function tokens(text: string): string[] {
  return withoutBom(text).match(/"(?:[^"\\]|\\.)*"|[{}[\]:,]|[^\s"{}[\]:,]+/g) ?? [];
}

const isNumber = (token: string): boolean => /^-?\d/.test(token);

const OPTIONS: FormatOptions[] = [
  { tabSize: 2, insertSpaces: true },
  { tabSize: 4, insertSpaces: true },
  { tabSize: 4, insertSpaces: false },
  { tabSize: 2, insertSpaces: true, insertFinalNewline: true },
];

function formatOnce(text: string, options: FormatOptions): string {
  return applyTextEdits(text, format(analyze(text), options));
}

test('format keeps every token, the value, every number text, the BOM and CRLF; idempotent', () => {
  const random = prng(7_2026);
  let changed = 0;
  const rounds = 400;
  for (let round = 0; round < rounds; round++) {
    const { text, crlf, bom } = document(random);
    const options = pick(random, OPTIONS);
    const where = `round ${round}: ${JSON.stringify(text)}`;
    const out = formatOnce(text, options);
    if (out !== text) changed++;
    assert.deepEqual(tokens(out), tokens(text), `only whitespace changes (${where})`);
    assert.deepEqual(
      tokens(out).filter(isNumber),
      tokens(text).filter(isNumber),
      `every number keeps its source text (${where})`,
    );
    assert.deepEqual(
      JSON.parse(withoutBom(out)),
      JSON.parse(withoutBom(text)),
      `same value (${where})`,
    );
    assert.equal(out.startsWith('\uFEFF'), bom, `the byte order mark is kept (${where})`);
    if (crlf) assert.ok(!/[^\r]\n/.test(out), `CRLF line endings kept (${where})`);
    assert.deepEqual(
      format(analyze(out), options),
      [],
      `formatting twice changes nothing (${where})`,
    );
  }
  // The generator really produces unformatted text: almost every document is rewritten.
  assert.ok(changed > rounds * 0.9, `${changed} of ${rounds} documents were reformatted`);
});

test('a document with a syntax error gets no formatting edits', () => {
  const random = prng(7_2027);
  let broken = 0;
  for (let round = 0; round < 300; round++) {
    const { text } = document(random);
    // Drop one structural character: the text is no longer JSON.
    const structural = [...text.matchAll(/[{}[\]:,]/g)].map((m) => m.index);
    const at = pick(random, structural);
    const cut = text.slice(0, at) + text.slice(at + 1);
    let parses = true;
    try {
      JSON.parse(withoutBom(cut));
    } catch {
      parses = false;
    }
    if (parses) continue;
    broken++;
    assert.deepEqual(
      format(analyze(cut), { tabSize: 2, insertSpaces: true }),
      [],
      `round ${round}: ${JSON.stringify(cut)}`,
    );
  }
  assert.ok(broken > 250, `${broken} broken documents checked`);
});
