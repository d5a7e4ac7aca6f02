/** The definitions rules, each both ways, with their quick fixes applied and re-validated. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Code } from '../../../core/codes';
import { CODES } from '../../../core/codes';
import type { SeedDiagnostic } from '../../../core/diagnostics';
import { applyEdits } from '../../../core/diagnostics';
import { validate } from '../../../core/validate';
import { loadDefinitions, seedEntry, seedUser } from './helpers';

const TODAY = '2024-06-15';
const DEFS = loadDefinitions();

function run(text: string, withDefs = true): SeedDiagnostic[] {
  return validate(text, { today: TODAY, definitions: withDefs ? DEFS : undefined }).diagnostics;
}

function only(text: string, code: Code): SeedDiagnostic {
  const found = run(text).filter((d) => d.code === code);
  assert.equal(found.length, 1, `one ${code} in ${text}: ${JSON.stringify(run(text))}`);
  assert.equal(found[0].severity, CODES[code].severity);
  return found[0];
}

function none(text: string, code: Code): void {
  assert.deepEqual(
    run(text)
      .filter((d) => d.code === code)
      .map((d) => d.message),
    [],
  );
}

function on(text: string, d: SeedDiagnostic): string {
  return text.slice(d.offset, d.offset + d.length);
}

const LTV_OK = seedEntry('LTV', 'sum', '2019-12-01', '{ "value": 12 }');

describe('definitions rules', () => {
  test('a seed matching its definition is clean, and so is any seed without definitions', () => {
    assert.deepEqual(run(seedUser(LTV_OK)), []);
    const unknown = seedUser(seedEntry('LTVV', 'max', '2024-01-01', '{ "value": 1 }'));
    assert.deepEqual(run(unknown, false), [], 'no definitions: every definitions rule is silent');
  });

  test('unknown-calculated-attribute: did you mean, with rename fixes', () => {
    const text = seedUser(seedEntry('ltv2', 'sum', '2019-12-01', '{ "value": 1 }'));
    const d = only(text, 'unknown-calculated-attribute');
    assert.equal(on(text, d), '"ltv2"');
    assert.match(d.message, /No calculated attribute "ltv2" in workspace 4321/);
    assert.match(d.message, /Did you mean "LTV"\?/);
    const fix = d.fixes?.find((f) => f.title === 'Rename to "LTV"');
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits);
    assert.deepEqual(run(fixed), []);
    none(seedUser(LTV_OK), 'unknown-calculated-attribute');
  });

  test('unknown-calculated-attribute with no close name offers no fix', () => {
    const d = only(
      seedUser(seedEntry('Completely Different', 'sum', '2019-12-01', '{ "value": 1 }')),
      'unknown-calculated-attribute',
    );
    assert.equal(d.fixes, undefined);
    assert.doesNotMatch(d.message, /Did you mean/);
  });

  test('calculation-type-mismatch: the fix uses the definition type (min alias counts as min)', () => {
    const text = seedUser(seedEntry('LTV', 'max', '2019-12-01', '{ "value": 1 }'));
    const d = only(text, 'calculation-type-mismatch');
    assert.equal(on(text, d), '"max"');
    assert.match(d.message, /a sum attribute in workspace 4321, not max/);
    const fixed = applyEdits(text, d.fixes![0].edits);
    assert.deepEqual(run(fixed), []);
    none(seedUser(LTV_OK), 'calculation-type-mismatch');
    // An unknown type is another rule's; no mismatch is claimed for it.
    none(
      seedUser(seedEntry('LTV', 'total', '2019-12-01', '{ "value": 1 }')),
      'calculation-type-mismatch',
    );
  });

  test('cutoff-date-mismatch: the fix uses the definition cutoff date', () => {
    const text = seedUser(seedEntry('LTV', 'sum', '2020-01-01', '{ "value": 1 }'));
    const d = only(text, 'cutoff-date-mismatch');
    assert.equal(on(text, d), '"2020-01-01"');
    const fixed = applyEdits(text, d.fixes![0].edits);
    assert.match(fixed, /"cutoff_date": "2019-12-01"/);
    assert.deepEqual(run(fixed), []);
    none(seedUser(LTV_OK), 'cutoff-date-mismatch');
    // A date that is not a calendar date is the date rules' to report.
    none(seedUser(seedEntry('LTV', 'sum', '2019-02-29', '{ "value": 1 }')), 'cutoff-date-mismatch');
  });

  test('no-seeding-cutoff: a definition whose seeding cutoff is null', () => {
    const text = seedUser(seedEntry('Orders', 'count', '2024-01-01', '{ "value": 3 }'));
    const d = only(text, 'no-seeding-cutoff');
    assert.equal(on(text, d), '"Orders"');
    none(seedUser(LTV_OK), 'no-seeding-cutoff');
    none(
      text.replace('"Orders"', '"LTV"').replace('count', 'sum').replace('2024-01-01', '2019-12-01'),
      'no-seeding-cutoff',
    );
  });

  test('rolling-window-attribute: a within time period; the fix removes the seed', () => {
    const rolling = seedEntry(
      'Favorite Category',
      'most_frequent',
      '2024-01-01',
      '{ "key_value_pairs": { "shoes": 2 } }',
    );
    const text = seedUser(`${LTV_OK},\n      ${rolling}`);
    const d = only(text, 'rolling-window-attribute');
    assert.equal(on(text, d), '"Favorite Category"');
    assert.match(d.message, /within the last 4 weeks/);
    const fixed = applyEdits(text, d.fixes![0].edits);
    assert.doesNotMatch(fixed, /Favorite Category/);
    assert.deepEqual(run(fixed), []);
    none(seedUser(LTV_OK), 'rolling-window-attribute');
  });

  test('recently-changed-attribute: changed 2.5 minutes before the pull (information)', () => {
    const text = seedUser(seedEntry('Orders', 'count', '2024-01-01', '{ "value": 3 }'));
    const d = only(text, 'recently-changed-attribute');
    assert.equal(d.severity, 'information');
    assert.match(d.message, /150 s before the definitions were pulled/);
    none(seedUser(LTV_OK), 'recently-changed-attribute'); // changed six weeks before
  });

  test('bulk files: each user is checked, and named', () => {
    const text = `[${seedUser(LTV_OK)}, ${seedUser(seedEntry('Nope', 'sum', '2019-12-01', '{ "value": 1 }'))}]`;
    const found = run(text).filter((d) => d.code === 'unknown-calculated-attribute');
    assert.equal(found.length, 1);
    assert.equal(on(text, found[0]), '"Nope"');
  });
});
