/**
 * `identities`: known identity types of the seeding API, names pasted from other mParticle APIs
 * (with the seeding name as a quick fix), near misses, and non-empty string values.
 */
import type { ObjectNode, PropertyNode } from '../ast';
import { getProperty } from '../ast';
import type { Fix } from '../diagnostics';
import { IDENTITY_ALIASES, IDENTITY_BY_NAME } from '../vocabulary';
import type { RuleContext } from './context';
import { reportNode, typeName } from './context';
import type { UserFields } from './fields';
import { hasMpid } from './fields';
import { removePropertyFix, renameKeyFix, replaceFix } from './edits';
import { closest } from './suggest';
import { quoted } from '../excerpt';

export function checkIdentities(ctx: RuleContext, user: ObjectNode, fields: UserFields): void {
  const prop = fields.identities;
  const ids = prop?.value;
  if (prop === undefined || ids === undefined || ids.type !== 'object') return;
  const props = ids.properties;
  // With an mpid the API ignores identities: what would be rejected on its own is only a warning.
  const ignored = hasMpid(fields);
  if (props.length === 0) {
    reportNode(
      ctx,
      ignored ? 'ignored-identities-invalid' : 'empty-identities',
      ignored
        ? '"identities" is empty (and ignored, since "mpid" is present): remove it.'
        : '"identities" is empty: add an identity such as "customer_id" or "email", or use "mpid".',
      ids,
      ignored ? [removePropertyFix(user, prop, ctx.text, 'Remove "identities"', true)] : undefined,
    );
    return;
  }
  const code = ignored ? 'ignored-identities-invalid' : undefined;
  // Removing the only identity of ignored identities would leave an empty, ignored object:
  // remove the whole of it instead.
  const removeFix = (p: PropertyNode, name: string): Fix =>
    ignored && props.length === 1
      ? removePropertyFix(user, prop, ctx.text, 'Remove "identities"', false)
      : removePropertyFix(ids, p, ctx.text, `Remove ${quoted(name)}`, false);
  for (let i = 0; i < props.length; i++) {
    const p = props[i];
    const name = p.key.value;
    if (!IDENTITY_BY_NAME.has(name)) unknownIdentity(ctx, ids, p, name, code, removeFix(p, name));
    const v = p.value;
    if (v === undefined) continue;
    if (v.type === 'string' && v.value.length > 0) continue;
    if (v.type === 'string') {
      reportNode(
        ctx,
        code ?? 'invalid-identity-value',
        `${quoted(name)} is empty: give the identity's value, or remove it.${code ? IGNORED : ''}`,
        v,
        [removeFix(p, name)],
      );
    } else {
      const fixes: Fix[] = [];
      if (v.type === 'number')
        fixes.push(replaceFix(v, JSON.stringify(v.raw), 'Quote the value', true));
      reportNode(
        ctx,
        code ?? 'invalid-identity-value',
        `An identity value is a string: write ${quoted(name)} as a non-empty string, not ${typeName(v)}.${code ? IGNORED : ''}`,
        v,
        fixes,
      );
    }
  }
}

/** Said after a problem in identities that the API ignores. */
const IGNORED = ' (The API ignores "identities" here, since "mpid" is present.)';

function unknownIdentity(
  ctx: RuleContext,
  ids: ObjectNode,
  p: PropertyNode,
  name: string,
  code: 'ignored-identities-invalid' | undefined,
  removeFix: Fix,
): void {
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
  fixes.push(removeFix);
  if (code !== undefined) message += IGNORED;
  reportNode(ctx, code ?? 'unknown-identity', message, p.key, fixes);
}
