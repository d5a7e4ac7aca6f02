/**
 * Attribute names and values within one user: duplicate names (one seed or value would overwrite
 * the other) and user attribute values that are not strings (quick fix: quote them). Length and
 * count limits come from the schema (shape.ts).
 */
import type { ArrayNode, JsonNode, ObjectNode } from '../ast';
import { getProperty } from '../ast';
import type { Fix } from '../diagnostics';
import type { RuleContext } from './context';
import { reportNode, typeName } from './context';
import { replaceFix } from './edits';

/**
 * Reports entries of a workspace array whose attribute_name appeared earlier in it. `what` names
 * the list in messages ("calculated attribute", "user attribute").
 */
export function checkDuplicateNames(ctx: RuleContext, workspace: ArrayNode, what: string): void {
  const items = workspace.items;
  const n = items.length;
  if (n < 2) return;
  let seen: Map<string, number> | undefined;
  for (let i = 0; i < n; i++) {
    const nameNode = nameOf(items[i]);
    if (nameNode === undefined) continue;
    const name = nameNode.value;
    seen ??= new Map();
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, i);
      continue;
    }
    reportNode(
      ctx,
      'duplicate-attribute',
      `"${name}" is already a ${what} of this user (entry ${first + 1} of "workspace"): one would overwrite the other. Remove or rename one.`,
      nameNode,
    );
  }
}

function nameOf(entry: JsonNode): (JsonNode & { type: 'string' }) | undefined {
  if (entry.type !== 'object') return undefined;
  const v = getProperty(entry, 'attribute_name')?.value;
  return v !== undefined && v.type === 'string' ? v : undefined;
}

/** user_attributes.workspace[]: duplicate names, string values. */
export function checkUserAttributes(ctx: RuleContext, user: ObjectNode): void {
  const ua = getProperty(user, 'user_attributes')?.value;
  if (ua === undefined || ua.type !== 'object') return;
  const workspace = getProperty(ua, 'workspace')?.value;
  if (workspace === undefined || workspace.type !== 'array') return;
  const items = workspace.items;
  for (let i = 0; i < items.length; i++) {
    const entry = items[i];
    if (entry.type !== 'object') continue;
    const value = getProperty(entry, 'attribute_value')?.value;
    if (value === undefined || value.type === 'string') continue;
    const fixes: Fix[] = [];
    if (value.type === 'number' || value.type === 'boolean') {
      const raw = ctx.text.slice(value.offset, value.offset + value.length);
      fixes.push(replaceFix(value, JSON.stringify(raw), `Quote it: "${raw}"`, true));
    }
    reportNode(
      ctx,
      'non-string-attribute-value',
      `"attribute_value" must be a string, not ${typeName(value)}${fixes.length > 0 ? ': put it in quotes' : ''}.`,
      value,
      fixes,
    );
  }
  checkDuplicateNames(ctx, workspace, 'user attribute');
}
