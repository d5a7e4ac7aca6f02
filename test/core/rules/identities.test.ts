import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IDENTITY_ALIASES, IDENTITY_TYPES } from '../../../core/facts';
import {
  entry,
  expectClean,
  expectDiagnostic,
  expectFixClears,
  expectNo,
  userWith,
  VALID_SEEDS,
} from './helpers';

const seed = entry('sum', VALID_SEEDS.sum);
const withIds = (ids: string): string => userWith(seed, `"identities": ${ids}`);

test('every identity type of the seeding API is accepted', () => {
  const ids = IDENTITY_TYPES.map((t, i) => `"${t.name}": "id-${i}"`).join(', ');
  expectClean(withIds(`{ ${ids} }`));
});

test('unknown-identity: names from other mParticle APIs get the seeding name as a fix', () => {
  for (const [alias, name] of Object.entries(IDENTITY_ALIASES)) {
    const { text, d } = expectDiagnostic(
      withIds(`{ ⟦"${alias}"⟧: "x", "email": "a@b.c" }`),
      'unknown-identity',
    );
    assert.ok(d.message.includes(name), d.message);
    const fixed = expectFixClears(text, d);
    assert.ok(fixed.includes(`"${name}": "x"`));
    expectClean(fixed);
  }
});

test('unknown-identity: near misses get "did you mean"', () => {
  const { text, d } = expectDiagnostic(withIds('{ ⟦"emial"⟧: "a@b.c" }'), 'unknown-identity');
  assert.match(d.message, /did you mean "email"/);
  expectClean(expectFixClears(text, d));
  const { d: d2 } = expectDiagnostic(withIds('{ ⟦"Customer_ID"⟧: "1" }'), 'unknown-identity');
  assert.match(d2.message, /customer_id/);
});

test('unknown-identity: a name far from any gets no rename, only removal', () => {
  const { text, d } = expectDiagnostic(withIds('{ ⟦"shoe_size"⟧: "42" }'), 'unknown-identity');
  assert.ok(!d.fixes?.some((f) => f.preferred));
  expectFixClears(text, d, 'Remove "shoe_size"');
});

test('unknown-identity: the rename is not offered when the target is already there', () => {
  const { d } = expectDiagnostic(
    withIds('{ ⟦"ios_idfa"⟧: "x", "ios_advertising_id": "y" }'),
    'unknown-identity',
  );
  assert.ok(!d.fixes?.some((f) => f.title.startsWith('Rename')));
});

test('empty-identities: an empty object without mpid', () => {
  expectDiagnostic(withIds('⟦{}⟧'), 'empty-identities');
  expectNo(withIds('{ "email": "a@b.c" }'), 'empty-identities');
  const { text, d } = expectDiagnostic(
    userWith(seed, '"mpid": 1,\n  "identities": ⟦{}⟧'),
    'ignored-identities-invalid',
  );
  expectClean(expectFixClears(text, d));
});

test('invalid-identity-value: numbers (fix quotes them), empty strings, null', () => {
  const { text, d } = expectDiagnostic(
    withIds('{ "customer_id": ⟦1234⟧ }'),
    'invalid-identity-value',
  );
  expectClean(expectFixClears(text, d));
  expectDiagnostic(withIds('{ "email": ⟦""⟧ }'), 'invalid-identity-value');
  expectDiagnostic(withIds('{ "email": ⟦null⟧ }'), 'invalid-identity-value');
  expectNo(withIds('{ "customer_id": "1234" }'), 'invalid-identity-value');
});

test('identities of the wrong type are a wrong-type error, reported once', () => {
  expectDiagnostic(withIds('⟦["a@b.c"]⟧'), 'wrong-type');
});
