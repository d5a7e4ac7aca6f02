/**
 * Walks one user through the rule table (core/rules/index.ts), in the order a reader checks a
 * payload: the user, each calculated attribute entry, the entries together, the user attributes,
 * then the workspace definitions when they are given.
 */
import type { ArrayNode, JsonNode, ObjectNode } from '../ast';
import { getProperty } from '../ast';
import type { RuleContext } from './context';
import { reportNode, typeName } from './context';
import type { EntryFields } from './fields';
import { emptyFields, emptyUserFields, entryFields, userFields } from './fields';
import type { Rule, UserSite } from './index';
import { RULES } from './index';

/** Checks one user: the root object of a single-user file or one element of a bulk array. */
export function checkUser(ctx: RuleContext, node: JsonNode, index: number): void {
  ctx.userIndex = index;
  if (node.type !== 'object') {
    if (ctx.bulk)
      reportNode(
        ctx,
        'not-a-user',
        `Element ${index + 1} of the bulk array is ${typeName(node)}: each element must be a user object { "environment", "mpid" or "identities", "calculated_attributes" }.`,
        node,
      );
    else
      reportNode(
        ctx,
        'invalid-root',
        `A seed file holds one user object, or an array of user objects for a bulk request; this is ${typeName(node)}.`,
        node,
      );
    return;
  }
  const user: UserSite = { node, fields: userFields(node, emptyUserFields()), index };
  run(ctx, RULES.user, user);
  const seeds = workspaceOf(user.fields.calculatedAttributes?.value);
  if (seeds !== undefined) {
    const items = seeds.items;
    // One site for this user's entries, refilled for each (rules keep nothing of a site).
    const site: { node: ObjectNode; fields: EntryFields; user: UserSite } = {
      node,
      fields: emptyFields(),
      user,
    };
    for (let i = 0; i < items.length; i++) {
      const entry = items[i];
      if (entry.type !== 'object') continue;
      site.node = entry;
      entryFields(entry, site.fields);
      run(ctx, RULES['seed-entry'], site);
    }
    run(ctx, RULES['seed-entries'], { node: seeds, user });
  }
  const attributes = workspaceOf(user.fields.userAttributes?.value);
  if (attributes !== undefined)
    run(ctx, RULES['user-attribute-entries'], { node: attributes, user });
  if (ctx.definitions !== undefined) run(ctx, RULES.definitions, user);
}

function run<S>(ctx: RuleContext, rules: readonly Rule<S>[], site: S): void {
  for (let i = 0; i < rules.length; i++) rules[i](ctx, site);
}

/** The `workspace` array of calculated_attributes or user_attributes, when it is one. */
function workspaceOf(group: JsonNode | undefined): ArrayNode | undefined {
  if (group === undefined || group.type !== 'object') return undefined;
  const ws = getProperty(group, 'workspace')?.value;
  return ws !== undefined && ws.type === 'array' ? ws : undefined;
}
