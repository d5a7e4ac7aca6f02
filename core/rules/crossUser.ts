/**
 * The same calculated attribute seeded with another calculation type or cutoff date elsewhere in
 * the file: changing either on the platform deletes seeds already sent, so one of them is wrong.
 * State is one small map (attribute name → first sighting), so bulk users can be dropped.
 */
import type { RuleContext } from './context';
import type { EntryFields } from './fields';
import { reportNode, userName } from './context';
import { quoted } from '../excerpt';
import { CALCULATION_TYPE_ALIASES, CALCULATION_TYPE_BY_NAME } from '../vocabulary';
import { isRealDate } from './dates';

/** The entry's calculation type in the platform's spelling, when it is one (aliases resolved). */
function canonicalType(fields: EntryFields): string | undefined {
  const v = fields.type?.value;
  if (v === undefined || v.type !== 'string') return undefined;
  if (CALCULATION_TYPE_BY_NAME.has(v.value)) return v.value;
  return CALCULATION_TYPE_ALIASES[v.value];
}

/** The entry's cutoff date (or its misspelt key's) when it is a real yyyy-MM-dd date. */
function realCutoff(ctx: RuleContext, fields: EntryFields): string | undefined {
  const v = (fields.cutoff ?? fields.typo)?.value;
  if (v === undefined || v.type !== 'string') return undefined;
  // The date that last passed every date check is a real one (most entries of a file share it).
  return v.value === ctx.goodDate || isRealDate(v.value) ? v.value : undefined;
}

export function checkAcrossUsers(ctx: RuleContext, fields: EntryFields): void {
  const nameNode = fields.name?.value;
  if (nameNode === undefined || nameNode.type !== 'string') return;
  const type = canonicalType(fields);
  const cutoff = realCutoff(ctx, fields);
  const name = nameNode.value;
  const first = ctx.attributes.get(name);
  if (first === undefined) {
    ctx.attributes.set(name, { type, cutoff, user: ctx.userIndex });
    return;
  }
  if (first.user === ctx.userIndex) return; // duplicate-attribute reports a repeat in one user
  const where = userName(ctx, first.user);
  if (type !== undefined && first.type !== undefined && type !== first.type) {
    const node = fields.type?.value ?? nameNode;
    reportNode(
      ctx,
      'conflicting-attribute',
      `${quoted(name)} is seeded as "${first.type}" in ${where} but as "${type}" here: an attribute has one calculation type, and changing it deletes seeds already sent. Make them agree.`,
      node,
    );
  }
  if (cutoff !== undefined && first.cutoff !== undefined && cutoff !== first.cutoff) {
    const node = fields.cutoff?.value ?? fields.typo?.value ?? nameNode;
    reportNode(
      ctx,
      'conflicting-attribute',
      `${quoted(name)} has cutoff date ${first.cutoff} in ${where} but ${cutoff} here: an attribute has one cutoff date, and changing it deletes seeds already sent. Make them agree.`,
      node,
    );
  }
}
