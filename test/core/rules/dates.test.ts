import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRealDate } from '../../../core/rules/dates';
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
