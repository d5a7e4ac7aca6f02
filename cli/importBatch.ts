/**
 * One batch of produced users, validated by the core and made ready to write: the verdict (rejects
 * by index, warnings by code) and the accepted users as UTF-8 bytes — one per line for NDJSON,
 * separated by `,\n` in a bulk file — cut from the very text the core validated. Runs in a
 * validation thread (cli/importWorker.ts), whose bytes come back without a copy, or inline.
 */
import type { Definitions } from '../core/definitions/model';
import type { BatchVerdict } from '../core/import/validateBatch';
import { batchText, validateBatch } from '../core/import/validateBatch';

export interface BatchResult {
  verdict: BatchVerdict;
  body: Uint8Array;
  accepted: number;
}

const encoder = new TextEncoder();

export function processBatch(
  users: string[],
  ndjson: boolean,
  today: string,
  definitions?: Definitions,
): BatchResult {
  const n = users.length;
  if (n === 0)
    return { verdict: { rejects: [], warnings: {} }, body: new Uint8Array(0), accepted: 0 };
  const text = batchText(users);
  const verdict = validateBatch(text, today, definitions);
  let out: string;
  if (verdict.rejects.length === 0) {
    // "[\nU1,\nU2\n]": a user's text never holds a raw line break (strings are JSON-escaped), so
    // ",\n" only separates users.
    const inner = text.slice(2, text.length - 2);
    out = ndjson ? `${inner.replaceAll(',\n', '\n')}\n` : inner;
  } else {
    const bad = new Set(verdict.rejects.map((r) => r[0]));
    const kept = users.filter((_, i) => !bad.has(i));
    out = kept.length === 0 ? '' : ndjson ? `${kept.join('\n')}\n` : kept.join(',\n');
  }
  return { verdict, body: encoder.encode(out), accepted: n - verdict.rejects.length };
}
