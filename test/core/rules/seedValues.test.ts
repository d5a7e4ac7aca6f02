import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  entry,
  expectClean,
  expectDiagnostic,
  expectFixClears,
  expectNo,
  userWith,
} from './helpers';

const u = (type: string, seed: string): string => userWith(entry(type, seed));

test('non-numeric-seed: count, sum, min, max and average need numbers or numeric strings', () => {
  for (const type of ['count', 'sum', 'min', 'max']) {
    expectDiagnostic(u(type, '{ "value": ⟦"ten"⟧ }'), 'non-numeric-seed');
    expectDiagnostic(u(type, '{ "value": ⟦true⟧ }'), 'non-numeric-seed');
    expectNo(u(type, '{ "value": "10" }'), 'non-numeric-seed');
    expectNo(u(type, '{ "value": 10 }'), 'non-numeric-seed');
  }
  expectDiagnostic(
    u('average', '{ "key_value_pairs": { "sum": ⟦"lots"⟧, "count": 2 } }'),
    'non-numeric-seed',
  );
  const { text, d } = expectDiagnostic(u('sum', '{ "value": ⟦"1,234.5"⟧ }'), 'non-numeric-seed');
  expectClean(expectFixClears(text, d));
});

test('invalid-count: count is a non-negative integer', () => {
  for (const v of ['-1', '2.5', '"-3"', '"1.5"', '1e2']) {
    expectDiagnostic(u('count', `{ "value": ⟦${v}⟧ }`), 'invalid-count');
  }
  for (const v of ['0', '7', '"12"']) expectClean(u('count', `{ "value": ${v} }`));
});

test('invalid-count: the count of an average is a positive integer', () => {
  for (const v of ['0', '-2', '1.5', '"0"']) {
    expectDiagnostic(
      u('average', `{ "key_value_pairs": { "sum": 1, "count": ⟦${v}⟧ } }`),
      'invalid-count',
    );
  }
  expectClean(u('average', '{ "key_value_pairs": { "sum": "1.5", "count": "3" } }'));
});

test('invalid-average: exactly sum and count', () => {
  const missing = u('average', '{ "key_value_pairs": ⟦{⟧ "sum": 3 } }');
  const { text, d } = expectDiagnostic(missing, 'invalid-average');
  expectFixClears(text, d, 'Add "count"');
  const both = u('average', '{ "key_value_pairs": ⟦{⟧} }');
  const { text: t2, d: d2 } = expectDiagnostic(both, 'invalid-average');
  expectFixClears(t2, d2, 'Add "sum" and "count"');
  const extra = u('average', '{ "key_value_pairs": { "sum": 3, "count": 1, ⟦"total"⟧: 3 } }');
  const { text: t3, d: d3 } = expectDiagnostic(extra, 'invalid-average');
  expectClean(expectFixClears(t3, d3));
  const typo = u('average', '{ "key_value_pairs": { ⟦"Sum"⟧: 3, "count": 1 } }');
  const { text: t4, d: d4 } = expectDiagnostic(typo, 'invalid-average');
  expectClean(expectFixClears(t4, d4));
  expectDiagnostic(u('average', '{ "key_value_pairs": ⟦[3, 1]⟧ }'), 'invalid-average');
  expectNo(u('average', '{ "key_value_pairs": { "sum": 3, "count": 1 } }'), 'invalid-average');
});

test('timestamp-in-seconds: 10 digits, fixed by appending 000 to the text', () => {
  for (const type of ['first_occurrence_timestamp', 'last_occurrence_timestamp']) {
    const { text, d } = expectDiagnostic(
      u(type, '{ "value": ⟦1582589378⟧ }'),
      'timestamp-in-seconds',
    );
    const fixed = expectFixClears(text, d);
    assert.ok(fixed.includes('"value": 1582589378000'));
    expectClean(fixed);
  }
  const { text, d } = expectDiagnostic(
    u('last_occurrence_timestamp', '{ "value": ⟦"1582589378"⟧ }'),
    'timestamp-in-seconds',
  );
  assert.ok(expectFixClears(text, d).includes('"value": "1582589378000"'));
  expectNo(u('last_occurrence_timestamp', '{ "value": 1582589378000 }'), 'timestamp-in-seconds');
});

