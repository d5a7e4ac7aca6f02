/** Every rule for one user object, in the order a reader checks a payload. */
import type { JsonNode, StringNode } from '../ast';
import { getProperty } from '../ast';
import { checkDuplicateNames, checkUserAttributes } from './attributes';
import type { UserFields } from './fields';
import { emptyFields, emptyUserFields, entryFields, userFields } from './fields';
import type { RuleContext } from './context';
import { reportNode, typeName } from './context';
import { checkAcrossUsers } from './crossUser';
import { checkCutoffDate } from './dates';
import { checkIdentities } from './identities';
import { checkUserId } from './mpid';
import { checkSeedEntry } from './seeds';
import { checkShape } from './shape';

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
  checkShape(ctx, node);
  userFields(node, user);
  checkUserId(ctx, node, user);
  checkIdentities(ctx, node, user);
  checkCalculatedAttributes(ctx, user);
  checkUserAttributes(ctx, user);
}

// Scratch space reused for every user (users are checked one at a time).
const user = emptyUserFields();
const fields = emptyFields();
const names: Array<StringNode | undefined> = [];

function checkCalculatedAttributes(ctx: RuleContext, userProps: UserFields): void {
  const ca = userProps.calculatedAttributes?.value;
  if (ca === undefined || ca.type !== 'object') return;
  const workspace = getProperty(ca, 'workspace')?.value;
  if (workspace === undefined || workspace.type !== 'array') return;
  const items = workspace.items;
  const n = items.length;
  for (let i = 0; i < n; i++) {
    const entry = items[i];
    names[i] = undefined;
    if (entry.type !== 'object') continue;
    entryFields(entry, fields);
    const name = fields.name?.value;
    if (name !== undefined && name.type === 'string') names[i] = name;
    const type = checkSeedEntry(ctx, fields);
    const cutoff = checkCutoffDate(ctx, entry, fields);
    checkAcrossUsers(ctx, fields, type, cutoff);
  }
  checkDuplicateNames(ctx, names, n, 'calculated attribute');
}
