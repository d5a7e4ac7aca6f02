/**
 * No stricter than the API without grounds: what the API accepts or ignores is a warning (with a
 * fix where one is safe), and the error stays where the API rejects.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  codesOf,
  entry,
  expectClean,
  expectDiagnostic,
  expectFixClears,
  expectNo,
  userWith,
  VALID_SEEDS,
} from './helpers';

const seed = entry('sum', VALID_SEEDS.sum);
const u = (type: string, s: string): string => userWith(entry(type, s));

test('whole-number-float: a count written 5.0 is a warning fixed to 5', () => {
  for (const [v, fixed] of [
    ['5.0', '5'],
    ['12.00', '12'],
    ['"7.0"', '"7"'],
    ['0.0', '0'],
  ]) {
    const { text, d } = expectDiagnostic(u('count', `{ "value": ⟦${v}⟧ }`), 'whole-number-float');
    expectNo(text, 'invalid-count');
    const after = expectFixClears(text, d);
    assert.ok(after.includes(`"value": ${fixed} `), after);
    expectClean(after);
  }
  // Not whole, negative, or an exponent: still an invalid count.
  for (const v of ['5.5', '-5.0', '5.', '1e2', '"5.01"']) {
    const text = u('count', `{ "value": ${v} }`);
    expectNo(text, 'whole-number-float');
  }
  expectDiagnostic(u('count', '{ "value": ⟦2.5⟧ }'), 'invalid-count');
});

test('whole-number-float: the count of an average and of most_frequent', () => {
  const { text, d } = expectDiagnostic(
    u('average', '{ "key_value_pairs": { "sum": 1, "count": ⟦20.0⟧ } }'),
    'whole-number-float',
  );
  expectClean(expectFixClears(text, d));
  // The count of an average is positive: 0.0 stays an error.
  expectDiagnostic(
    u('average', '{ "key_value_pairs": { "sum": 1, "count": ⟦0.0⟧ } }'),
    'invalid-count',
  );
  const mf = expectDiagnostic(
    u('most_frequent', '{ "key_value_pairs": { "steak": ⟦2.0⟧ } }'),
    'whole-number-float',
  );
  expectNo(mf.text, 'invalid-key-value-pairs');
  expectClean(expectFixClears(mf.text, mf.d));
  // A sum is not a count: 5.0 is fine there.
  expectClean(u('sum', '{ "value": 5.0 }'));
});

test('ignored-identities-invalid: an empty identities object next to an mpid is a warning', () => {
  const { text, d } = expectDiagnostic(
    userWith(seed, '"mpid": 1,\n  "identities": ⟦{}⟧'),
    'ignored-identities-invalid',
  );
  expectNo(text, 'empty-identities');
  expectClean(expectFixClears(text, d));
  // Without an mpid the API needs identities: still an error.
  expectDiagnostic(userWith(seed, '"identities": ⟦{}⟧'), 'empty-identities');
});

test('ignored-identities-invalid: names from other APIs next to an mpid are a warning', () => {
  const { text, d } = expectDiagnostic(
    userWith(seed, '"mpid": 1,\n  "identities": { ⟦"ios_idfa"⟧: "x" }'),
    'ignored-identities-invalid',
  );
  assert.match(d.message, /ios_advertising_id/);
  assert.match(d.message, /ignores "identities"/);
  expectNo(text, 'unknown-identity');
  expectFixClears(text, d);
  expectDiagnostic(
    userWith(seed, '"mpid": 1,\n  "identities": { "email": ⟦""⟧ }'),
    'ignored-identities-invalid',
  );
  // Without an mpid: the errors as before.
  expectDiagnostic(userWith(seed, '"identities": { ⟦"ios_idfa"⟧: "x" }'), 'unknown-identity');
  expectDiagnostic(userWith(seed, '"identities": { "email": ⟦""⟧ }'), 'invalid-identity-value');
});

test('"mpid": null does not make identities ignored', () => {
  const text = userWith(seed, '"mpid": null,\n  "identities": { "email": "a@b.c" }');
  expectNo(text, 'identities-ignored');
  // identities are what finds the user then: their problems stay errors.
  expectDiagnostic(userWith(seed, '"mpid": null,\n  "identities": ⟦{}⟧'), 'empty-identities');
  expectDiagnostic(
    userWith(seed, '"mpid": null,\n  "identities": { ⟦"ios_idfa"⟧: "x" }'),
    'unknown-identity',
  );
});

test('only-user-attributes: an empty workspace is a warning when the user sets user attributes', () => {
  const ua =
    '"user_attributes": { "workspace": [{ "attribute_name": "tier", "attribute_value": "gold" }] }';
  const text = `{ "environment": "development", "mpid": 1, "calculated_attributes": { "workspace": ⟦[]⟧ }, ${ua} }`;
  const { d } = expectDiagnostic(text, 'only-user-attributes');
  assert.equal(d.severity, 'warning');
  expectNo(text.replace(/[⟦⟧]/g, ''), 'empty-workspace');
  // Without user attributes (or with an empty list of them), the request would do nothing.
  const bare = `{ "environment": "development", "mpid": 1, "calculated_attributes": { "workspace": ⟦[]⟧ } }`;
  expectDiagnostic(bare, 'empty-workspace');
  const emptyUa = `{ "environment": "development", "mpid": 1, "calculated_attributes": { "workspace": ⟦[]⟧ }, "user_attributes": { "workspace": [] } }`;
  expectDiagnostic(emptyUa, 'empty-workspace');
});

test('duplicate-user-attribute: the same user attribute twice is a warning; a calculated attribute twice stays an error', () => {
  const uas = (items: string): string =>
    userWith(seed, `"mpid": 1,\n  "user_attributes": { "workspace": [${items}] }`);
  const { text } = expectDiagnostic(
    uas(
      '{ "attribute_name": "tier", "attribute_value": "a" }, { "attribute_name": ⟦"tier"⟧, "attribute_value": "b" }',
    ),
    'duplicate-user-attribute',
  );
  expectNo(text, 'duplicate-attribute');
  expectNo(
    uas(
      '{ "attribute_name": "tier", "attribute_value": "a" }, { "attribute_name": "LTV", "attribute_value": "b" }',
    ),
    'duplicate-user-attribute',
  );
  const twice = userWith(`${seed},\n      ${seed}`);
  assert.deepEqual(codesOf(twice), ['duplicate-attribute']);
});