test('invalid-timestamp: integer epoch milliseconds only', () => {
  for (const v of ['"yesterday"', '1582589378000.5', '-5', 'true', '1.5e12']) {
    expectDiagnostic(u('first_occurrence_timestamp', `{ "value": ⟦${v}⟧ }`), 'invalid-timestamp');
  }
  const { text, d } = expectDiagnostic(
    u('first_occurrence_timestamp', '{ "value": ⟦"2020-02-25"⟧ }'),
    'invalid-timestamp',
  );
  const fixed = expectFixClears(text, d, 'Change to 1582588800000 (epoch milliseconds, UTC)');
  expectClean(fixed);
  expectNo(u('first_occurrence_timestamp', '{ "value": 0 }'), 'invalid-timestamp');
});

test('invalid-list: an array of strings', () => {
  const { text, d } = expectDiagnostic(u('unique_list', '{ "list": ["a", ⟦2⟧] }'), 'invalid-list');
  expectClean(expectFixClears(text, d));
  expectDiagnostic(u('unique_values_count', '{ "list": ⟦"a, b"⟧ }'), 'invalid-list');
  expectDiagnostic(u('unique_values_count', '{ "list": [⟦{}⟧] }'), 'invalid-list');
  expectNo(u('unique_values_count', '{ "list": ["a", "b"] }'), 'invalid-list');
});

test('list-too-long: unique_list keeps at most 100 values', () => {
  const values = Array.from({ length: 102 }, (_, i) => `"v${i}"`);
  const list = `${values.slice(0, 100).join(', ')}, ⟦${values.slice(100).join(', ')}⟧`;
  expectDiagnostic(u('unique_list', `{ "list": [${list}] }`), 'list-too-long');
  expectNo(u('unique_list', `{ "list": [${values.slice(0, 100).join(', ')}] }`), 'list-too-long');
  expectNo(u('unique_values_count', `{ "list": [${values.join(', ')}] }`), 'list-too-long');
});

test('duplicate-list-value: the repeat is flagged and removed by the fix', () => {
  const { text, d } = expectDiagnostic(
    u('unique_list', '{ "list": ["a", "b", ⟦"a"⟧] }'),
    'duplicate-list-value',
  );
  const fixed = expectFixClears(text, d);
  assert.ok(fixed.includes('"list": ["a", "b"]'));
  // Longer lists use a set: the same result.
  const many = Array.from({ length: 20 }, (_, i) => `"v${i}"`).join(', ');
  const { text: t2, d: d2 } = expectDiagnostic(
    u('unique_values_count', `{ "list": [${many}, ⟦"v3"⟧] }`),
    'duplicate-list-value',
  );
  expectClean(expectFixClears(t2, d2));
  expectNo(u('unique_list', '{ "list": ["a", "b"] }'), 'duplicate-list-value');
});

test('invalid-key-value-pairs: most_frequent counts are non-negative integers', () => {
  for (const v of ['"two"', '-1', '1.5', 'null']) {
    expectDiagnostic(
      u('most_frequent', `{ "key_value_pairs": { "steak": ⟦${v}⟧ } }`),
      'invalid-key-value-pairs',
    );
  }
  expectDiagnostic(
    u('most_frequent', '{ "key_value_pairs": ⟦["steak"]⟧ }'),
    'invalid-key-value-pairs',
  );
  expectClean(
    u('most_frequent', '{ "key_value_pairs": { "steak": 2, "ice cream": "10", "x": 0 } }'),
  );
});

test('invalid-seed-value: first/last occurrence take a string or a number', () => {
  for (const type of ['first_occurrence', 'last_occurrence']) {
    expectDiagnostic(u(type, '{ "value": ⟦{ "a": 1 }⟧ }'), 'invalid-seed-value');
    expectDiagnostic(u(type, '{ "value": ⟦null⟧ }'), 'invalid-seed-value');
    expectClean(u(type, '{ "value": "x" }'));
    expectClean(u(type, '{ "value": 3.5 }'));
  }
});
