/**
 * `cutoff_date`: the page's `cuttoff_date` typo, the yyyy-MM-dd format, a real calendar date
 * (leap years included) and a date in the future. Character checks, no Date parsing.
 */
import type { JsonNode, ObjectNode } from '../ast';
import type { Fix } from '../diagnostics';
import type { RuleContext } from './context';
import { reportNode } from './context';
import type { EntryFields } from './fields';
import { removePropertyFix, renameKeyFix, replaceFix } from './edits';
import { quoted } from '../excerpt';

const MISSPELLED = 'cuttoff_date';

/** Checks the cutoff date of one seed entry; returns the date text when it is well formed. */
export function checkCutoffDate(
  ctx: RuleContext,
  entry: ObjectNode,
  fields: EntryFields,
): string | undefined {
  const typo = fields.typo;
  const prop = fields.cutoff;
  if (typo !== undefined) {
    const fixes: Fix[] =
      prop === undefined
        ? [renameKeyFix(typo.key, 'cutoff_date', true)]
        : [removePropertyFix(entry, typo, ctx.text, `Remove "${MISSPELLED}"`, true)];
    reportNode(
      ctx,
      'misspelled-cutoff-date',
      prop === undefined
        ? `"${MISSPELLED}" is a typo on the API page; the API reads "cutoff_date". Rename it.`
        : `"${MISSPELLED}" is a typo the API does not read; "cutoff_date" is already set: remove this one.`,
      typo.key,
      fixes,
    );
  }
  const value = (prop ?? typo)?.value;
  if (value === undefined || value.type !== 'string') return undefined;
  return checkDate(ctx, value) ? value.value : undefined;
}

function digitsAt(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A real calendar date written yyyy-MM-dd. */
export function isRealDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function pad2(n: string): string {
  return n.length === 1 ? `0${n}` : n;
}

/** yyyy/MM/dd, yyyy.M.d, yyyy-M-d or an ISO timestamp, rewritten yyyy-MM-dd; else undefined. */
function normalizeDate(s: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(s.trim());
  if (m === null) return undefined;
  const out = `${m[1]}-${pad2(m[2])}-${pad2(m[3])}`;
  return isRealDate(out) ? out : undefined;
}

function checkDate(ctx: RuleContext, node: JsonNode & { type: 'string' }): boolean {
  const s = node.value;
  // Seed files repeat one cutoff date (the parser reads it through the cache of recent names, so
  // this is most often one string object compared with itself).
  if (s === ctx.goodDate) return true;
  const wellFormed =
    s.length === 10 &&
    s.charCodeAt(4) === 45 &&
    s.charCodeAt(7) === 45 &&
    digitsAt(s, 0, 4) >= 0 &&
    digitsAt(s, 5, 2) >= 0 &&
    digitsAt(s, 8, 2) >= 0;
  if (!wellFormed) {
    const fixed = normalizeDate(s);
    reportNode(
      ctx,
      'invalid-date-format',
      `${quoted(s)} is not written yyyy-MM-dd${fixed !== undefined ? `: write "${fixed}"` : ' (e.g. "2019-12-01")'}.`,
      node,
      fixed !== undefined ? [replaceFix(node, `"${fixed}"`, `Change to "${fixed}"`, true)] : [],
    );
    return false;
  }
  if (!isRealDate(s)) {
    const m = digitsAt(s, 5, 2);
    reportNode(
      ctx,
      'invalid-date',
      m < 1 || m > 12
        ? `${quoted(s)} has no month ${m}: the format is yyyy-MM-dd (year, month, day).`
        : `${quoted(s)} is not a calendar date: ${s.slice(0, 7)} has ${daysInMonth(digitsAt(s, 0, 4), m)} days.`,
      node,
    );
    return false;
  }
  if (s > ctx.today) {
    reportNode(
      ctx,
      'future-cutoff-date',
      `The cutoff date ${s} is in the future (today is ${ctx.today}): live events before it would be ignored. Use the date your seed's data ends.`,
      node,
    );
    return true;
  }
  ctx.goodDate = s;
  return true;
}
