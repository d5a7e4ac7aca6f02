import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  codesOf,
  diagnosticsOf,
  entry,
  expectClean,
  expectDiagnostic,
  expectFixClears,
  expectNo,
  userWith,
  VALID_SEEDS,
} from './helpers';

const seed = entry('sum', VALID_SEEDS.sum);

test('missing-property on the user: on its opening brace; the fix inserts it', () => {
  const text = `⟦{⟧
  "mpid": 1,
  "calculated_attributes": { "workspace": [${seed}] }
}`;
  const { text: t, d } = expectDiagnostic(text, 'missing-property');
  assert.match(d.message, /"environment"/);
  const fixed = expectFixClears(t, d);
  assert.ok(fixed.includes('"environment": "development"'));
  expectClean(fixed);
  expectNo(userWith(seed), 'missing-property');
});

test("missing-property inside a property: on that property's key", () => {
  const text = `{
  "environment": "development",
  "mpid": 1,
  ⟦"calculated_attributes"⟧: {}
}`;
  const { text: t, d } = expectDiagnostic(text, 'missing-property');
  assert.match(d.message, /"workspace"/);
  expectFixClears(t, d);
});

test('missing-property in a seed entry: on the entry; the seed skeleton fits the type', () => {
  const text = userWith(`⟦{⟧
        "attribute_name": "LTV",
        "calculation_type": "average",
        "cutoff_date": "2019-12-01"
      }`);
  const { text: t, d } = expectDiagnostic(text, 'missing-property');
  const fixed = expectFixClears(t, d, 'Add "seed"');
  assert.ok(fixed.includes('"seed": { "key_value_pairs": { "sum": 0, "count": 1 } }'));
  expectClean(fixed);
});

test('missing-property: every required field of an entry and of a user attribute', () => {
  for (const name of ['attribute_name', 'calculation_type', 'cutoff_date', 'seed']) {
    const e = entry('sum', '{ "value": 1 }').replace(
      new RegExp(`\\s*"${name}": [^\\n]*?,?\\n`),
      '\n',
    );
    const codes = codesOf(userWith(e));
    assert.ok(codes.includes('missing-property'), `${name}: ${codes}`);
  }
  const ua = userWith(
    seed,
    '"mpid": 1,\n  "user_attributes": { "workspace": [⟦{⟧ "attribute_name": "tier" }] }',
  );
  const { text, d } = expectDiagnostic(ua, 'missing-property');
  expectClean(expectFixClears(text, d, 'Add "attribute_value"'));
});

test('a misspelt required key is reported once, as unknown-property with a rename', () => {
  const text = `{
  ⟦"enviroment"⟧: "development",
  "mpid": 1,
  "calculated_attributes": { "workspace": [${seed}] }
}`;
  const { text: t, d } = expectDiagnostic(text, 'unknown-property');
  assert.match(d.message, /did you mean "environment"/);
  expectNo(t, 'missing-property');
  expectClean(expectFixClears(t, d));
});

test('unknown-property without a near name: removal offered, not preferred', () => {
  const text = userWith(seed, '"mpid": 1,\n  ⟦"note"⟧: "hello"');
  const { text: t, d } = expectDiagnostic(text, 'unknown-property');
  assert.ok(!d.fixes?.some((f) => f.preferred));
  expectClean(expectFixClears(t, d, 'Remove "note"'));
});

test('wrong-type: on the value, with what to write', () => {
  const text = `{
  "environment": "development",
  "mpid": 1,
  "calculated_attributes": ⟦[]⟧
}`;
  const { d } = expectDiagnostic(text, 'wrong-type');
  assert.match(d.message, /must be an object/);
  expectDiagnostic(userWith(seed, '"mpid": 1,\n  "user_attributes": ⟦"x"⟧'), 'wrong-type');
  expectDiagnostic(userWith(entry('sum', '{ "value": 1 }').replace('"LTV"', '⟦12⟧')), 'wrong-type');
  const { text: t2, d: d2 } = expectDiagnostic(
    userWith(entry('sum', '{ "value": 1 }').replace('"LTV"', '⟦12⟧')),
    'wrong-type',
  );
  expectClean(expectFixClears(t2, d2));
  expectDiagnostic(
    userWith(entry('sum', '{ "value": 1 }')).replace('"workspace": [', '"workspace": [\n⟦"x"⟧,'),
    'wrong-type',
  );
});

