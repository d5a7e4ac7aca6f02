/**
 * Cell converters: one export cell (text) → the JSON text of a seed value. Numbers keep their text
 * (an mpid or a timestamp never passes through a JavaScript number, except ISO 8601 dates, whose
 * epoch milliseconds are far below 2^53). A converter returns undefined and sets `failure` when the
 * cell cannot be converted; anything it can write is left to the core's rules to judge. The list and
 * object converters clear `certainty.clean` when the value they write is not certified (certify.ts).
 */
import { isRealDate } from '../rules/dates';
import { DECIMAL, INTEGER, NOT_A_NUMBER, isInt64Text, numberKind } from '../rules/numbers';
import { certainty, certifyList, certifyPairs } from './certify';
import type { TimestampFormat } from './model';
import type { Utf8Out } from './utf8Out';

/** Why the last conversion failed: a diagnostic code of the core, and a message. */
export const failure = { reason: '', message: '' };

function fail(reason: string, message: string): undefined {
  failure.reason = reason;
  failure.message = message;
  return undefined;
}

/** A numeric cell: its own text when it is a JSON number, else a JSON string (the core judges). */
export function numberCell(cell: string): string {
  return numberKind(cell) === NOT_A_NUMBER ? JSON.stringify(cell) : cell;
}

/** The mpid: its digits, exactly as written. */
export function mpidCell(cell: string, column: string): string | undefined {
  if (isInt64Text(cell)) return cell;
  return fail(
    'invalid-mpid',
    `column "${column}": ${JSON.stringify(cell)} is not an mpid (a signed 64-bit integer written in digits).`,
  );
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A timestamp cell → Unix epoch milliseconds, as integer text. */
export function timestampCell(
  cell: string,
  format: TimestampFormat,
  column: string,
): string | undefined {
  const bad = (what: string): undefined =>
    fail('invalid-timestamp', `column "${column}": ${JSON.stringify(cell)} is not ${what}.`);
  if (format === 'epoch_ms') {
    const kind = numberKind(cell);
    if (kind === INTEGER) return cell;
    // 1582589378000.0 (a float column) is still a whole number of milliseconds.
    if (kind === DECIMAL && /^-?\d+\.0+$/.test(cell)) return cell.slice(0, cell.indexOf('.'));
    return bad('epoch milliseconds (an integer)');
  }
  if (format === 'epoch_s') {
    // Whole seconds (the usual cell): the digits and three zeros; 0 stays 0.
    if (numberKind(cell) === INTEGER) return cell === '0' || cell === '-0' ? cell : `${cell}000`;
    const m = /^(-?\d+)(?:\.(\d{1,3})0*)?$/.exec(cell);
    if (m === null || numberKind(m[1]) !== INTEGER)
      return bad('epoch seconds (an integer, or with at most 3 decimals)');
    const ms = `${m[1]}${(m[2] ?? '').padEnd(3, '0')}`;
    // "0" seconds stays "0"; otherwise no leading zeros (e.g. -0.5 s would be "-0500").
    return ms.replace(/^(-?)0+(?=\d)/, '$1');
  }
  const m = ISO.exec(cell);
  if (m === null) return bad('an ISO 8601 date or date-time');
  const [, y, mo, d, h = '00', mi = '00', sec = '00', f = '', z] = m;
  if (!isRealDate(`${y}-${mo}-${d}`) || h > '23' || mi > '59' || sec > '59')
    return bad('a real ISO 8601 date');
  const zone = z === undefined ? 'Z' : z.length === 5 ? `${z.slice(0, 3)}:${z.slice(3)}` : z;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec}.${f.padEnd(3, '0').slice(0, 3)}${zone}`);
  if (!Number.isFinite(ms)) return bad('a real ISO 8601 date');
  return String(ms);
}

/** A JSON-array cell → a JSON array (the core checks that its items are strings). */
export function jsonListCell(cell: string, column: string, uniqueList = false): string | undefined {
  let v: unknown;
  try {
    v = JSON.parse(cell);
  } catch {
    v = undefined;
  }
  if (!Array.isArray(v))
    return fail('invalid-list', `column "${column}": ${excerpt(cell)} is not a JSON array.`);
  if (!certifyList(v, uniqueList)) certainty.clean = false;
  return JSON.stringify(v);
}

/** A delimited cell (`a|b|c`) → a JSON array of the trimmed, non-empty values, written to `out`. */
export function delimitedListCell(
  cell: string,
  delimiter: string,
  uniqueList: boolean,
  out: Utf8Out,
): void {
  const parts = cell.split(delimiter);
  out.byte(91); // [
  let n = 0;
  for (let i = 0; i < parts.length; i++) {
    const t = parts[i].trim();
    if (t === '') continue;
    if (n > 0) out.byte(44); // ,
    out.json(t);
    parts[n++] = t;
  }
  out.byte(93); // ]
  parts.length = n;
  if (!certifyList(parts, uniqueList)) certainty.clean = false;
}

/** A JSON-object cell → `key_value_pairs` (value → count; the core checks the counts). */
export function jsonObjectCell(cell: string, column: string): string | undefined {
  let v: unknown;
  try {
    v = JSON.parse(cell);
  } catch {
    v = undefined;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    return fail(
      'invalid-key-value-pairs',
      `column "${column}": ${excerpt(cell)} is not a JSON object of value → count.`,
    );
  if (!certifyPairs(v as Record<string, unknown>)) certainty.clean = false;
  return JSON.stringify(v);
}

function excerpt(cell: string): string {
  return JSON.stringify(cell.length > 60 ? `${cell.slice(0, 57)}…` : cell);
}
