/**
 * Duplicate keys in one object: JSON.parse keeps the last, so every earlier one is reported with a
 * fix that deletes it, separator and line included.
 */
import type { PropertyNode } from './ast';
import type { Edit, SeedDiagnostic } from './diagnostics';
import { quoted } from './excerpt';

/** Reports every earlier occurrence of a repeated key, with a fix that deletes that property. */
export function checkDuplicateKeys(
  properties: PropertyNode[],
  out: SeedDiagnostic[],
  text: string,
): void {
  const n = properties.length;
  if (n < 2) return;
  if (n <= 12) {
    for (let i = 0; i < n - 1; i++) {
      const k = properties[i].key.value;
      for (let j = i + 1; j < n; j++) {
        if (properties[j].key.value === k) {
          out.push(duplicateKey(properties, i, text));
          break;
        }
      }
    }
    return;
  }
  const last = new Map<string, number>();
  for (let i = 0; i < n; i++) last.set(properties[i].key.value, i);
  for (let i = 0; i < n; i++) {
    if (last.get(properties[i].key.value) !== i) out.push(duplicateKey(properties, i, text));
  }
}

function duplicateKey(properties: PropertyNode[], i: number, text: string): SeedDiagnostic {
  const p = properties[i];
  return {
    code: 'duplicate-key',
    severity: 'error',
    message: `${quoted(p.key.value)} appears again later in this object; only the last one is kept. Remove one.`,
    offset: p.key.offset,
    length: p.key.length,
    fixes: [
      {
        title: `Remove this ${quoted(p.key.value)}`,
        edits: [removePropertyEdit(properties, i, text)],
        preferred: true,
      },
    ],
  };
}

/** An edit that deletes property `i` of an object together with its separating comma. */
export function removePropertyEdit(
  properties: readonly PropertyNode[],
  i: number,
  text: string,
): Edit {
  const p = properties[i];
  if (i + 1 < properties.length) {
    // Delete from this property's line start (if it starts its line) up to the next property.
    let from = p.offset;
    let k = from;
    while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
    const next = properties[i + 1].offset;
    let to = next;
    let m = next;
    while (m > 0 && (text[m - 1] === ' ' || text[m - 1] === '\t')) m--;
    if ((k === 0 || text[k - 1] === '\n') && text[m - 1] === '\n') {
      from = k;
      to = m;
    }
    return { offset: from, length: to - from, newText: '' };
  }
  if (i > 0) {
    const prev = properties[i - 1];
    const from = prev.offset + prev.length;
    return { offset: from, length: p.offset + p.length - from, newText: '' };
  }
  return { offset: p.offset, length: p.length, newText: '' };
}
