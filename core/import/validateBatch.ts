/**
 * Validating produced users with the same core as `caseed validate`: a batch of user texts is
 * validated as one bulk array (`validate` on its text, users dropped as they are checked), and each
 * diagnostic is given to the user it is about. A user with an error is a reject, with the first
 * error's code and message; warnings are counted by code.
 */
import type { Definitions } from '../definitions/model';
import { validate } from '../validate';

export interface BatchVerdict {
  /** Per rejected user: its index in the batch, the code and the message of its first error. */
  rejects: Array<[index: number, code: string, message: string]>;
  /** Warnings (and information) by code. */
  warnings: Record<string, number>;
}

/** The text of a batch: the users as a bulk array, one per line. */
export function batchText(users: string[]): string {
  // One join (a flat string: the parser reads it without copying it again).
  const n = users.length;
  if (n === 0) return '[]';
  const first = users[0];
  const last = users[n - 1];
  users[0] = `[\n${first}`;
  users[n - 1] = `${n === 1 ? users[0] : last}\n]`;
  const text = users.join(',\n');
  users[0] = first;
  users[n - 1] = last;
  return text;
}

export function validateBatch(
  text: string,
  today: string,
  definitions?: Definitions,
): BatchVerdict {
  const verdict: BatchVerdict = { rejects: [], warnings: {} };
  let pendingCode = '';
  let pendingMessage = '';
  validate(text, {
    keepTree: false,
    today,
    definitions,
    onDiagnostic: (d) => {
      if (d.severity === 'error') {
        if (pendingCode === '') {
          pendingCode = d.code;
          pendingMessage = d.message;
        }
      } else verdict.warnings[d.code] = (verdict.warnings[d.code] ?? 0) + 1;
    },
    // A user's diagnostics are handed over before the user itself.
    onUser: (_user, index) => {
      if (pendingCode !== '') verdict.rejects.push([index, pendingCode, pendingMessage]);
      pendingCode = '';
    },
  });
  return verdict;
}
