/**
 * Every rule, listed once: a table of rules per node kind (the vocabulary's kinds), each a pure
 * function of its node and the context (diagnostics go to `ctx.out`; the only state across users is
 * the context's). Adding a rule: one file in core/rules/, one row here, its code in core/codes.ts,
 * tests. core/rules/user.ts walks one user in the order of this table.
 */
import type { ArrayNode, ObjectNode } from '../ast';
import { checkDuplicateNames, checkUserAttributes, namesOf } from './attributes';
import type { RuleContext } from './context';
import { checkAcrossUsers } from './crossUser';
import { checkCutoffDate } from './dates';
import { checkDefinitions } from './definitions';
import type { EntryFields, UserFields } from './fields';
import { checkIdentities } from './identities';
import { checkUserId } from './mpid';
import { checkSeedEntry } from './seeds';
import { checkShape } from './shape';

/** One user object (a bulk array's element or the single-user payload) and its properties. */
export interface UserSite {
  readonly node: ObjectNode;
  readonly fields: UserFields;
  /** 0-based index of the user in the file. */
  readonly index: number;
}

/** One calculated attribute entry (calculated_attributes.workspace[i]) and its properties. */
export interface EntrySite {
  readonly node: ObjectNode;
  readonly fields: EntryFields;
  readonly user: UserSite;
}

/** One of the user's `workspace` arrays. */
export interface ArraySite {
  readonly node: ArrayNode;
  readonly user: UserSite;
}

export type Rule<Site> = (ctx: RuleContext, site: Site) => void;

export interface RuleTable {
  /** The user object, before its entries. */
  readonly user: readonly Rule<UserSite>[];
  /** Each calculated attribute entry, in order. */
  readonly 'seed-entry': readonly Rule<EntrySite>[];
  /** calculated_attributes.workspace, after its entries. */
  readonly 'seed-entries': readonly Rule<ArraySite>[];
  /** user_attributes.workspace. */
  readonly 'user-attribute-entries': readonly Rule<ArraySite>[];
  /** The user again, last, when the workspace definitions are given (`ctx.definitions`). */
  readonly definitions: readonly Rule<UserSite>[];
}

export const RULES: RuleTable = {
  user: [
    (ctx, u) => checkShape(ctx, u.node),
    (ctx, u) => checkUserId(ctx, u.node, u.fields),
    (ctx, u) => checkIdentities(ctx, u.node, u.fields),
  ],
  'seed-entry': [
    (ctx, e) => checkSeedEntry(ctx, e.fields),
    (ctx, e) => checkCutoffDate(ctx, e.node, e.fields),
    (ctx, e) => checkAcrossUsers(ctx, e.fields),
  ],
  'seed-entries': [
    (ctx, a) =>
      checkDuplicateNames(ctx, namesOf(a.node), a.node.items.length, 'calculated attribute'),
  ],
  'user-attribute-entries': [(ctx, a) => checkUserAttributes(ctx, a.node)],
  definitions: [
    (ctx, u) => {
      if (ctx.definitions !== undefined) checkDefinitions(ctx, u.node, ctx.definitions);
    },
  ],
};
