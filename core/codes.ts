/**
 * Every diagnostic code the core can report: its default severity, what it means, and an example of
 * text that triggers it. The README's table of codes is checked against this table by a test.
 * Codes are stable: rename one only with a migration note.
 */
import type { Severity } from './diagnostics';

export interface CodeInfo {
  severity: Severity;
  /** One line: what the rule checks. */
  summary: string;
  /** A short snippet that triggers it. */
  example: string;
}

export const CODES = {
  // ── Syntax ────────────────────────────────────────────────────────────────
  'syntax-error': {
    severity: 'error',
    summary: 'The text is not valid JSON at this point.',
    example: '{ "environment": }',
  },
  'trailing-comma': {
    severity: 'error',
    summary:
      "A comma before `}` or `]` is not allowed in JSON (the API page's own samples have one). Quick fix removes it.",
    example: '"attribute_value": "Free",\n}',
  },
  'missing-comma': {
    severity: 'error',
    summary: 'Two values or properties without a comma between them. Quick fix inserts it.',
    example: '"a": 1\n"b": 2',
  },
  unclosed: {
    severity: 'error',
    summary: 'An object, array or string is not closed. Quick fix inserts the closer.',
    example: '{ "environment": "development"',
  },
  comment: {
    severity: 'error',
    summary: 'Comments are not allowed in a seed payload. Quick fix removes them.',
    example: '// seed for user 1',
  },
  'invalid-number': {
    severity: 'error',
    summary: 'Not a JSON number (leading zero, `+`, `NaN`, trailing dot…).',
    example: '"value": 012',
  },
  'invalid-string': {
    severity: 'error',
    summary: 'A string with a raw control character or a bad escape.',
    example: '"value": "a\\q"',
  },
  'duplicate-key': {
    severity: 'error',
    summary:
      'The same key twice in one object: only the last is kept. Quick fix removes the earlier one.',
    example: '{ "mpid": 1, "mpid": 2 }',
  },
  'empty-file': {
    severity: 'error',
    summary: 'The file is empty: a seed file is one user object or an array of them.',
    example: '',
  },
  // ── Shape ─────────────────────────────────────────────────────────────────
  'invalid-root': {
    severity: 'error',
    summary: 'The root must be a user object (single) or an array of user objects (bulk).',
    example: '"hello"',
  },
  'empty-bulk': {
    severity: 'warning',
    summary: 'A bulk array with no users sends nothing.',
    example: '[]',
  },
  'not-a-user': {
    severity: 'error',
    summary: 'Each element of a bulk array must be a user object.',
    example: '[ 42 ]',
  },
  'missing-property': {
    severity: 'error',
    summary: 'A required property is missing. Quick fix inserts it.',
    example: '{ "mpid": 1 }',
  },
  'wrong-type': {
    severity: 'error',
    summary: 'A property has the wrong JSON type.',
    example: '"calculated_attributes": []',
  },
  'unknown-property': {
    severity: 'warning',
    summary: 'A property the API does not know; did you mean another? Quick fix renames it.',
    example: '"enviroment": "development"',
  },
  'invalid-environment': {
    severity: 'error',
    summary: '`environment` must be `production` or `development`. Quick fix picks the closest.',
    example: '"environment": "prod"',
  },
  'missing-user-id': {
    severity: 'error',
    summary: 'Neither `mpid` nor `identities`: the API cannot find the user.',
    example: '{ "environment": "development", "calculated_attributes": {…} }',
  },
  'invalid-mpid': {
    severity: 'error',
    summary:
      '`mpid` must be a signed 64-bit integer written as a JSON integer (no fraction, no exponent).',
    example: '"mpid": 9223372036854775808',
  },
  'mpid-as-string': {
    severity: 'error',
    summary:
      '`mpid` is numeric in the API; a quoted mpid is rejected. Quick fix unquotes it, digits kept exactly.',
    example: '"mpid": "7346244611012968789"',
  },
  'identities-ignored': {
    severity: 'information',
    summary: '`identities` is ignored by the API when `mpid` is present.',
    example: '"mpid": 1, "identities": { "email": "a@b.c" }',
  },
  'empty-identities': {
    severity: 'error',
    summary: '`identities` has no identity; add one or use `mpid`.',
    example: '"identities": {}',
  },
  'unknown-identity': {
    severity: 'error',
    summary:
      'Not an identity type of the seeding API. Names from other mParticle APIs get a quick fix to the seeding name.',
    example: '"ios_idfa": "…"',
  },
  'invalid-identity-value': {
    severity: 'error',
    summary: 'An identity value must be a non-empty string.',
    example: '"customer_id": 1234',
  },
  'ignored-identities-invalid': {
    severity: 'warning',
    summary:
      '`identities` next to an `mpid` is empty, or has a name or value the seeding API does not accept: a warning only, since the API then ignores `identities`. Quick fix removes or renames.',
    example: '"mpid": 1, "identities": {}',
  },
  'empty-workspace': {
    severity: 'error',
    summary: '`calculated_attributes.workspace` must list at least one seed.',
    example: '"calculated_attributes": { "workspace": [] }',
  },
  'only-user-attributes': {
    severity: 'warning',
    summary:
      '`calculated_attributes.workspace` is empty in a user that carries user attributes: the request seeds nothing and only sets those.',
    example:
      '"calculated_attributes": { "workspace": [] }, "user_attributes": { "workspace": [{…}] }',
  },
  'unknown-calculation-type': {
    severity: 'error',
    summary: 'Not a calculation type. Quick fix suggests the closest.',
    example: '"calculation_type": "total"',
  },
  'calculation-type-alias': {
    severity: 'warning',
    summary:
      "`minimum`/`maximum` (the page's table) are `min`/`max` in the platform. Quick fix renames.",
    example: '"calculation_type": "minimum"',
  },
  'misspelled-cutoff-date': {
    severity: 'error',
    summary:
      "`cuttoff_date` (the page's typo) is not read by the API. Quick fix renames it to `cutoff_date`.",
    example: '"cuttoff_date": "2019-12-01"',
  },
  'invalid-date-format': {
    severity: 'error',
    summary: '`cutoff_date` must be written `yyyy-MM-dd`.',
    example: '"cutoff_date": "12/01/2019"',
  },
  'invalid-date': {
    severity: 'error',
    summary: '`cutoff_date` is not a real calendar date.',
    example: '"cutoff_date": "2019-02-30"',
  },
  'future-cutoff-date': {
    severity: 'warning',
    summary: 'A cutoff date in the future: live data before it would be ignored.',
    example: '"cutoff_date": "2999-01-01"',
  },
  'missing-seed-field': {
    severity: 'error',
    summary:
      'The seed lacks the field its calculation type reads (`value`, `list` or `key_value_pairs`). Quick fix inserts it.',
    example: '"calculation_type": "sum", "seed": { "list": [] }',
  },
  'unused-seed-field': {
    severity: 'warning',
    summary: 'A seed field this calculation type does not read. Quick fix removes it.',
    example: '"calculation_type": "sum", "seed": { "value": 1, "list": [] }',
  },
  'non-numeric-seed': {
    severity: 'error',
    summary:
      '`count`, `sum`, `min`, `max` and `average` seeds must be numeric (the API answers "Seed value must be numeric").',
    example: '"value": "ten"',
  },
  'invalid-count': {
    severity: 'error',
    summary: 'A count must be a non-negative integer (positive for `average`).',
    example: '"value": -1',
  },
  'whole-number-float': {
    severity: 'warning',
    summary:
      'A count written as a whole-number float (`5.0`, as pandas writes it): counts are integers. Quick fix writes `5`.',
    example: '"value": 5.0',
  },
  'invalid-average': {
    severity: 'error',
    summary:
      '`average` needs exactly `sum` (numeric) and `count` (positive integer) in `key_value_pairs`.',
    example: '"key_value_pairs": { "total": 3 }',
  },
  'invalid-timestamp': {
    severity: 'error',
    summary: 'A timestamp seed must be an integer number of Unix epoch milliseconds.',
    example: '"value": "yesterday"',
  },
  'timestamp-in-seconds': {
    severity: 'warning',
    summary:
      'A 10-digit timestamp is almost surely seconds, not milliseconds. Quick fix multiplies by 1000.',
    example: '"value": 1582589378',
  },
  'invalid-list': {
    severity: 'error',
    summary: '`list` must be an array of strings.',
    example: '"list": [1, 2]',
  },
  'list-too-long': {
    severity: 'warning',
    summary: '`unique_list` keeps at most 100 values; the rest are dropped.',
    example: '"list": [ …101 strings… ]',
  },
  'duplicate-list-value': {
    severity: 'warning',
    summary: 'A unique list holds the same value twice. Quick fix removes the repeat.',
    example: '"list": ["a", "a"]',
  },
  'invalid-key-value-pairs': {
    severity: 'error',
    summary: '`most_frequent` pairs map each value to a non-negative integer count.',
    example: '"key_value_pairs": { "steak": "two" }',
  },
  'invalid-seed-value': {
    severity: 'error',
    summary: 'A seed `value` must be a string or a number.',
    example: '"value": { }',
  },
  'duplicate-attribute': {
    severity: 'error',
    summary: 'The same calculated attribute twice in one user: one seed would overwrite the other.',
    example: 'two "LTV" entries in one workspace',
  },
  'duplicate-user-attribute': {
    severity: 'warning',
    summary:
      'The same user attribute twice in one user: the API creates or updates it, so the later value wins.',
    example: 'two "tier" entries in user_attributes.workspace',
  },
  'conflicting-attribute': {
    severity: 'warning',
    summary:
      'The same calculated attribute with another type or cutoff date elsewhere in the file: changing either deletes seeds already sent.',
    example: '"LTV" as sum in one user, as max in another',
  },
  'empty-attribute-name': {
    severity: 'error',
    summary: '`attribute_name` must not be empty.',
    example: '"attribute_name": ""',
  },
  'attribute-name-too-long': {
    severity: 'error',
    summary: 'Attribute names are limited to 256 characters.',
    example: '"attribute_name": "…257 characters…"',
  },
  'attribute-value-too-long': {
    severity: 'error',
    summary: 'Attribute values are limited to 4096 characters.',
    example: '"attribute_value": "…4097 characters…"',
  },
  'too-many-user-attributes': {
    severity: 'error',
    summary: 'At most 100 user attributes per user.',
    example: '101 entries in user_attributes.workspace',
  },
  'non-string-attribute-value': {
    severity: 'error',
    summary: '`attribute_value` must be a string. Quick fix quotes it.',
    example: '"attribute_value": 42',
  },
  // ── Workspace definitions (caseed.definitions.json) ─────────────────────────
  'unknown-calculated-attribute': {
    severity: 'error',
    summary:
      'No calculated attribute of this name in the definitions file: the API would refuse the whole request (`No matching calculated attribute definition found`). Quick fix renames to the closest names.',
    example: '"attribute_name": "LTVV"',
  },
  'calculation-type-mismatch': {
    severity: 'error',
    summary:
      "The seed's calculation type is not the definition's: the seed is meaningless. Quick fix uses the definition's type.",
    example: '"calculation_type": "max" for a `sum` CA',
  },
  'cutoff-date-mismatch': {
    severity: 'warning',
    summary:
      "The seed's cutoff date is not the definition's seeding cutoff date. Quick fix uses the definition's date.",
    example: '"cutoff_date": "2024-01-01" for a CA whose seeding cutoff is 2023-12-01',
  },
  'no-seeding-cutoff': {
    severity: 'warning',
    summary:
      'The definition has no seeding cutoff date: set one in mParticle before seeding (changing it later deletes the seeds).',
    example: 'a CA whose `seeding` is null',
  },
  'rolling-window-attribute': {
    severity: 'warning',
    summary:
      'The CA is calculated over a rolling window ("within the last N days"): seeded values never decrement. Quick fix removes the seed.',
    example: 'a CA whose time period is `within`',
  },
  'recently-changed-attribute': {
    severity: 'information',
    summary:
      'The CA changed less than five minutes before the snapshot was pulled: expect NOT FOUND until mParticle has cached it.',
    example: 'a CA modified at 10:03 in a snapshot pulled at 10:05',
  },
  'invalid-definitions': {
    severity: 'error',
    summary:
      'The definitions file (`caseed.definitions.json`) does not follow its schema; the rules that need it stay silent until it is fixed.',
    example: '"calculation_type": "total"',
  },
  'invalid-mapping': {
    severity: 'error',
    summary:
      'The import mapping file (`*.caseed-map.json`) does not follow its schema, names a column the export does not have, or lacks what a calculation type needs (`caseed import`).',
    example: '"calculation_type": "average", "column": "ltv"',
  },
  // ── Sending ───────────────────────────────────────────────────────────────
  'api-error': {
    severity: 'error',
    summary:
      'The API rejected the request that held this attribute (mapped back from a 400 response).',
    example: 'LTV: Seed value must be numeric',
  },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as Code[];

/** Where a code is documented (the README's table). */
export function codeHref(code: Code): string {
  return `https://github.com/caseed/caseed#${code}`;
}
