/**
 * The parser's fast paths (core/leaves.ts, core/knownKeys.ts) must read exactly what the plain
 * string scanner reads: known property names and calculation types recognised whole, plain
 * characters above the backslash taken with one comparison. Look-alikes (escapes, control
 * characters, an escaped closing quote, a line feed, the end of the text) must fall back with the
 * same values, diagnostics and positions.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JsonNode, ObjectNode, StringNode } from '../../core/ast';
import { getProperty } from '../../core/ast';
import { parse } from '../../core/parser';
import { LineIndex } from '../../core/positions';
import { validate } from '../../core/validate';

function firstKey(text: string): StringNode {
  const root = parse(text).root as ObjectNode;
  return root.properties[0].key;
}

function spanOf(text: string, node: { offset: number; length: number }): string {
  return text.slice(node.offset, node.offset + node.length);
}

test('known property names are read whole, with exact spans', () => {
  for (const name of ['attribute_name', 'calculation_type', 'seed', 'mpid', 'key_value_pairs']) {
    const text = `{ "${name}": 1 }`;
    const key = firstKey(text);
    assert.equal(key.value, name);
    assert.equal(spanOf(text, key), `"${name}"`);
    assert.deepEqual(parse(text).diagnostics, []);
  }
});

test('a look-alike of a known name is read by the plain scanner: escapes decode, spans cover them', () => {
  const cases: Array<[string, string]> = [
    ['"attribute\\u005fname"', 'attribute_name'],
    ['"se\\u0065d"', 'seed'],
    ['"seed\\""', 'seed"'],
    ['"seed\\\\"', 'seed\\'],
    ['"attribute_namE"', 'attribute_namE'],
    ['"sEEd"', 'sEEd'],
    ['"ṡeed"', 'ṡeed'],
    // Prefixes and extensions of known names, and the empty name.
    ['"see"', 'see'],
    ['"seeds"', 'seeds'],
    ['"attribute"', 'attribute'],
    ['"calculation_types"', 'calculation_types'],
    ['"mpid2"', 'mpid2'],
    ['""', ''],
  ];
  for (const [raw, value] of cases) {
    const text = `{${raw}: 1}`;
    const key = firstKey(text);
    assert.equal(key.value, value, raw);
    assert.equal(key.value, Object.keys(JSON.parse(text) as object)[0], raw);
    assert.equal(spanOf(text, key), raw, raw);
    assert.deepEqual(parse(text).diagnostics, [], raw);
  }
});

test('a control character in a key shaped like a known name is still reported where it is', () => {
  // Same length, first and last character as "seed": only the characters tell them apart.
  const text = '{"s\u0001ed": 1}';
  const { diagnostics, root } = parse(text);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.offset, d.length]),
    [['invalid-string', 3, 1]],
  );
  assert.equal((root as ObjectNode).properties[0].key.value, 's\u0001ed');
});

test('a known name cut by a line feed or by the end of the text is an unclosed string', () => {
  // The diagnostics the plain scanner has always given for these (the string ends at the line
  // feed, or at the end of the text).
  const diagnostics = (text: string): Array<[string, number, number]> =>
    parse(text).diagnostics.map((d) => [d.code, d.offset, d.length]);
  assert.deepEqual(diagnostics('{"se\ned": 1}'), [
    ['unclosed', 0, 1],
    ['unclosed', 1, 3],
    ['syntax-error', 1, 3],
    ['missing-comma', 4, 0],
    ['syntax-error', 5, 2],
    ['syntax-error', 7, 0],
    ['unclosed', 7, 5],
  ]);
  assert.deepEqual(diagnostics('{"seed'), [
    ['unclosed', 0, 1],
    ['unclosed', 1, 5],
    ['syntax-error', 1, 5],
  ]);
});

test('calculation types and environments are read whole; look-alikes fall back', () => {
  const user = (type: string, env: string): string =>
    `{"environment": ${env}, "mpid": 1, "calculated_attributes": {"workspace": [{"attribute_name": "A", "calculation_type": ${type}, "cutoff_date": "2019-12-01", "seed": {"value": 1}}]}}`;
  const typeOf = (text: string): JsonNode | undefined => {
    const root = parse(text).root;
    const ca = getProperty(root, 'calculated_attributes')?.value;
    const ws = getProperty(ca, 'workspace')?.value;
    const entry = ws?.type === 'array' ? ws.items[0] : undefined;
    return getProperty(entry, 'calculation_type')?.value;
  };
  const codes = (text: string): string[] =>
    validate(text, { today: '2026-01-01' }).diagnostics.map((d) => d.code);
  for (const [raw, value, expected] of [
    ['"sum"', 'sum', []],
    ['"su\\u006d"', 'sum', []],
    ['"minimum"', 'minimum', ['calculation-type-alias']],
    ['"Sum"', 'Sum', ['unknown-calculation-type']],
    ['"s\u0001m"', 's\u0001m', ['unknown-calculation-type', 'invalid-string']],
  ] as Array<[string, string, string[]]>) {
    const text = user(raw, '"development"');
    const node = typeOf(text);
    assert.equal(node?.type === 'string' && node.value, value, raw);
    assert.equal(node && spanOf(text, node), raw, raw);
    assert.deepEqual(codes(text), expected, raw);
  }
  assert.equal(typeOf(user('5', '"development"'))?.type, 'number');
  assert.deepEqual(codes(user('"sum"', '"develop\\u006dent"')), []);
  assert.deepEqual(codes(user('"sum"', '"Development"')), ['invalid-environment']);
});

test('plain characters above the backslash: values as JSON.parse reads them, errors where they are', () => {
  const values = ['abc~{|}\u007f', 'zé😀ẞ', 'a\\u00e9b', 'tab\\there', '~~~~\\/'];
  for (const v of values) {
    const text = `{"k": "${v}"}`;
    const root = parse(text).root as ObjectNode;
    const node = root.properties[0].value;
    assert.equal(node?.type === 'string' && node.value, (JSON.parse(text) as { k: string }).k, v);
    assert.deepEqual(parse(text).diagnostics, [], v);
  }
  // A raw tab after letters, and a bad escape after an astral character: exact offsets.
  const text = '{"k": "zz\tzz", "j": "😀\\q"}';
  assert.deepEqual(
    parse(text).diagnostics.map((d) => [d.code, text.slice(d.offset, d.offset + d.length)]),
    [
      ['invalid-string', '\t'],
      ['invalid-string', '\\q'],
    ],
  );
  // Unclosed at the very end, after letters only (the scan meets the end of the text).
  const open = '{"k": "zzz';
  const d = parse(open).diagnostics.find((x) => x.code === 'unclosed' && x.offset === 6);
  assert.ok(d);
  assert.equal(d.length, 4);
});

test('positions after astral-plane characters and escapes stay exact', () => {
  const text =
    '[\n  {"environment": "development", "mpid": 1, "identities": {"😀😀": "x\\u00e9"},\n' +
    '   "calculated_attributes": {"workspace": [{"attribute_name": "😀", "calculation_type": "minimum", "cutoff_date": "2019-12-01", "seed": {"value": 1}}]}}\n]';
  const { diagnostics, lineStarts } = validate(text, { keepTree: false, today: '2026-01-01' });
  const lines = new LineIndex(text, lineStarts);
  const alias = diagnostics.find((d) => d.code === 'calculation-type-alias');
  assert.ok(alias);
  assert.equal(text.slice(alias.offset, alias.offset + alias.length), '"minimum"');
  const line1 = text.split('\n')[2];
  assert.deepEqual(lines.rangeOf(alias.offset, alias.length).start, {
    line: 2,
    character: line1.indexOf('"minimum"'),
  });
  const unknown = diagnostics.find((d) => d.offset === text.indexOf('"😀😀"'));
  assert.ok(unknown, JSON.stringify(diagnostics));
  assert.equal(unknown.length, '"😀😀"'.length);
});

test('attribute names read through the cache of recent names are exactly the text', () => {
  // "Aa" and "BB" have one hash (and one cache slot): each must still read as itself.
  const names = ['Aa', 'BB', 'Aa', 'LTV', 'LT\\u0056', 'BB', 'Aa', 'L\\"TV', 'ė😀'];
  const text = `[${names
    .map(
      (n) =>
        `{"environment": "development", "mpid": 1, "calculated_attributes": {"workspace": [{"attribute_name": "${n}", "calculation_type": "sum", "cutoff_date": "2019-12-01", "seed": {"value": 1}}]}}`,
    )
    .join(',')}]`;
  const expected = (
    JSON.parse(text) as Array<{
      calculated_attributes: { workspace: Array<{ attribute_name: string }> };
    }>
  ).map((u) => u.calculated_attributes.workspace[0].attribute_name);
  const root = parse(text).root;
  const read =
    root?.type === 'array'
      ? root.items.map((u) => {
          const ws = getProperty(
            getProperty(u, 'calculated_attributes')?.value,
            'workspace',
          )?.value;
          const entry = ws?.type === 'array' ? ws.items[0] : undefined;
          const v = getProperty(entry, 'attribute_name')?.value;
          return v?.type === 'string' ? v.value : undefined;
        })
      : [];
  assert.deepEqual(read, expected);
  // A raw control character in a name is still reported where it is.
  const bad = '{"attribute_name": "L\tV"}';
  assert.deepEqual(
    parse(bad).diagnostics.map((d) => [d.code, d.offset]),
    [['invalid-string', bad.indexOf('\t')]],
  );
});
