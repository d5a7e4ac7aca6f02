import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ObjectNode } from '../../core/ast';
import { getValue, nodeAtPath, nodeChainAt, pathOfChain } from '../../core/ast';
import { applyEdits } from '../../core/diagnostics';
import { parse } from '../../core/parser';

function codes(text: string): string[] {
  return parse(text).diagnostics.map((d) => d.code);
}

/** Applies every preferred fix and returns the new text. */
function fixAll(text: string): string {
  const edits = parse(text).diagnostics.flatMap((d) =>
    (d.fixes ?? []).filter((f) => f.preferred).flatMap((f) => f.edits),
  );
  return applyEdits(text, edits);
}

test('valid JSON gives no diagnostics and exact spans', () => {
  const text = '{ "a": [1, "x", true, null, {"b": -0.5e3}] }';
  const r = parse(text);
  assert.deepEqual(r.diagnostics, []);
  const a = getValue(r.root, 'a');
  assert.equal(a?.type, 'array');
  assert.equal(text.slice(a!.offset, a!.offset + a!.length), '[1, "x", true, null, {"b": -0.5e3}]');
  const b = nodeAtPath(r.root, ['a', 4, 'b']);
  assert.equal(b?.type === 'number' && b.raw, '-0.5e3');
});

test('a 19-digit mpid keeps its source text', () => {
  const r = parse('{"mpid": 7346244611012968789}');
  const mpid = getValue(r.root, 'mpid');
  assert.equal(mpid?.type === 'number' && mpid.raw, '7346244611012968789');
});

test('trailing commas are errors whose fix removes them', () => {
  const text = '{\n  "a": [1, 2,],\n  "b": "Free",\n}';
  assert.deepEqual(codes(text), ['trailing-comma', 'trailing-comma']);
  const d = parse(text).diagnostics[0];
  assert.equal(text[d.offset], ',');
  assert.deepEqual(codes(fixAll(text)), []);
});

test('missing commas, unclosed structures and strings are fixed by their quick fixes', () => {
  for (const text of ['{"a": 1 "b": 2}', '[1 2]', '{"a": [1, 2', '{"a": "abc', '{"a": {"b": 1}']) {
    assert.ok(codes(text).length > 0, text);
    assert.deepEqual(codes(fixAll(text)), [], `${text} → ${fixAll(text)}`);
  }
});

test('comments are not allowed and are removed by the fix', () => {
  const text = '// seed\n{"a": /* one */ 1}';
  assert.deepEqual(codes(text), ['comment', 'comment']);
  assert.deepEqual(codes(fixAll(text)), []);
});

test('duplicate keys: the earlier one is flagged and removed by the fix', () => {
  const text = '{\n  "mpid": 1,\n  "x": 2,\n  "mpid": 3\n}';
  const [d] = parse(text).diagnostics;
  assert.equal(d.code, 'duplicate-key');
  assert.equal(d.offset, text.indexOf('"mpid"'));
  const fixed = fixAll(text);
  assert.equal(fixed, '{\n  "x": 2,\n  "mpid": 3\n}');
  assert.deepEqual(codes(fixed), []);
});

test('invalid numbers and bare words are reported, and parsing goes on', () => {
  assert.deepEqual(codes('[012, +1, 1., .5, 1e, NaN, tru]'), [
    'invalid-number',
    'invalid-number',
    'invalid-number',
    'invalid-number',
    'invalid-number',
    'syntax-error',
    'syntax-error',
  ]);
  assert.deepEqual(codes('[-, 1]'), ['invalid-number']);
});

test('bad escapes and raw control characters in strings', () => {
  assert.deepEqual(codes('["a\\qb"]'), ['invalid-string']);
  assert.deepEqual(codes('["\\u12"]'), ['invalid-string']);
  assert.deepEqual(codes('["a\tb"]'), ['invalid-string']);
  const r = parse('["\\u00e9\\n"]');
  assert.equal(
    r.root?.type === 'array' && r.root.items[0].type === 'string' && r.root.items[0].value,
    'é\n',
  );
});

test('an empty file and text after the root', () => {
  assert.deepEqual(codes(''), ['empty-file']);
  assert.deepEqual(codes('  \n'), ['empty-file']);
  assert.deepEqual(codes('{} {}'), ['syntax-error']);
});

test('single quotes and unquoted keys are recovered with fixes', () => {
  const text = "{environment: 'development'}";
  assert.deepEqual(codes(text), ['syntax-error', 'syntax-error']);
  assert.equal(fixAll(text), '{"environment": "development"}');
});

test('deep nesting is refused without exhausting the stack', () => {
  const r = parse('['.repeat(200_000));
  assert.ok(r.diagnostics.some((d) => d.message.includes('Nesting deeper')));
});

test('onRootItem sees each user of a bulk array and can drop it', () => {
  const seen: number[] = [];
  const r = parse('[{"a":1},{"a":2},{"a":3}]', {
    onRootItem: (item, i) => {
      seen.push(i);
      assert.equal(item.type, 'object');
      return false;
    },
  });
  assert.deepEqual(seen, [0, 1, 2]);
  assert.equal(r.rootItemCount, 3);
  assert.equal(r.root?.type === 'array' && r.root.items.length, 0);
});

test('a half-typed document still yields a tree with the typed properties', () => {
  const text =
    '{\n  "environment": "development",\n  "calculated_attributes": {\n    "workspace": [\n      { "attribute_name": "LTV", "calc';
  const r = parse(text);
  const entry = nodeAtPath(r.root, ['calculated_attributes', 'workspace', 0]) as ObjectNode;
  assert.equal(entry.type, 'object');
  assert.equal(entry.properties[0].key.value, 'attribute_name');
  const chain = nodeChainAt(r.root, text.length);
  assert.deepEqual(pathOfChain(chain).slice(0, 3), ['calculated_attributes', 'workspace', 0]);
});

describe('byte order mark (core/bom.ts)', () => {
  test('a leading BOM is skipped, not reported; offsets still count it', () => {
    const { root, diagnostics } = parse('\uFEFF{"mpid": 1}');
    assert.deepEqual(diagnostics, []);
    assert.equal(root?.offset, 1);
  });

  test('a BOM anywhere else is a syntax error, and a BOM alone is an empty file', () => {
    assert.ok(parse('{"mpid": 1}\uFEFF').diagnostics.some((d) => d.code === 'syntax-error'));
    assert.ok(parse(' \uFEFF{}').diagnostics.some((d) => d.code === 'syntax-error'));
    assert.deepEqual(
      parse('\uFEFF').diagnostics.map((d) => d.code),
      ['empty-file'],
    );
  });
});
