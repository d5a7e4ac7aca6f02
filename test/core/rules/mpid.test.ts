import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getValue } from '../../../core/ast';
import { validate } from '../../../core/validate';
import {
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

test('valid mpids: the 19-digit page example, the 64-bit bounds, small ids', () => {
  for (const mpid of [
    '7346244611012968789',
    '9223372036854775807',
    '-9223372036854775808',
    '0',
    '-1',
    '482309279432794321',
  ]) {
    expectClean(userWith(seed, `"mpid": ${mpid}`));
  }
});

test('invalid-mpid: outside the signed 64-bit range, fractions, exponents', () => {
  for (const mpid of [
    '9223372036854775808',
    '-9223372036854775809',
    '10000000000000000000',
    '1e5',
    '1.0',
    '7346244611012968789.5',
  ]) {
    expectDiagnostic(userWith(seed, `"mpid": ⟦${mpid}⟧`), 'invalid-mpid');
  }
  expectDiagnostic(userWith(seed, '"mpid": ⟦true⟧'), 'invalid-mpid');
  expectDiagnostic(userWith(seed, '"mpid": ⟦"abc"⟧'), 'invalid-mpid');
  expectNo(userWith(seed, '"mpid": 9223372036854775807'), 'invalid-mpid');
});

test('the mpid keeps its exact source text through validation', () => {
  const { root } = validate(userWith(seed, '"mpid": 7346244611012968789'));
  const mpid = getValue(root, 'mpid');
  assert.equal(mpid?.type === 'number' && mpid.raw, '7346244611012968789');
});

test('mpid-as-string: quoted digits, fixed by unquoting with every digit kept', () => {
  const { text, d } = expectDiagnostic(
    userWith(seed, '"mpid": ⟦"7346244611012968789"⟧'),
    'mpid-as-string',
  );
  const fixed = expectFixClears(text, d);
  assert.ok(fixed.includes('"mpid": 7346244611012968789,'));
  expectClean(fixed);
  expectNo(userWith(seed, '"mpid": 7346244611012968789'), 'mpid-as-string');
});

test('missing-user-id: neither mpid nor identities, on the user object', () => {
  const text = userWith(seed, '"user_attributes": { "workspace": [] }');
  const { d } = expectDiagnostic(`⟦{⟧${text.slice(1)}`, 'missing-user-id');
  assert.equal(d.length, 1);
  expectNo(userWith(seed, '"identities": { "customer_id": "1234" }'), 'missing-user-id');
  expectNo(userWith(seed), 'missing-user-id');
});

test('missing-user-id in a bulk file sits on the user, not on the array', () => {
  const user = userWith(seed, '"user_attributes": { "workspace": [] }');
  const text = `[\n${userWith(seed)},\n⟦{⟧${user.slice(1)}\n]`;
  expectDiagnostic(text, 'missing-user-id');
});

test('identities-ignored: information, faded, when mpid is present', () => {
  const { d } = expectDiagnostic(
    userWith(seed, '"mpid": 1,\n  ⟦"identities": { "email": "a@b.c" }⟧'),
    'identities-ignored',
  );
  assert.deepEqual(d.tags, ['unnecessary']);
  assert.ok(!d.fixes?.some((f) => f.preferred), 'removing identities is offered, not preferred');
  expectNo(userWith(seed, '"identities": { "email": "a@b.c" }'), 'identities-ignored');
  const { text, d: d2 } = expectDiagnostic(
    userWith(seed, '"mpid": 1,\n  ⟦"identities": { "email": "a@b.c" }⟧'),
    'identities-ignored',
  );
  expectClean(expectFixClears(text, d2, 'Remove "identities"'));
});

test('an mpid error is reported once (the schema does not repeat it)', () => {
  const codes = diagnosticsOf(userWith(seed, '"mpid": "x"')).map((d) => d.code);
  assert.deepEqual(codes, ['invalid-mpid']);
});
