/**
 * Completion: property keys valid at the cursor, values (calculation types with their seed format,
 * environments, today's date), and skeletons (a user, a seed entry per calculation type). Each
 * item replaces the partly typed word with its quotes and adds the commas the position needs.
 */
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { getString } from '../ast';
import type { SeedModel } from '../document';
import { CALCULATION_TYPE_BY_NAME, IDENTITY_TYPES } from '../vocabulary';
import { localToday } from '../validate';
import type { KeyContext } from './cursorContext';
import { cursorContext } from './cursorContext';
import type { Site } from './completionSite';
import { commaBefore, item, markdown, needsCommaAfter } from './completionSite';
import { elementItems, emptyItems, valueItems } from './completionValues';
import type { ObjectLocation } from './locations';
import { isObjectLocation, locate, seedEntryOf } from './locations';
import type { PropertyDoc } from './schemaDocs';
import { identityDetail, PROPERTY_DOCS, propertyMarkdown } from './schemaDocs';
import { seedProperty } from './skeletons';

export interface CompletionOptions {
  /** Today's date as yyyy-MM-dd, for `cutoff_date`; defaults to the system clock. */
  today?: string;
}

export function complete(
  model: SeedModel,
  position: Position,
  options: CompletionOptions = {},
): CompletionItem[] {
  const offset = model.lines.offsetAt(position);
  const ctx = cursorContext(model.text, model.root, offset);
  if (ctx === undefined) return [];
  const site: Site = {
    model,
    ctx,
    today: options.today ?? localToday(),
    commaAfter: needsCommaAfter(model.text, ctx.to),
    commaBefore: ctx.kind === 'value' ? undefined : commaBefore(model, ctx.from),
  };
  switch (ctx.kind) {
    case 'key':
      return keyItems(site, ctx);
    case 'value':
      return valueItems(site, ctx);
    case 'element':
      return elementItems(site, ctx);
    case 'empty':
      return emptyItems(site);
  }
}

interface KeyChoice {
  doc: PropertyDoc;
  detail: string;
  /** The whole property as a snippet, when it differs from `"name": value`. */
  property?: string;
  sortText: string;
}

function keyChoices(site: Site, ctx: KeyContext, location: ObjectLocation): KeyChoice[] {
  const root = site.model.root;
  if (location === 'identities') {
    return IDENTITY_TYPES.map((t, i) => ({
      doc: { name: t.name, type: 'string', required: false, doc: t.doc, value: '"$0"' },
      detail: identityDetail(t),
      sortText: `${t.kind === 'user' ? 0 : 1}${String(i).padStart(2, '0')}`,
    }));
  }
  const entry = seedEntryOf(root, ctx.path);
  const type = CALCULATION_TYPE_BY_NAME.get(getString(entry, 'calculation_type') ?? '');
  if (location === 'key_value_pairs' && type?.name !== 'average') return [];
  const docs = PROPERTY_DOCS[location] ?? [];
  return docs.map((doc, i) => {
    const choice: KeyChoice = {
      doc,
      detail: `${doc.type}${doc.required ? ' · required' : ''}`,
      sortText: `1${i}`,
    };
    if (location === 'seed' && type !== undefined) {
      const own = type.field === doc.name;
      choice.sortText = own ? '0' : `1${i}`;
      if (own) {
        choice.property = type.snippet;
        choice.detail += ` · read by ${type.name}`;
      }
    }
    if (location === 'seed-entry' && doc.name === 'seed' && type !== undefined)
      choice.property = seedProperty(type);
    if (doc.name === 'cutoff_date')
      choice.property = `"cutoff_date": ${doc.value.replace('TODAY', site.today)}`;
    return choice;
  });
}

function keyItems(site: Site, ctx: KeyContext): CompletionItem[] {
  const root = site.model.root;
  const location = locate(root, ctx.path);
  if (!isObjectLocation(location)) return [];
  const present = new Set(
    ctx.object.properties.filter((p) => p !== ctx.property).map((p) => p.key.value),
  );
  const keyOnly = ctx.property !== undefined && ctx.property.colonOffset >= 0;
  const items: CompletionItem[] = [];
  for (const c of keyChoices(site, ctx, location)) {
    const name = c.doc.name;
    if (present.has(name)) continue;
    const extra: Partial<CompletionItem> = {
      detail: c.detail,
      documentation: markdown(propertyMarkdown(c.doc)),
      sortText: c.sortText,
    };
    if (keyOnly) {
      items.push(item(site, name, CompletionItemKind.Property, JSON.stringify(name), extra));
      continue;
    }
    if (site.commaBefore !== undefined) extra.additionalTextEdits = [site.commaBefore];
    if (c.doc.suggestValue === true)
      extra.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
    const property = c.property ?? `${JSON.stringify(name)}: ${c.doc.value}`;
    items.push(
      item(site, name, CompletionItemKind.Property, property + (site.commaAfter ? ',' : ''), extra),
    );
  }
  return items;
}
