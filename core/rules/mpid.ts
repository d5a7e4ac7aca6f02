/**
 * How the API finds the user: `mpid` (a signed 64-bit integer, checked from its source text and
 * never through a JavaScript number) or `identities`; identities are ignored when mpid is present.
 */
import type { JsonNode, ObjectNode } from '../ast';
import { INT64_MAX, INT64_MIN } from '../facts';
import type { RuleContext } from './context';
import { report, reportNode, typeName } from './context';
import type { UserFields } from './fields';
import { hasMpid } from './fields';
import { removePropertyFix, replaceFix } from './edits';
import { DECIMAL, INTEGER, isInt64Text, numberKind } from './numbers';
import { excerpt, quoted } from '../excerpt';

export function checkUserId(ctx: RuleContext, user: ObjectNode, fields: UserFields): void {
  const mpid = fields.mpid;
  const identities = fields.identities;
  if (mpid === undefined && identities === undefined) {
    report(
      ctx,
      'missing-user-id',
      'Neither "mpid" nor "identities": the API cannot find the user. Add "mpid" (the mParticle ID) or "identities" (e.g. "customer_id").',
      user.offset,
      1,
    );
    return;
  }
  if (mpid?.value !== undefined) checkMpid(ctx, mpid.value);
  if (hasMpid(fields) && identities?.value !== undefined) {
    const ids = identities.value;
    if (ids.type === 'object' && ids.properties.length === 0) return; // empty-identities says it
    reportNode(
      ctx,
      'identities-ignored',
      '"identities" is ignored because "mpid" is present: the API finds the user by mpid.',
      identities,
      [removePropertyFix(user, identities, ctx.text, 'Remove "identities"', false)],
      ['unnecessary'],
    );
  }
}

function checkMpid(ctx: RuleContext, node: JsonNode): void {
  if (node.type === 'number') {
    const raw = node.raw;
    const kind = numberKind(raw);
    if (kind === INTEGER) {
      if (!isInt64Text(raw))
        reportNode(
          ctx,
          'invalid-mpid',
          `mpid ${excerpt(raw)} is outside the signed 64-bit range (${INT64_MIN} to ${INT64_MAX}): check the id.`,
          node,
        );
      return;
    }
    if (kind === DECIMAL)
      reportNode(
        ctx,
        'invalid-mpid',
        `mpid ${excerpt(raw)} has a fraction or an exponent: write the id as a whole number, every digit.`,
        node,
      );
    // Anything else is not a JSON number: the parser has reported it.
    return;
  }
  if (node.type === 'string') {
    const s = node.value;
    if (isInt64Text(s)) {
      reportNode(
        ctx,
        'mpid-as-string',
        'mpid is numeric in the API: remove the quotes (every digit is kept exactly).',
        node,
        [replaceFix(node, s, 'Remove the quotes around the mpid', true)],
      );
    } else {
      reportNode(
        ctx,
        'invalid-mpid',
        `${quoted(s)} is not an mpid: write the signed 64-bit integer id without quotes, e.g. "mpid": 7346244611012968789.`,
        node,
      );
    }
    return;
  }
  reportNode(
    ctx,
    'invalid-mpid',
    `mpid must be a signed 64-bit integer, not ${typeName(node)}.`,
    node,
  );
}
