import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CALCULATION_TYPES } from '../../../core/facts';
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

test('every calculation type with its seed field is clean', () => {
  for (const t of CALCULATION_TYPES) expectClean(userWith(entry(t.name, VALID_SEEDS[t.name])));
  const all = CALCULATION_TYPES.map((t, i) => entry(t.name, VALID_SEEDS[t.name], `A${i}`));
  expectClean(userWith(all.join(',\n      ')));
});

test('calculation-type-alias: minimum/maximum warn and are fixed to min/max', () => {
  for (const [alias, name] of [
    ['minimum', 'min'],
    ['maximum', 'max'],
  ]) {
    const text = userWith(entry(alias, '{ "value": 1 }')).replace(`"${alias}"`, `⟦"${alias}"⟧`);
    const { text: t, d } = expectDiagnostic(text, 'calculation-type-alias');
    const fixed = expectFixClears(t, d);
    assert.ok(fixed.includes(`"calculation_type": "${name}"`));
    expectClean(fixed);
  }
  expectNo(userWith(entry('min', '{ "value": 1 }')), 'calculation-type-alias');
});

test('an alias still gets its seed checked', () => {
  expectDiagnostic(userWith(entry('minimum', '{ "value": ⟦"low"⟧ }')), 'non-numeric-seed');
});

test('unknown-calculation-type: did you mean, with a fix', () => {
  const text = userWith(entry('summ', '{ "value": 1 }')).replace('"summ"', '⟦"summ"⟧');
  const { text: t, d } = expectDiagnostic(text, 'unknown-calculation-type');
  assert.match(d.message, /did you mean "sum"/);
  expectClean(expectFixClears(t, d));
  const synonym = userWith(entry('avg', '{ "value": 1 }')).replace('"avg"', '⟦"avg"⟧');
  const { d: d2 } = expectDiagnostic(synonym, 'unknown-calculation-type');
  assert.match(d2.message, /"average"/);
  expectDiagnostic(
    userWith(entry('SUM', '{ "value": 1 }')).replace('"SUM"', '⟦"SUM"⟧'),
    'unknown-calculation-type',
  );
  const none = userWith(entry('weird', '{ "value": 1 }')).replace('"weird"', '⟦"weird"⟧');
  const { d: d3 } = expectDiagnostic(none, 'unknown-calculation-type');
  assert.equal(d3.fixes, undefined);
  // The schema's enum is not reported a second time.
  assert.deepEqual(codesOf(none.replace(/[⟦⟧]/g, '')), ['unknown-calculation-type']);
});

test('a type named like an Object property (constructor, toString) is just unknown', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    const text = userWith(entry(name, '{ "value": 1 }')).replace(`"${name}"`, `⟦"${name}"⟧`);
    const { d } = expectDiagnostic(text, 'unknown-calculation-type');
    assert.doesNotMatch(d.message, /did you mean|function/);
    assert.equal(d.fixes, undefined);
  }
});

test('missing-seed-field: on the "seed" key; the fix inserts the field the type reads', () => {
  const cases: Array<[string, string]> = [
    ['sum', '{}'],
    ['unique_list', '{}'],
    ['average', '{}'],
    ['most_frequent', '{}'],
    ['last_occurrence', '{}'],
  ];
  for (const [type, seed] of cases) {
    const text = userWith(entry(type, seed)).replace('"seed"', '⟦"seed"⟧');
    const { text: t, d } = expectDiagnostic(text, 'missing-seed-field');
    expectFixClears(t, d);
  }
  expectNo(userWith(entry('sum', '{ "value": 1 }')), 'missing-seed-field');
});

test('unused-seed-field: a field the type does not read; the fix removes it', () => {
  const text = userWith(entry('sum', '{ "value": 1, ⟦"list"⟧: [] }'));
  const { text: t, d } = expectDiagnostic(text, 'unused-seed-field');
  expectClean(expectFixClears(t, d));
  expectNo(userWith(entry('sum', '{ "value": 1 }')), 'unused-seed-field');
});

test('the wrong seed field: missing and unused, neither fix preferred (no data loss)', () => {
  const text = userWith(entry('average', '{ ⟦"value"⟧: 5 }'));
  const { d } = expectDiagnostic(text, 'unused-seed-field');
  assert.ok(!d.fixes?.some((f) => f.preferred));
  const codes = codesOf(text.replace(/[⟦⟧]/g, ''));
  assert.deepEqual(codes.sort(), ['missing-seed-field', 'unused-seed-field']);
});

test('an unknown seed key is unknown-property with did you mean', () => {
  const { text, d } = expectDiagnostic(
    userWith(entry('sum', '{ ⟦"values"⟧: 1 }')),
    'unknown-property',
  );
  assert.match(d.message, /did you mean "value"/);
  expectClean(expectFixClears(text, d));
});

test('a seed that is not an object is wrong-type', () => {
  expectDiagnostic(userWith(entry('sum', '⟦100⟧')), 'wrong-type');
  expectDiagnostic(userWith(entry('sum', '⟦[1]⟧')), 'wrong-type');
});
