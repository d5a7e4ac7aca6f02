/**
 * `identities`: known identity types of the seeding API, names pasted from other mParticle APIs
 * (with the seeding name as a quick fix), near misses, and non-empty string values.
 */
import type { ObjectNode, PropertyNode } from '../ast';
import { getProperty } from '../ast';
import type { Fix } from '../diagnostics';
import { IDENTITY_ALIASES, IDENTITY_BY_NAME } from '../facts';
import type { RuleContext } from './context';
import { reportNode, typeName } from './context';
import type { UserFields } from './fields';
import { removePropertyFix, renameKeyFix, replaceFix } from './edits';
import { closest } from './suggest';
import { quoted } from '../excerpt';

export function checkIdentities(ctx: RuleContext, user: ObjectNode, fields: UserFields): void {
  const prop = fields.identities;
  const ids = prop?.value;
  if (prop === undefined || ids === undefined || ids.type !== 'object') return;
  const props = ids.properties;
  if (props.length === 0) {
    const hasMpid = fields.mpid !== undefined;
    reportNode(
      ctx,
      'empty-identities',
      hasMpid
        ? '"identities" is empty (and ignored, since "mpid" is present): remove it.'
        : '"identities" is empty: add an identity such as "customer_id" or "email", or use "mpid".',
      ids,
      hasMpid ? [removePropertyFix(user, prop, ctx.text, 'Remove "identities"', true)] : undefined,
    );
    return;
  }
  for (let i = 0; i < props.length; i++) {
    const p = props[i];
    const name = p.key.value;
    if (!IDENTITY_BY_NAME.has(name)) unknownIdentity(ctx, ids, p, name);
    const v = p.value;
    if (v === undefined) continue;
    if (v.type === 'string' && v.value.length > 0) continue;
    if (v.type === 'string') {
      reportNode(
        ctx,
        'invalid-identity-value',
        `${quoted(name)} is empty: give the identity's value, or remove it.`,
        v,
        [removePropertyFix(ids, p, ctx.text, `Remove ${quoted(name)}`, false)],
      );
    } else {
      const fixes: Fix[] = [];
      if (v.type === 'number')
        fixes.push(replaceFix(v, JSON.stringify(v.raw), 'Quote the value', true));
      reportNode(
        ctx,
        'invalid-identity-value',
        `An identity value is a string: write ${quoted(name)} as a non-empty string, not ${typeName(v)}.`,
        v,
        fixes,
      );
    }
  }
}

function unknownIdentity(ctx: RuleContext, ids: ObjectNode, p: PropertyNode, name: string): void {
  const alias = IDENTITY_ALIASES[name] ?? IDENTITY_ALIASES[name.toLowerCase()];
  const suggestion = alias ?? closest(name, IDENTITY_BY_NAME.keys());
  const taken = suggestion !== undefined && getProperty(ids, suggestion) !== undefined;
  const fixes: Fix[] = [];
  let message: string;
  if (alias !== undefined) {
    message = `${quoted(name)} is the name another mParticle API uses; the seeding API calls this identity "${alias}".`;
  } else if (suggestion !== undefined) {
    message = `${quoted(name)} is not an identity type of the seeding API: did you mean "${suggestion}"?`;
  } else {
    message = `${quoted(name)} is not an identity type of the seeding API. Use a user identity (customer_id, email, other, other_id_2…, mobile_number…) or a device identity (google_advertising_id, ios_advertising_id, android_id…).`;
  }
  if (suggestion !== undefined && !taken) fixes.push(renameKeyFix(p.key, suggestion, true));
  if (taken) message += ` ("${suggestion}" is already set in this object.)`;
  fixes.push(removePropertyFix(ids, p, ctx.text, `Remove ${quoted(name)}`, false));
  reportNode(ctx, 'unknown-identity', message, p.key, fixes);
}
