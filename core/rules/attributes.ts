/**
 * Attribute names and values within one user: duplicate names (one seed or value would overwrite
 * the other) and user attribute values that are not strings (quick fix: quote them). Length and
 * count limits are shape (shape.ts).
 */
import type { ArrayNode, JsonNode, StringNode } from '../ast';
import { getProperty } from '../ast';
import type { Fix } from '../diagnostics';
import type { RuleContext } from './context';
import { reportNode, typeName } from './context';
import { replaceFix } from './edits';
import { quoted } from '../excerpt';

/**
 * Reports the entries whose attribute_name appeared earlier in the same workspace array.
 * `names[i]` is entry i's name node (undefined when it has none); `what` names the list in
 * messages ("calculated attribute", "user attribute").
 */
export function checkDuplicateNames(
  ctx: RuleContext,
  names: ReadonlyArray<StringNode | undefined>,
  count: number,
  what: 'calculated attribute' | 'user attribute',
): void {
  if (count < 2) return;
  const seen = count > 16 ? new Map<string, number>() : undefined;
  for (let i = 0; i < count; i++) {
    const node = names[i];
    if (node === undefined) continue;
    const name = node.value;
    let first = -1;
    if (seen !== undefined) {
      first = seen.get(name) ?? -1;
      if (first < 0) seen.set(name, i);
    } else {
      for (let j = 0; j < i; j++) {
        const other = names[j];
        if (other !== undefined && other.value === name) {
          first = j;
          break;
        }
      }
    }
    if (first < 0) continue;
    // A seed repeated is a conflict; a user attribute repeated is created, then updated.
    if (what === 'calculated attribute')
      reportNode(
        ctx,
        'duplicate-attribute',
        `${quoted(name)} is already a ${what} of this user (entry ${first + 1} of "workspace"): one would overwrite the other. Remove or rename one.`,
        node,
      );
    else
      reportNode(
        ctx,
        'duplicate-user-attribute',
        `${quoted(name)} is already a ${what} of this user (entry ${first + 1} of "workspace"): the API sets it twice and the later value wins. Remove one.`,
        node,
      );
  }
}

function nameOf(entry: JsonNode): StringNode | undefined {
  if (entry.type !== 'object') return undefined;
  const v = getProperty(entry, 'attribute_name')?.value;
  return v !== undefined && v.type === 'string' ? v : undefined;
}

/** The attribute_name of each entry of a workspace array (undefined where it has none). */
export function namesOf(workspace: ArrayNode): Array<StringNode | undefined> {
  return workspace.items.length < 2 ? [] : workspace.items.map(nameOf);
}

/** user_attributes.workspace[]: duplicate names, string values. */
export function checkUserAttributes(ctx: RuleContext, workspace: ArrayNode): void {
  const items = workspace.items;
  for (let i = 0; i < items.length; i++) {
    const entry = items[i];
    if (entry.type !== 'object') continue;
    const value = getProperty(entry, 'attribute_value')?.value;
    if (value === undefined || value.type === 'string') continue;
    const fixes: Fix[] = [];
    if (value.type === 'number' || value.type === 'boolean') {
      const raw = ctx.text.slice(value.offset, value.offset + value.length);
      fixes.push(replaceFix(value, JSON.stringify(raw), `Quote it: ${quoted(raw)}`, true));
    }
    reportNode(
      ctx,
      'non-string-attribute-value',
      `"attribute_value" must be a string, not ${typeName(value)}${fixes.length > 0 ? ': put it in quotes' : ''}.`,
      value,
      fixes,
    );
  }
  checkDuplicateNames(ctx, namesOf(workspace), items.length, 'user attribute');
}
