/**
 * Completion of values (after a colon) and of array elements and whole documents (skeletons).
 */
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { JsonNode } from '../ast';
import { getString, getValue, workspaceItems } from '../ast';
import { CALCULATION_TYPES, ENVIRONMENTS } from '../vocabulary';
import type { ElementContext, ValueContext } from './cursorContext';
import type { Site } from './completionSite';
import { entryLacksSeed, item, markdown, structureItem } from './completionSite';
import { addDefinitionNames } from './definitionsCompletion';
import { isObjectLocation, locate } from './locations';
import {
  calculationTypeMarkdown,
  ENVIRONMENT_DOCS,
  propertyDoc,
  snippetToText,
} from './schemaDocs';
import {
  DOCUMENT_SKELETONS,
  seedEntrySkeletons,
  seedProperty,
  USER_ATTRIBUTE_SKELETON,
  USER_SKELETONS,
} from './skeletons';

/** A string value item: `"text"` plus the comma the position needs. */
function stringItem(
  site: Site,
  label: string,
  extra: Partial<CompletionItem>,
  after = '',
): CompletionItem {
  const text = JSON.stringify(label).replace(/[$}\\]/g, '\\$&') + after;
  return item(site, label, CompletionItemKind.Value, text + (site.commaAfter ? ',' : ''), extra);
}

function calculationTypeItems(site: Site): CompletionItem[] {
  const withSeed = entryLacksSeed(site);
  return CALCULATION_TYPES.map((t, i) =>
    stringItem(
      site,
      t.name,
      {
        kind: CompletionItemKind.EnumMember,
        detail: `seed.${t.field}${withSeed ? ' · inserts the seed skeleton' : ''}`,
        documentation: markdown(calculationTypeMarkdown(t)),
        sortText: String(i).padStart(2, '0'),
      },
      withSeed ? `,\n${seedProperty(t)}` : '',
    ),
  );
}

const MAX_NAMES = 100;

/** Attribute names used elsewhere in the file (for consistent names across the users of a file). */
function attributeNameItems(
  site: Site,
  ctx: ValueContext,
  location: 'seed-entry' | 'user-attribute',
): CompletionItem[] {
  const root = site.model.root;
  const group = location === 'seed-entry' ? 'calculated_attributes' : 'user_attributes';
  const users = root?.type === 'array' ? root.items : root !== undefined ? [root] : [];
  const entriesOf = (user: JsonNode): JsonNode[] => workspaceItems(user, group);
  // Names this user already has would be duplicates: leave them out.
  const current = root?.type === 'array' ? root.items[Number(ctx.path[0])] : root;
  const taken = new Set(
    (current === undefined ? [] : entriesOf(current))
      .filter((e) => getValue(e, 'attribute_name') !== ctx.node)
      .map((e) => getString(e, 'attribute_name')),
  );
  const names = new Map<string, string | undefined>();
  for (const user of users) {
    for (const entry of entriesOf(user)) {
      const node = getValue(entry, 'attribute_name');
      if (node?.type !== 'string' || node.value === '' || taken.has(node.value)) continue;
      if (!names.has(node.value)) names.set(node.value, getString(entry, 'calculation_type'));
    }
    if (names.size >= MAX_NAMES) break;
  }
  return [...names].map(([name, type]) =>
    stringItem(site, name, {
      detail: type === undefined ? 'used in this file' : `${type} · used in this file`,
    }),
  );
}

export function valueItems(site: Site, ctx: ValueContext): CompletionItem[] {
  const location = locate(site.model.root, ctx.path);
  if (!isObjectLocation(location)) return [];
  if (ctx.node !== undefined && ctx.node.type !== 'string') return [];
  const name = ctx.property.key.value;
  const items: CompletionItem[] = [];
  if (location === 'user' && name === 'environment') {
    ENVIRONMENTS.forEach((env, i) =>
      items.push(
        stringItem(site, env, {
          detail: 'environment',
          documentation: markdown(ENVIRONMENT_DOCS[env]),
          sortText: String(i),
        }),
      ),
    );
  } else if (location === 'seed-entry' && name === 'calculation_type') {
    items.push(...calculationTypeItems(site));
  } else if (
    name === 'attribute_name' &&
    (location === 'seed-entry' || location === 'user-attribute')
  ) {
    items.push(...attributeNameItems(site, ctx, location));
    if (location === 'seed-entry') addDefinitionNames(site, ctx, items);
  } else if (location === 'seed-entry' && name === 'cutoff_date') {
    items.push(
      stringItem(site, site.today, {
        detail: 'today',
        documentation: markdown(
          "Today's date. Events before the cutoff date are ignored by the live calculation, so the seed must cover them.",
        ),
      }),
    );
  }
  const doc = propertyDoc(location, name);
  if (ctx.node === undefined && doc !== undefined && /^[{[]/.test(doc.value)) {
    items.push(
      item(
        site,
        snippetToText(doc.value).replace(/\s+/g, ' '),
        CompletionItemKind.Value,
        doc.value + (site.commaAfter ? ',' : ''),
        { detail: doc.type, documentation: markdown(doc.doc), sortText: '9' },
      ),
    );
  }
  return items;
}

export function elementItems(site: Site, ctx: ElementContext): CompletionItem[] {
  if (ctx.node !== undefined) return [];
  const location = locate(site.model.root, ctx.path);
  let skeletons: readonly { label: string; detail: string; doc: string; snippet: string }[] = [];
  if (location === 'users') skeletons = USER_SKELETONS;
  else if (location === 'seed-entries') skeletons = seedEntrySkeletons(site.today);
  else if (location === 'user-attribute-entries') skeletons = [USER_ATTRIBUTE_SKELETON];
  return skeletons.map((s, i) => structureItem(site, s, String(i).padStart(2, '0')));
}

export function emptyItems(site: Site): CompletionItem[] {
  return DOCUMENT_SKELETONS.map((s, i) => structureItem(site, s, String(i)));
}
