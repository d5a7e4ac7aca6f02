/** Every rule for one user object, in the order a reader checks a payload. */
import type { JsonNode, ObjectNode } from '../ast';
import { getProperty } from '../ast';
import { checkDuplicateNames, checkUserAttributes } from './attributes';
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
  checkUserId(ctx, node);
  checkIdentities(ctx, node);
  checkCalculatedAttributes(ctx, node);
  checkUserAttributes(ctx, node);
}

function checkCalculatedAttributes(ctx: RuleContext, user: ObjectNode): void {
  const ca = getProperty(user, 'calculated_attributes')?.value;
  if (ca === undefined || ca.type !== 'object') return;
  const workspace = getProperty(ca, 'workspace')?.value;
  if (workspace === undefined || workspace.type !== 'array') return;
  const items = workspace.items;
  for (let i = 0; i < items.length; i++) {
    const entry = items[i];
    if (entry.type !== 'object') continue;
    const type = checkSeedEntry(ctx, entry);
    const cutoff = checkCutoffDate(ctx, entry);
    checkAcrossUsers(ctx, entry, type, cutoff);
  }
  checkDuplicateNames(ctx, workspace, 'calculated attribute');
}
