/**
 * One calculated attribute entry: its calculation type (unknown names, `minimum`/`maximum`) and
 * which seed field the type reads (missing field, fields the type does not read). The field's
 * content is checked by seedValues.ts.
 */
import type { ObjectNode, PropertyNode } from '../ast';
import type { Fix } from '../diagnostics';
import { CALCULATION_TYPE_ALIASES, CALCULATION_TYPE_BY_NAME, lookupTable } from '../vocabulary';
import type { RuleContext } from './context';
import { reportNode } from './context';
import type { EntryFields } from './fields';
import { insertPropertyEdit, removePropertyFix, replaceFix } from './edits';
import { checkSeedValue } from './seedValues';
import { seedFieldSkeleton } from './skeletons';
import { closest } from './suggest';
import { quoted } from '../excerpt';

/** Words people write for a calculation type, with the type they mean. */
const SYNONYMS = lookupTable({
  avg: 'average',
  mean: 'average',
  total: 'sum',
  cnt: 'count',
  first: 'first_occurrence',
  last: 'last_occurrence',
  first_seen: 'first_occurrence',
  last_seen: 'last_occurrence',
  unique: 'unique_list',
  distinct: 'unique_list',
  distinct_count: 'unique_values_count',
  unique_count: 'unique_values_count',
  most_common: 'most_frequent',
  mode: 'most_frequent',
});

/** Checks the calculation type and seed of one entry; returns the canonical type if known. */
export function checkSeedEntry(ctx: RuleContext, fields: EntryFields): string | undefined {
  const typeNode = fields.type?.value;
  if (typeNode === undefined || typeNode.type !== 'string') return undefined;
  const name = typeNode.value;
  let canonical: string | undefined;
  if (CALCULATION_TYPE_BY_NAME.has(name)) {
    canonical = name;
  } else if (CALCULATION_TYPE_ALIASES[name] !== undefined) {
    canonical = CALCULATION_TYPE_ALIASES[name];
    reportNode(
      ctx,
      'calculation-type-alias',
      `"${name}" is how the API page's table names it; the platform's calculation type is "${canonical}". Use "${canonical}".`,
      typeNode,
      [replaceFix(typeNode, `"${canonical}"`, `Change to "${canonical}"`, true)],
    );
  } else {
    unknownType(ctx, typeNode, name);
    return undefined;
  }
  const seedProp = fields.seed;
  const seed = seedProp?.value;
  if (seedProp !== undefined && seed !== undefined && seed.type === 'object')
    checkSeedFields(ctx, canonical, seedProp, seed);
  return canonical;
}

function unknownType(
  ctx: RuleContext,
  node: { offset: number; length: number },
  name: string,
): void {
  const lower = name.toLowerCase();
  const near =
    CALCULATION_TYPE_BY_NAME.has(lower) || CALCULATION_TYPE_ALIASES[lower] !== undefined
      ? (CALCULATION_TYPE_ALIASES[lower] ?? lower)
      : closest(name, CALCULATION_TYPE_BY_NAME.keys());
  const synonym = SYNONYMS[lower];
  const suggestion = near ?? synonym;
  const fixes: Fix[] = [];
  if (suggestion !== undefined)
    fixes.push(
      replaceFix(node, `"${suggestion}"`, `Change to "${suggestion}"`, near !== undefined),
    );
  reportNode(
    ctx,
    'unknown-calculation-type',
    `${quoted(name)} is not a calculation type${suggestion !== undefined ? `: did you mean "${suggestion}"?` : '.'} Types: ${[...CALCULATION_TYPE_BY_NAME.keys()].join(', ')}.`,
    node,
    fixes,
  );
}

function isSeedField(name: string): boolean {
  return name === 'value' || name === 'list' || name === 'key_value_pairs';
}

function checkSeedFields(
  ctx: RuleContext,
  canonical: string,
  seedProp: PropertyNode,
  seed: ObjectNode,
): void {
  const field = CALCULATION_TYPE_BY_NAME.get(canonical)!.field;
  const props = seed.properties;
  let fieldProp: PropertyNode | undefined;
  let others = 0;
  for (let i = 0; i < props.length; i++) {
    const k = props[i].key.value;
    if (k === field) fieldProp = props[i];
    else if (isSeedField(k)) others++;
  }
  if (others > 0) {
    for (let i = 0; i < props.length; i++) {
      const p = props[i];
      const k = p.key.value;
      if (k === field || !isSeedField(k)) continue;
      reportNode(
        ctx,
        'unused-seed-field',
        `"${canonical}" reads "${field}", not "${k}": this field is ignored. Remove it.`,
        p.key,
        [removePropertyFix(seed, p, ctx.text, `Remove "${k}"`, fieldProp !== undefined)],
      );
    }
  }
  if (fieldProp === undefined) {
    const skeleton = seedFieldSkeleton(canonical);
    reportNode(
      ctx,
      'missing-seed-field',
      `A "${canonical}" seed needs "${field}": add ${skeleton.replace(/^"[a-z_]+": /, '')} with your data.`,
      seedProp.key,
      [
        {
          title: `Add "${field}"`,
          edits: [
            insertPropertyEdit(seed, field, skeleton.slice(skeleton.indexOf(':') + 2), ctx.text),
          ],
          preferred: others === 0,
        },
      ],
    );
    return;
  }
  if (fieldProp.value !== undefined) checkSeedValue(ctx, canonical, fieldProp.value);
}
