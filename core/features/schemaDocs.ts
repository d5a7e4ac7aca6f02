/**
 * What each property of a seed payload means, where it may appear, and the snippet that writes its
 * value: the one table completion and hover both read.
 */
import type { CalculationType, IdentityType } from '../facts';
import { CALCULATION_TYPES, ENVIRONMENTS, lookupTable } from '../facts';
import type { ObjectLocation } from './locations';

export interface PropertyDoc {
  name: string;
  /** The JSON type, as shown in hovers and completion details. */
  type: string;
  required: boolean;
  /** Markdown. */
  doc: string;
  /** Snippet text of the value (without the key), `$0` where the cursor ends. */
  value: string;
  /** Open the suggestion list again after inserting (for values chosen from a list). */
  suggestValue?: boolean;
}

const WORKSPACE_ARRAY = '{\n\t"workspace": [\n\t\t$0\n\t]\n}';
const CALC_NAMES = CALCULATION_TYPES.map((t) => '`' + t.name + '`').join(', ');

export const PROPERTY_DOCS: Readonly<Partial<Record<ObjectLocation, readonly PropertyDoc[]>>> = {
  user: [
    {
      name: 'environment',
      type: 'string',
      required: true,
      doc: 'The mParticle environment the seeds go to: `development` or `production`.',
      value: `"\${1|${ENVIRONMENTS.join(',')}|}"`,
    },
    {
      name: 'mpid',
      type: 'integer (signed 64-bit)',
      required: false,
      doc:
        'The mParticle ID of the user. Either `mpid` or `identities` is required; when `mpid` is ' +
        'present the API ignores `identities`. Write it as a JSON integer: caseed keeps its digits ' +
        'exactly and never rounds it through a JavaScript number.',
      value: '$0',
    },
    {
      name: 'identities',
      type: 'object',
      required: false,
      doc:
        'The identities that find the user: user identity types (`customer_id`, `email`, …) and ' +
        'device identity types (`ios_advertising_id`, `google_advertising_id`, …), each mapped to a ' +
        'string. Either `mpid` or `identities` is required; ignored when `mpid` is present.',
      value: '{\n\t$0\n}',
    },
    {
      name: 'calculated_attributes',
      type: 'object',
      required: true,
      doc: 'The calculated attribute seeds of this user, listed under `workspace`.',
      value: WORKSPACE_ARRAY,
    },
    {
      name: 'user_attributes',
      type: 'object',
      required: false,
      doc: 'User attributes to create or update for this user, listed under `workspace`.',
      value: WORKSPACE_ARRAY,
    },
  ],
  calculated_attributes: [
    {
      name: 'workspace',
      type: 'array of seed entries',
      required: true,
      doc:
        'One entry per calculated attribute to seed, each with `attribute_name`, ' +
        '`calculation_type`, `cutoff_date` and `seed`. Must not be empty.',
      value: '[\n\t$0\n]',
    },
  ],
  'seed-entry': [
    {
      name: 'attribute_name',
      type: 'string',
      required: true,
      doc: 'The name of the calculated attribute to seed, exactly as defined in mParticle (at most 256 characters).',
      value: '"$0"',
    },
    {
      name: 'calculation_type',
      type: 'string',
      required: true,
      doc:
        `The calculated attribute's calculation type: ${CALC_NAMES}. It decides which seed ` +
        "field is read. It must match the attribute's definition; changing it deletes seeds already sent.",
      value: '"$0"',
      suggestValue: true,
    },
    {
      name: 'cutoff_date',
      type: 'string (date, yyyy-MM-dd)',
      required: true,
      doc:
        'mParticle ignores events before this date when it calculates the attribute, so the seed ' +
        'must cover them. A real calendar date written `yyyy-MM-dd`. (The API page misspells it ' +
        '`cuttoff_date`; the API reads `cutoff_date`.)',
      value: '"${1:TODAY}"',
    },
    {
      name: 'seed',
      type: 'object',
      required: true,
      doc: 'The seed: `value`, `list` or `key_value_pairs`, whichever the `calculation_type` reads.',
      value: '{\n\t$0\n}',
    },
  ],
  seed: [
    {
      name: 'value',
      type: 'string or number',
      required: false,
      doc:
        'A single value, read by `count`, `sum`, `min`, `max`, `first_occurrence`, `last_occurrence` ' +
        'and the two `…_timestamp` types (Unix epoch milliseconds).',
      value: '$0',
    },
    {
      name: 'list',
      type: 'array of strings',
      required: false,
      doc: 'The unique values seen, read by `unique_list` and `unique_values_count`.',
      value: '[\n\t"$0"\n]',
    },
    {
      name: 'key_value_pairs',
      type: 'object',
      required: false,
      doc: 'Read by `average` (exactly `sum` and `count`) and `most_frequent` (each value → its count).',
      value: '{\n\t$0\n}',
    },
  ],
  key_value_pairs: [
    {
      name: 'sum',
      type: 'number',
      required: true,
      doc: 'For `average`: the sum of the values seen so far.',
      value: '${1:0}',
    },
    {
      name: 'count',
      type: 'integer (positive)',
      required: true,
      doc: 'For `average`: how many values the sum holds (a positive integer).',
      value: '${1:1}',
    },
  ],
  user_attributes: [
    {
      name: 'workspace',
      type: 'array of user attributes',
      required: true,
      doc: 'User attributes to create or update, each with `attribute_name` and `attribute_value` (at most 100 per user).',
      value: '[\n\t$0\n]',
    },
  ],
  'user-attribute': [
    {
      name: 'attribute_name',
      type: 'string',
      required: true,
      doc: 'The name of the user attribute (at most 256 characters).',
      value: '"$0"',
    },
    {
      name: 'attribute_value',
      type: 'string',
      required: true,
      doc: 'The value of the user attribute: a string of at most 4096 characters.',
      value: '"$0"',
    },
  ],
};

export function propertyDoc(location: ObjectLocation, name: string): PropertyDoc | undefined {
  return PROPERTY_DOCS[location]?.find((p) => p.name === name);
}

/** Markdown for a property key. */
export function propertyMarkdown(p: PropertyDoc): string {
  return `**${p.name}** · ${p.type} · ${p.required ? 'required' : 'optional'}\n\n${p.doc}`;
}

/** A snippet as plain text: placeholders replaced by their defaults, tabs by two spaces. */
export function snippetToText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\t/g, '  ');
}

export function identityDetail(t: IdentityType): string {
  return `${t.kind} identity${t.uncertain === true ? ' (listed by the Events API only)' : ''}`;
}

export function identityMarkdown(t: IdentityType): string {
  return `**${t.name}** · ${identityDetail(t)}\n\n${t.doc}`;
}

export function calculationTypeMarkdown(t: CalculationType): string {
  return (
    `**${t.name}** · calculation type · seed field \`${t.field}\`\n\n${t.doc}\n\n` +
    '```json\n"seed": {\n  ' +
    snippetToText(t.snippet).replace(/\n/g, '\n  ') +
    '\n}\n```'
  );
}

export const ENVIRONMENT_DOCS = lookupTable({
  development: 'Seeds go to the **development** environment: safe for trying a file out.',
  production:
    'Seeds go to the **production** environment and overwrite the live seeds of these attributes.',
});
