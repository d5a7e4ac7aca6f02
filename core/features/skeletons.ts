/**
 * Whole-structure snippets for completion: a user, a bulk file, a seed entry per calculation type,
 * a user attribute. Snippet syntax (`${1:…}`), tab-indented (the editor re-indents).
 */
import type { CalculationType } from '../vocabulary';
import { CALCULATION_TYPES, ENVIRONMENTS } from '../vocabulary';

export interface Skeleton {
  label: string;
  detail: string;
  /** Markdown. */
  doc: string;
  snippet: string;
}

const ENV_CHOICE = `\${1|${ENVIRONMENTS.join(',')}|}`;

/** Indents every line after the first by `tabs` tabs. */
export function indent(snippet: string, tabs: number): string {
  return snippet.replace(/\n/g, '\n' + '\t'.repeat(tabs));
}

/** Shifts the tab stops of a snippet by `by` (`$1` → `$3`); `$0` stays the final stop. */
export function shiftTabStops(snippet: string, by: number): string {
  return snippet.replace(/\$(\{?)(\d+)/g, (m, brace: string, n: string) =>
    n === '0' ? m : `$${brace}${Number(n) + by}`,
  );
}

/** The `"seed": {…}` property for a calculation type, tab stops from `firstStop`. */
export function seedProperty(type: CalculationType, firstStop = 1): string {
  return `"seed": {\n\t${indent(shiftTabStops(type.snippet, firstStop - 1), 1)}\n}`;
}

export function seedEntrySkeleton(type: CalculationType, today: string): Skeleton {
  return {
    label: `seed entry: ${type.name}`,
    detail: `{ attribute_name, calculation_type: "${type.name}", cutoff_date, seed.${type.field} }`,
    doc: `A calculated attribute seed of type \`${type.name}\`.\n\n${type.doc}`,
    snippet:
      '{\n\t"attribute_name": "${1}",\n' +
      `\t"calculation_type": "${type.name}",\n` +
      `\t"cutoff_date": "\${2:${today}}",\n` +
      `\t${indent(seedProperty(type, 3), 1)}\n}`,
  };
}

export function seedEntrySkeletons(today: string): Skeleton[] {
  const names = CALCULATION_TYPES.map((t) => t.name).join(',');
  return [
    {
      label: 'seed entry',
      detail: '{ attribute_name, calculation_type, cutoff_date, seed }',
      doc: 'A calculated attribute seed; pick the calculation type, then complete `seed`.',
      snippet:
        '{\n\t"attribute_name": "${1}",\n' +
        `\t"calculation_type": "\${2|${names}|}",\n` +
        `\t"cutoff_date": "\${3:${today}}",\n` +
        '\t"seed": {\n\t\t$0\n\t}\n}',
    },
    ...CALCULATION_TYPES.map((t) => seedEntrySkeleton(t, today)),
  ];
}

export const USER_ATTRIBUTE_SKELETON: Skeleton = {
  label: 'user attribute',
  detail: '{ attribute_name, attribute_value }',
  doc: 'A user attribute to create or update.',
  snippet: '{\n\t"attribute_name": "${1}",\n\t"attribute_value": "${2}"\n}',
};

const WORKSPACE = '"calculated_attributes": {\n\t"workspace": [\n\t\t$0\n\t]\n}';

export const USER_SKELETONS: readonly Skeleton[] = [
  {
    label: 'user (mpid)',
    detail: '{ environment, mpid, calculated_attributes }',
    doc: 'A user found by mpid.',
    snippet: `{\n\t"environment": "${ENV_CHOICE}",\n\t"mpid": \${2},\n\t${indent(WORKSPACE, 1)}\n}`,
  },
  {
    label: 'user (identities)',
    detail: '{ environment, identities, calculated_attributes }',
    doc: 'A user found by identities (used when there is no mpid).',
    snippet:
      `{\n\t"environment": "${ENV_CHOICE}",\n` +
      '\t"identities": {\n\t\t"${2:customer_id}": "${3}"\n\t},\n' +
      `\t${indent(WORKSPACE, 1)}\n}`,
  },
];

/** For an empty document: one user, or a bulk array of users. */
export const DOCUMENT_SKELETONS: readonly Skeleton[] = [
  {
    label: 'single user payload',
    detail: 'POST /v2/calculatedattributes',
    doc: 'One user object, for the single-user endpoint.',
    snippet: USER_SKELETONS[0].snippet,
  },
  {
    label: 'bulk payload',
    detail: 'POST /v2/bulkcalculatedattributes',
    doc: 'An array of user objects, for the bulk endpoint (all or nothing).',
    snippet: `[\n\t${indent(USER_SKELETONS[0].snippet, 1)}\n]`,
  },
];
