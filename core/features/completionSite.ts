/**
 * The shared parts of completion: where the items go (`Site`) and how an item replaces the partly
 * typed text and adds the commas its position needs.
 */
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver-types';
import { getProperty } from '../ast';
import type { SeedModel } from '../document';
import type { CursorContext } from './cursorContext';
import { seedEntryOf } from './locations';
import type { Skeleton } from './skeletons';

/** What every item builder needs: the model, the context and the edit helpers. */
export interface Site {
  model: SeedModel;
  ctx: CursorContext;
  today: string;
  /** True when a comma must follow inserted text (another property or element comes next). */
  commaAfter: boolean;
  /** An edit inserting the comma a new property or element needs before it, if any. */
  commaBefore: TextEdit | undefined;
}

export function needsCommaAfter(text: string, to: number): boolean {
  let i = to;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i < text.length && !/[,}\]:]/.test(text[i]);
}

export function commaBefore(model: SeedModel, from: number): TextEdit | undefined {
  const text = model.text;
  let i = from;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  if (i === 0 || /[{[,:]/.test(text[i - 1])) return undefined;
  const at = model.lines.positionAt(i);
  return { range: { start: at, end: at }, newText: ',' };
}

/** A snippet item replacing the context's span. */
export function item(
  site: Site,
  label: string,
  kind: CompletionItemKind,
  insertText: string,
  extra: Partial<CompletionItem> = {},
): CompletionItem {
  const { model, ctx } = site;
  const range = model.lines.rangeOf(ctx.from, ctx.to - ctx.from);
  const quoted = model.text[ctx.from] === '"';
  const out: CompletionItem = {
    label,
    kind,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: insertText },
    filterText: quoted ? JSON.stringify(label) : label,
    ...extra,
  };
  return out;
}

export function markdown(value: string): { kind: 'markdown'; value: string } {
  return { kind: MarkupKind.Markdown, value };
}

/** A whole new structure (property or element): commas around it as needed. */
export function structureItem(site: Site, s: Skeleton, sortText: string): CompletionItem {
  const extra: Partial<CompletionItem> = {
    detail: s.detail,
    documentation: markdown(s.doc),
    sortText,
  };
  if (site.commaBefore !== undefined) extra.additionalTextEdits = [site.commaBefore];
  return item(
    site,
    s.label,
    CompletionItemKind.Snippet,
    s.snippet + (site.commaAfter ? ',' : ''),
    extra,
  );
}

/** True when the seed entry holding `path` has no `seed` property yet. */
export function entryLacksSeed(site: Site): boolean {
  const entry = seedEntryOf(site.model.root, site.ctx.kind === 'empty' ? [] : site.ctx.path);
  return entry !== undefined && getProperty(entry, 'seed') === undefined;
}
