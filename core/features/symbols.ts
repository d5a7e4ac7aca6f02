/**
 * Document symbols (the outline and breadcrumbs): each user, and under it its calculated attribute
 * seeds (detail: the calculation type) and its user attributes.
 */
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { JsonNode, ObjectNode } from '../ast';
import { getProperty, getString, getValue, workspaceItems } from '../ast';
import type { SeedModel } from '../document';

type Span = { offset: number; length: number };

function symbol(
  model: SeedModel,
  name: string,
  kind: SymbolKind,
  range: Span,
  selection: Span,
  detail?: string,
  children?: DocumentSymbol[],
): DocumentSymbol {
  const s: DocumentSymbol = {
    // An empty name is rejected by VS Code.
    name: name.trim() === '' ? '(unnamed)' : name,
    kind,
    range: model.lines.rangeOf(range.offset, range.length),
    selectionRange: model.lines.rangeOf(selection.offset, selection.length),
  };
  if (detail !== undefined && detail !== '') s.detail = detail;
  if (children !== undefined) s.children = children;
  return s;
}

/** How a user is named: its mpid exactly as written, or its first identity. */
function userLabel(user: ObjectNode): { text: string; at: Span | undefined } {
  const mpid = getValue(user, 'mpid');
  if (mpid !== undefined && (mpid.type === 'number' || mpid.type === 'string')) {
    const raw = mpid.type === 'number' ? mpid.raw : mpid.value;
    return { text: `mpid ${raw}`, at: mpid };
  }
  const ids = getValue(user, 'identities');
  if (ids?.type === 'object') {
    for (const p of ids.properties) {
      if (p.value?.type === 'string') return { text: `${p.key.value} ${p.value.value}`, at: p.key };
    }
  }
  return { text: '', at: undefined };
}

function entries(user: ObjectNode, group: string): ObjectNode[] {
  return workspaceItems(user, group).filter((i): i is ObjectNode => i.type === 'object');
}

function attributeSymbol(
  model: SeedModel,
  entry: ObjectNode,
  kind: SymbolKind,
  detail: string | undefined,
): DocumentSymbol {
  const nameNode = getProperty(entry, 'attribute_name');
  const name = getString(entry, 'attribute_name') ?? '(no attribute_name)';
  const selection = nameNode?.value ?? { offset: entry.offset, length: 1 };
  return symbol(model, name, kind, entry, selection, detail);
}

function userSymbol(model: SeedModel, user: ObjectNode, index: number | undefined): DocumentSymbol {
  const label = userLabel(user);
  const prefix = index === undefined ? 'User' : `User ${index}`;
  const name = label.text === '' ? prefix : `${prefix} · ${label.text}`;
  const children = [
    ...entries(user, 'calculated_attributes').map((e) =>
      attributeSymbol(model, e, SymbolKind.Field, getString(e, 'calculation_type')),
    ),
    ...entries(user, 'user_attributes').map((e) =>
      attributeSymbol(model, e, SymbolKind.Property, 'user attribute'),
    ),
  ];
  return symbol(
    model,
    name,
    SymbolKind.Object,
    user,
    label.at ?? { offset: user.offset, length: 1 },
    getString(user, 'environment'),
    children,
  );
}

export function documentSymbols(model: SeedModel): DocumentSymbol[] {
  const root: JsonNode | undefined = model.root;
  if (root?.type === 'object') return [userSymbol(model, root, undefined)];
  if (root?.type !== 'array') return [];
  const out: DocumentSymbol[] = [];
  root.items.forEach((item, i) => {
    if (item.type === 'object') out.push(userSymbol(model, item, i + 1));
  });
  return out;
}
