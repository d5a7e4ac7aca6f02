/**
 * What the workspace definitions add to completion: the value of `attribute_name` in a seed entry
 * offers every calculated attribute of the workspace (detail: type and seeding cutoff; docs: the
 * description and data point). Accepting one also fills the entry: `calculation_type` and
 * `cutoff_date` from the definition (changed in place when present and different) and, when the
 * entry has no seed yet, the seed skeleton of its type.
 */
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { ObjectNode } from '../ast';
import { getProperty, getValue, workspaceItems } from '../ast';
import type { CaDefinition } from '../definitions/model';
import { CALCULATION_TYPE_BY_NAME } from '../vocabulary';
import type { ValueContext } from './cursorContext';
import type { Site } from './completionSite';
import { item, markdown } from './completionSite';
import { definitionMarkdown } from './definitionsHover';
import { seedProperty } from './skeletons';

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

/** Replaces the value of `entry[key]` when it is present and differs from `want`. */
function replaceValue(site: Site, entry: ObjectNode, key: string, want: string): TextEdit[] {
  const v = getValue(entry, key);
  if (v === undefined || (v.type === 'string' && v.value === want)) return [];
  return [{ range: site.model.lines.rangeOf(v.offset, v.length), newText: JSON.stringify(want) }];
}

function definitionItem(
  site: Site,
  ctx: ValueContext,
  def: CaDefinition,
  i: number,
): CompletionItem {
  const defs = site.model.definitions!;
  const entry = ctx.object;
  const type = CALCULATION_TYPE_BY_NAME.get(def.calculation_type);
  const cutoff = def.cutoff_date ?? undefined;
  let text = escapeSnippet(JSON.stringify(def.name));
  const edits: TextEdit[] = [];
  const after: string[] = [];
  if (getProperty(entry, 'calculation_type') === undefined)
    after.push(`"calculation_type": ${JSON.stringify(def.calculation_type)}`);
  else edits.push(...replaceValue(site, entry, 'calculation_type', def.calculation_type));
  if (getProperty(entry, 'cutoff_date') === undefined)
    after.push(`"cutoff_date": "\${1:${escapeSnippet(cutoff ?? site.today)}}"`);
  else if (cutoff !== undefined) edits.push(...replaceValue(site, entry, 'cutoff_date', cutoff));
  if (getProperty(entry, 'seed') === undefined && type !== undefined)
    after.push(seedProperty(type, 2));
  for (const p of after) text += `,\n${p}`;
  const detail = `${def.calculation_type} · cutoff ${def.cutoff_date === null ? 'none' : (def.cutoff_date ?? 'not recorded')}${def.time_period?.type === 'within' ? ' · rolling window' : ''}`;
  return item(site, def.name, CompletionItemKind.Value, text + (site.commaAfter ? ',' : ''), {
    detail,
    documentation: markdown(definitionMarkdown(def, defs)),
    sortText: `0${String(i).padStart(5, '0')}`,
    ...(edits.length > 0 ? { additionalTextEdits: edits } : {}),
  });
}

/**
 * Adds the definitions' names to the `attribute_name` items of a seed entry (replacing a
 * "used in this file" item of the same name). No definitions: `items` is left as it is.
 */
export function addDefinitionNames(site: Site, ctx: ValueContext, items: CompletionItem[]): void {
  const defs = site.model.definitions;
  if (defs === undefined) return;
  // Names another entry of this user already seeds would be duplicates.
  const root = site.model.root;
  const user = root?.type === 'array' ? root.items[Number(ctx.path[0])] : root;
  const taken = new Set(
    workspaceItems(user, 'calculated_attributes')
      .map((e) => getValue(e, 'attribute_name'))
      .filter((n) => n !== undefined && n !== ctx.node && n.type === 'string')
      .map((n) => (n?.type === 'string' ? n.value : '')),
  );
  const known = new Set(defs.byName.keys());
  for (let k = items.length - 1; k >= 0; k--) if (known.has(items[k].label)) items.splice(k, 1);
  defs.calculated_attributes.forEach((def, i) => {
    if (!taken.has(def.name)) items.push(definitionItem(site, ctx, def, i));
  });
}
