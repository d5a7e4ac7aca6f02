/**
 * One batch of produced users, validated by the core and made ready to write: the verdict (rejects
 * by index, warnings by code) and the accepted users' text — one per line for NDJSON, separated by
 * `,\n` in a bulk file. Which users the core validates: all of them, or only those the fast path
 * did not certify (`doubt`, core/import/certify.ts: the others would get no diagnostic at all).
 * Runs in a validation thread (cli/importWorker.ts) or inline.
 */
import type { Definitions } from '../core/definitions/model';
import type { BatchVerdict } from '../core/import/validateBatch';
import { batchText, validateBatch } from '../core/import/validateBatch';

export interface BatchResult {
  verdict: BatchVerdict;
  body: string;
  accepted: number;
}

/**
 * `doubt`: the indices (ascending) of the users to validate; undefined validates every user. The
 * users validated are one bulk text, as `caseed validate` reads a file.
 */
export function processBatch(
  users: string[],
  ndjson: boolean,
  today: string,
  definitions?: Definitions,
  doubt?: readonly number[],
): BatchResult {
  const n = users.length;
  if (n === 0) return { verdict: { rejects: [], warnings: {} }, body: '', accepted: 0 };
  if (doubt === undefined) {
    const text = batchText(users);
    const verdict = validateBatch(text, today, definitions);
    if (verdict.rejects.length === 0) {
      // "[\nU1,\nU2\n]": a user's text never holds a raw line break (strings are JSON-escaped), so
      // ",\n" only separates users.
      const inner = text.slice(2, text.length - 2);
      return {
        verdict,
        body: ndjson ? `${inner.replaceAll(',\n', '\n')}\n` : inner,
        accepted: n,
      };
    }
    return {
      verdict,
      body: keptText(users, verdict, ndjson),
      accepted: n - verdict.rejects.length,
    };
  }
  let verdict: BatchVerdict = { rejects: [], warnings: {} };
  if (doubt.length > 0) {
    const v = validateBatch(batchText(doubt.map((i) => users[i])), today, definitions);
    verdict = { warnings: v.warnings, rejects: v.rejects.map(([i, c, m]) => [doubt[i], c, m]) };
  }
  return { verdict, body: keptText(users, verdict, ndjson), accepted: n - verdict.rejects.length };
}

function keptText(users: string[], verdict: BatchVerdict, ndjson: boolean): string {
  let kept = users;
  if (verdict.rejects.length > 0) {
    const bad = new Set(verdict.rejects.map((r) => r[0]));
    kept = users.filter((_, i) => !bad.has(i));
  }
  return kept.length === 0 ? '' : ndjson ? `${kept.join('\n')}\n` : kept.join(',\n');
}
