import assert from 'node:assert/strict';
import { test } from 'node:test';
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

const sum = (name: string, cutoff = '"2019-12-01"'): string =>
  entry('sum', VALID_SEEDS.sum, name, cutoff);

function withUserAttributes(items: string): string {
  return userWith(sum('LTV'), `"mpid": 1,\n  "user_attributes": { "workspace": [${items}] }`);
}

test('duplicate-attribute: the same calculated attribute twice in one user, on the later one', () => {
  const text = userWith(`${sum('LTV')},\n      ${sum('LTV')}`);
  const second = text.lastIndexOf('"LTV"');
  const marked = `${text.slice(0, second)}⟦"LTV"⟧${text.slice(second + 5)}`;
  const { d } = expectDiagnostic(marked, 'duplicate-attribute');
  assert.match(d.message, /entry 1/);
  expectNo(userWith(`${sum('LTV')},\n      ${sum('Other')}`), 'duplicate-attribute');
});

test('duplicate-user-attribute: the same user attribute twice in one user', () => {
  expectDiagnostic(
    withUserAttributes(
      '{ "attribute_name": "tier", "attribute_value": "a" }, { "attribute_name": ⟦"tier"⟧, "attribute_value": "b" }',
    ),
    'duplicate-user-attribute',
  );
  expectClean(
    withUserAttributes(
      '{ "attribute_name": "tier", "attribute_value": "a" }, { "attribute_name": "LTV", "attribute_value": "b" }',
    ),
  );
});

test('non-string-attribute-value: numbers and booleans are quoted by the fix', () => {
  for (const v of ['42', '4.5', 'true']) {
    const { text, d } = expectDiagnostic(
      withUserAttributes(`{ "attribute_name": "tier", "attribute_value": ⟦${v}⟧ }`),
      'non-string-attribute-value',
    );
    const fixed = expectFixClears(text, d);
    assert.ok(fixed.includes(`"attribute_value": "${v}"`));
    expectClean(fixed);
  }
  const { d } = expectDiagnostic(
    withUserAttributes('{ "attribute_name": "tier", "attribute_value": ⟦null⟧ }'),
    'non-string-attribute-value',
  );
  assert.equal(d.fixes, undefined);
  expectNo(
    withUserAttributes('{ "attribute_name": "tier", "attribute_value": "42" }'),
    'non-string-attribute-value',
  );
});

function bulk(...users: string[]): string {
  return `[\n${users.join(',\n')}\n]`;
}

test('conflicting-attribute: another calculation type in a later user, naming the first', () => {
  const first = userWith(sum('LTV'));
  const later = userWith(entry('max', '{ "value": 1 }', 'LTV')).replace('"max"', '⟦"max"⟧');
  const third = userWith(entry('max', '{ "value": 1 }', 'LTV'), '"mpid": 3');
  assert.equal(expectConflicts(bulk(first, third, third)), 2);
  const { d } = expectDiagnostic(
    bulk(first, userWith(sum('X'), '"mpid": 2'), later),
    'conflicting-attribute',
  );
  assert.match(d.message, /user 1/);
  // Reported against the first sighting only: the third user agrees with the second but not the first.
  const codes = expectConflicts(bulk(first, third));
  assert.equal(codes, 1);
  expectNo(bulk(first, userWith(sum('LTV'), '"mpid": 2')), 'conflicting-attribute');
});

test('conflicting-attribute: another cutoff date; minimum vs min is no conflict', () => {
  const first = userWith(sum('LTV'));
  const later = userWith(sum('LTV', '⟦"2020-01-01"⟧'), '"mpid": 2');
  const { d } = expectDiagnostic(bulk(first, later), 'conflicting-attribute');
  assert.match(d.message, /2019-12-01/);
  expectNo(
    bulk(
      userWith(entry('min', '{ "value": 1 }')),
      userWith(entry('minimum', '{ "value": 1 }'), '"mpid": 2'),
    ),
    'conflicting-attribute',
  );
});

function expectConflicts(text: string): number {
  return diagnosticsOf(text).filter((d) => d.code === 'conflicting-attribute').length;
}
