/**
 * Small factories for the rule tests: texts with the expected range marked ⟦like this⟧, a valid user
 * around a calculated attribute entry, and a check that a quick fix clears its diagnostic.
 */
import assert from 'node:assert/strict';
import type { Code } from '../../../core/codes';
import { CODES } from '../../../core/codes';
import type { Fix, SeedDiagnostic } from '../../../core/diagnostics';
import { applyEdits } from '../../../core/diagnostics';
import { validate } from '../../../core/validate';

export const TODAY = '2024-06-15';

export function diagnosticsOf(text: string): SeedDiagnostic[] {
  return validate(text, { today: TODAY }).diagnostics;
}

export function codesOf(text: string): Code[] {
  return diagnosticsOf(text).map((d) => d.code);
}

/** Strips ⟦ ⟧ from a text and returns where they were. */
export function mark(marked: string): { text: string; offset: number; length: number } {
  const start = marked.indexOf('⟦');
  const end = marked.indexOf('⟧');
  assert.ok(start >= 0 && end > start, 'the test text must mark a range with ⟦ ⟧');
  const text = marked.slice(0, start) + marked.slice(start + 1, end) + marked.slice(end + 1);
  return { text, offset: start, length: end - start - 1 };
}

/** Asserts exactly one diagnostic of `code`, with the code's severity, on the marked range. */
export function expectDiagnostic(marked: string, code: Code): { text: string; d: SeedDiagnostic } {
  const { text, offset, length } = mark(marked);
  const found = diagnosticsOf(text).filter((x) => x.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${found.length} in:\n${text}`);
  const d = found[0];
  assert.equal(d.severity, CODES[code].severity, `severity of ${code}`);
  assert.equal(
    text.slice(d.offset, d.offset + d.length),
    text.slice(offset, offset + length),
    `range of ${code}`,
  );
  assert.equal(d.offset, offset, `offset of ${code}`);
  assert.ok(d.message.length > 20, 'the message says what to do');
  return { text, d };
}

/** Asserts that no diagnostic of `code` is reported. */
export function expectNo(text: string, code: Code): void {
  const found = diagnosticsOf(text).filter((x) => x.code === code);
  assert.deepEqual(
    found.map((x) => `${x.code}: ${x.message}`),
    [],
    `expected no ${code} in:\n${text}`,
  );
}

/** Asserts that a text has no error and no warning (information is fine). */
export function expectClean(text: string): void {
  const found = diagnosticsOf(text).filter(
    (x) => x.severity === 'error' || x.severity === 'warning',
  );
  assert.deepEqual(
    found.map((x) => `${x.code}: ${x.message}`),
    [],
    `expected no problems in:\n${text}`,
  );
}

/** The preferred fix of a diagnostic (or the one with `title`). */
export function fixOf(d: SeedDiagnostic, title?: string): Fix {
  const fixes = d.fixes ?? [];
  const fix =
    title !== undefined ? fixes.find((f) => f.title === title) : fixes.find((f) => f.preferred);
  assert.ok(fix, `${d.code} has ${title ?? 'a preferred fix'}: ${fixes.map((f) => f.title)}`);
  return fix;
}

/** Applies a diagnostic's fix, re-validates, asserts that the code is gone; returns the new text. */
export function expectFixClears(text: string, d: SeedDiagnostic, title?: string): string {
  const fixed = applyEdits(text, fixOf(d, title).edits);
  const after = diagnosticsOf(fixed);
  assert.deepEqual(
    after.filter((x) => x.code === d.code).map((x) => x.message),
    [],
    `after the fix:\n${fixed}`,
  );
  const syntax = after.filter((x) => isSyntax(x.code));
  assert.deepEqual(
    syntax.map((x) => x.message),
    [],
    `the fix broke the syntax:\n${fixed}`,
  );
  return fixed;
}

function isSyntax(code: Code): boolean {
  return ['syntax-error', 'trailing-comma', 'missing-comma', 'unclosed', 'duplicate-key'].includes(
    code,
  );
}

/** A calculated attribute entry. */
export function entry(type: string, seed: string, name = 'LTV', cutoff = '"2019-12-01"'): string {
  return `{
        "attribute_name": "${name}",
        "calculation_type": "${type}",
        "cutoff_date": ${cutoff},
        "seed": ${seed}
      }`;
}

/** A valid single-user file around calculated attribute entries (and extra user properties). */
export function userWith(entries: string, extra = '"mpid": 1234'): string {
  return `{
  "environment": "development",
  ${extra},
  "calculated_attributes": {
    "workspace": [
      ${entries}
    ]
  }
}`;
}

/** A valid seed entry of every calculation type. */
export const VALID_SEEDS: Record<string, string> = {
  count: '{ "value": 3 }',
  sum: '{ "value": "100.5" }',
  min: '{ "value": -2 }',
  max: '{ "value": 1e3 }',
  average: '{ "key_value_pairs": { "sum": 299.2, "count": 20 } }',
  first_occurrence: '{ "value": "some value" }',
  last_occurrence: '{ "value": 42 }',
  first_occurrence_timestamp: '{ "value": 1582589378000 }',
  last_occurrence_timestamp: '{ "value": "1582589378000" }',
  unique_list: '{ "list": ["travel", "pets"] }',
  unique_values_count: '{ "list": [] }',
  most_frequent: '{ "key_value_pairs": { "ice cream": 10, "steak": "2" } }',
};