test('invalid-environment: the closest is offered; development is preferred, production never', () => {
  const dev = userWith(seed).replace('"development"', '⟦"dev"⟧');
  const { text, d } = expectDiagnostic(dev, 'invalid-environment');
  expectClean(expectFixClears(text, d));
  const prod = userWith(seed).replace('"development"', '⟦"prod"⟧');
  const { text: t2, d: d2 } = expectDiagnostic(prod, 'invalid-environment');
  assert.match(d2.message, /did you mean "production"/);
  assert.ok(!d2.fixes?.some((f) => f.preferred));
  expectClean(expectFixClears(t2, d2, 'Change to "production"'));
  expectDiagnostic(userWith(seed).replace('"development"', '⟦1⟧'), 'invalid-environment');
  expectNo(userWith(seed).replace('"development"', '"production"'), 'invalid-environment');
});

test('empty-workspace: calculated_attributes.workspace needs a seed', () => {
  const text = `{ "environment": "development", "mpid": 1, "calculated_attributes": { "workspace": ⟦[]⟧ } }`;
  expectDiagnostic(text, 'empty-workspace');
  expectNo(userWith(seed), 'empty-workspace');
});

function withUserAttributes(items: string): string {
  return userWith(seed, `"mpid": 1,\n  "user_attributes": { "workspace": [${items}] }`);
}

test('too-many-user-attributes: more than 100, marked from the 101st', () => {
  const items = Array.from(
    { length: 102 },
    (_, i) => `{ "attribute_name": "a${i}", "attribute_value": "v" }`,
  );
  const marked = `${items.slice(0, 100).join(', ')}, ⟦${items.slice(100).join(', ')}⟧`;
  expectDiagnostic(withUserAttributes(marked), 'too-many-user-attributes');
  expectClean(withUserAttributes(items.slice(0, 100).join(', ')));
});

test('empty-attribute-name and attribute name/value length limits', () => {
  expectDiagnostic(
    withUserAttributes('{ "attribute_name": ⟦""⟧, "attribute_value": "v" }'),
    'empty-attribute-name',
  );
  expectDiagnostic(
    userWith(entry('sum', '{ "value": 1 }', '⟦⟧')).replace('"⟦⟧"', '⟦""⟧'),
    'empty-attribute-name',
  );
  const long = 'n'.repeat(257);
  expectDiagnostic(
    withUserAttributes(`{ "attribute_name": ⟦"${long}"⟧, "attribute_value": "v" }`),
    'attribute-name-too-long',
  );
  expectDiagnostic(
    userWith(entry('sum', '{ "value": 1 }', long)).replace(`"${long}"`, `⟦"${long}"⟧`),
    'attribute-name-too-long',
  );
  expectClean(
    withUserAttributes(`{ "attribute_name": "${'n'.repeat(256)}", "attribute_value": "v" }`),
  );
  expectDiagnostic(
    withUserAttributes(`{ "attribute_name": "a", "attribute_value": ⟦"${'v'.repeat(4097)}"⟧ }`),
    'attribute-value-too-long',
  );
  expectClean(
    withUserAttributes(`{ "attribute_name": "a", "attribute_value": "${'v'.repeat(4096)}" }`),
  );
});

test('root shape: invalid-root, empty-bulk, not-a-user on the element', () => {
  expectDiagnostic('⟦"hello"⟧', 'invalid-root');
  expectDiagnostic('⟦42⟧', 'invalid-root');
  expectDiagnostic('⟦[]⟧', 'empty-bulk');
  expectDiagnostic(`[\n${userWith(seed)},\n⟦42⟧\n]`, 'not-a-user');
  expectDiagnostic(`[⟦[]⟧]`, 'not-a-user');
  expectClean(`[\n${userWith(seed)},\n${userWith(seed, '"mpid": 2')}\n]`);
  expectNo(userWith(seed), 'invalid-root');
});

test('in a bulk file every error sits on the element, never on the whole array', () => {
  const bad = `{ "environment": "staging", "mpid": 1, "calculated_attributes": { "workspace": [] } }`;
  const text = `[\n${userWith(seed)},\n${bad},\n${userWith(seed, '"identities": {}')}\n]`;
  const found = diagnosticsOf(text);
  assert.deepEqual(
    found.map((d) => d.code),
    ['invalid-environment', 'empty-workspace', 'empty-identities'],
  );
  for (const d of found) {
    assert.notEqual(d.offset, 0, `${d.code} on the array`);
    assert.ok(d.length < 40, `${d.code} spans more than its node`);
  }
});
