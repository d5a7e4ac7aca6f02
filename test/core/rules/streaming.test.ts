/**
 * validate(text, { keepTree: false }) checks each bulk user as it is parsed and drops it: the same
 * diagnostics as with the whole tree, without the users in the result.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validate } from '../../../core/validate';
import { entry, TODAY, userWith, VALID_SEEDS } from './helpers';

function bulkText(): string {
  const users: string[] = [];
  for (let i = 0; i < 30; i++) {
    const type = i % 7 === 3 ? 'minimum' : 'sum';
    const cutoff = i % 11 === 5 ? '"2019-02-30"' : '"2019-12-01"';
    users.push(userWith(entry(type, VALID_SEEDS.sum, 'LTV', cutoff), `"mpid": ${1000 + i}`));
  }
  users.splice(4, 0, '42');
  return `[\n${users.join(',\n')}\n]`;
}

test('streaming validation gives the same diagnostics and drops the users', () => {
  const text = bulkText();
  const kept = validate(text, { today: TODAY });
  const streamed = validate(text, { today: TODAY, keepTree: false });
  assert.deepEqual(streamed.diagnostics, kept.diagnostics);
  assert.equal(kept.userCount, 31);
  assert.equal(streamed.userCount, 31);
  assert.equal(kept.root?.type === 'array' && kept.root.items.length, 31);
  assert.equal(streamed.root?.type === 'array' && streamed.root.items.length, 0);
  const codes = new Set(kept.diagnostics.map((d) => d.code));
  assert.deepEqual([...codes].sort(), [
    'calculation-type-alias',
    'conflicting-attribute',
    'invalid-date',
    'not-a-user',
  ]);
});

test('diagnostics come in source order', () => {
  const { diagnostics } = validate(bulkText(), { today: TODAY });
  for (let i = 1; i < diagnostics.length; i++)
    assert.ok(diagnostics[i].offset >= diagnostics[i - 1].offset);
});

test('no input crashes validation', () => {
  const inputs = [
    '',
    ' ',
    '{',
    '[',
    '[{',
    '{"mpid":',
    '{"calculated_attributes": {"workspace": [{"seed": ',
    '[1,,2]',
    '{"a" 1}',
    'null',
    '"\\u12"',
    '[{"identities": {"__proto__": 1}}]',
    '{"__proto__": {"environment": 1}}',
  ];
  for (const text of inputs) {
    const r = validate(text, { today: TODAY });
    assert.ok(Array.isArray(r.diagnostics), text);
  }
  const text = bulkText();
  for (let cut = 0; cut < text.length; cut += 97) validate(text.slice(0, cut), { today: TODAY });
});
