import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRealDate } from '../../../core/rules/dates';
import { validate } from '../../../core/validate';
import {
  entry,
  expectClean,
  expectDiagnostic,
  expectFixClears,
  expectNo,
  TODAY,
  userWith,
  VALID_SEEDS,
} from './helpers';

const withCutoff = (cutoff: string): string =>
  userWith(entry('sum', VALID_SEEDS.sum, 'LTV', cutoff));

test('real calendar dates, leap years included', () => {
  for (const ok of ['2019-12-01', '2020-02-29', '2000-02-29', '2019-01-31', '2019-04-30']) {
    assert.ok(isRealDate(ok), ok);
    expectClean(withCutoff(`"${ok}"`));
  }
  for (const bad of [
    '2019-02-29',
    '1900-02-29',
    '2019-04-31',
    '2019-13-01',
    '2019-00-10',
    '2019-01-00',
  ]) {
    assert.ok(!isRealDate(bad), bad);
    expectDiagnostic(withCutoff(`⟦"${bad}"⟧`), 'invalid-date');
  }
});

test('invalid-date-format: not yyyy-MM-dd; a recognisable date gets a fix', () => {
  for (const bad of ['"12/01/2019"', '"2019-12-1"', '"20191201"', '"2019-12-01T00:00:00Z"', '""']) {
    expectDiagnostic(withCutoff(`⟦${bad}⟧`), 'invalid-date-format');
  }
  const { text, d } = expectDiagnostic(withCutoff('⟦"2019/12/1"⟧'), 'invalid-date-format');
  const fixed = expectFixClears(text, d);
  assert.ok(fixed.includes('"cutoff_date": "2019-12-01"'));
  expectClean(fixed);
  expectNo(withCutoff('"2019-12-01"'), 'invalid-date-format');
});

test('a cutoff date that is not a string is a wrong-type error', () => {
  expectDiagnostic(withCutoff('⟦20191201⟧'), 'wrong-type');
});

test('future-cutoff-date: after today (options.today)', () => {
  const { d } = expectDiagnostic(withCutoff('⟦"2024-06-16"⟧'), 'future-cutoff-date');
  assert.ok(d.message.includes(TODAY));
  expectNo(withCutoff(`"${TODAY}"`), 'future-cutoff-date');
  expectNo(withCutoff('"2019-12-01"'), 'future-cutoff-date');
});

test('misspelled-cutoff-date: the page\'s "cuttoff_date", renamed by the fix', () => {
  const text = userWith(`{
        "attribute_name": "LTV",
        "calculation_type": "sum",
        ⟦"cuttoff_date"⟧: "2019-12-01",
        "seed": { "value": 1 }
      }`);
  const { text: t, d } = expectDiagnostic(text, 'misspelled-cutoff-date');
  expectNo(t, 'missing-property');
  expectNo(t, 'unknown-property');
  expectClean(expectFixClears(t, d));
  expectNo(withCutoff('"2019-12-01"'), 'misspelled-cutoff-date');
});

test('misspelled-cutoff-date next to cutoff_date: the fix removes the typo', () => {
  const text = userWith(`{
        "attribute_name": "LTV",
        "calculation_type": "sum",
        "cutoff_date": "2019-12-01",
        ⟦"cuttoff_date"⟧: "2019-12-01",
        "seed": { "value": 1 }
      }`);
  const { text: t, d } = expectDiagnostic(text, 'misspelled-cutoff-date');
  expectClean(expectFixClears(t, d));
});

test('a repeated cutoff date is checked each time: only a date that passed every check is taken as read', () => {
  // Good, future and malformed dates, each repeated (the rule keeps the last good date of a file).
  const dates = [
    '2019-12-01',
    '2019-12-01',
    '2024-06-16',
    '2024-06-16',
    '2019-02-29',
    '2019-02-29',
    '2019-12-1',
    '2019-12-01',
    '2019-12-1',
    '2020-02-29',
    '2024-06-16',
  ];
  const users = dates.map((d) => userWith(entry('sum', VALID_SEEDS.sum, 'LTV', `"${d}"`)));
  const text = `[${users.join(',\n')}]`;
  const dateCodes = ['future-cutoff-date', 'invalid-date', 'invalid-date-format'];
  const found = validate(text, { today: TODAY })
    .diagnostics.filter((d) => dateCodes.includes(d.code))
    .map((d) => [d.code, text.slice(d.offset + 1, d.offset + d.length - 1)]);
  assert.deepEqual(found, [
    ['future-cutoff-date', '2024-06-16'],
    ['future-cutoff-date', '2024-06-16'],
    ['invalid-date', '2019-02-29'],
    ['invalid-date', '2019-02-29'],
    ['invalid-date-format', '2019-12-1'],
    ['invalid-date-format', '2019-12-1'],
    ['future-cutoff-date', '2024-06-16'],
  ]);
  // What one validation took as read says nothing to another with another today.
  const one = userWith(entry('sum', VALID_SEEDS.sum, 'LTV', '"2019-12-01"'));
  expectNo(one, 'future-cutoff-date');
  assert.deepEqual(
    validate(one, { today: '2019-11-30' }).diagnostics.map((d) => d.code),
    ['future-cutoff-date'],
  );
});
