/**
 * The accepted users of a validated batch, as text to write: one per line for NDJSON, separated by
 * `,\n` in a bulk file. Cut from the batch's text (`[\nU1,\nU2\n]`, the text the core validated),
 * so nothing is built twice.
 */
import type { BatchVerdict } from '../core/import/validateBatch';

export function acceptedText(
  text: string,
  lens: readonly number[],
  verdict: BatchVerdict,
  ndjson: boolean,
): { text: string; accepted: number } {
  const n = lens.length;
  if (n === 0) return { text: '', accepted: 0 };
  if (verdict.rejects.length === 0) {
    // A user's text never holds a raw line break (strings are JSON-escaped): ",\n" only separates.
    const inner = text.slice(2, text.length - 2);
    return { text: ndjson ? `${inner.replaceAll(',\n', '\n')}\n` : inner, accepted: n };
  }
  const bad = new Set(verdict.rejects.map((r) => r[0]));
  const kept: string[] = [];
  let at = 2;
  for (let i = 0; i < n; i++) {
    if (!bad.has(i)) kept.push(text.slice(at, at + lens[i]));
    at += lens[i] + 2;
  }
  if (kept.length === 0) return { text: '', accepted: 0 };
  return { text: ndjson ? `${kept.join('\n')}\n` : kept.join(',\n'), accepted: kept.length };
}
