/**
 * Range formatting (Format Selection), user by user: each user of a bulk array that the range
 * touches is formatted on its own (as Format Document would print it, one level deep), so a
 * 200 MB file formats the users asked for without printing the document. A user with syntax
 * errors is left alone. A file that is not a bulk array is formatted whole.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { LineIndex } from '../positions';
import type { FormatOptions } from './format';
import { changedLines, formatText } from './format';

export interface UserSpans {
  /** The users whose span overlaps [from, to], as { offset, length }, in order. */
  usersIn(from: number, to: number): Array<{ offset: number; length: number }>;
  slice(start: number, end: number): string;
}

/** The formatted text of one user of a bulk array (its first line starts at the user's `{`). */
export function formatUserText(userText: string, options: FormatOptions): string | undefined {
  const formatted = formatText(userText, { ...options, insertFinalNewline: false });
  if (formatted === undefined) return undefined;
  const unit = options.insertSpaces ? ' '.repeat(Math.max(0, options.tabSize)) : '\t';
  const eol = userText.includes('\r\n') ? '\r\n' : '\n';
  return formatted
    .replace(/\s+$/, '')
    .split(eol)
    .join(eol + unit);
}

/** Edits formatting the users that [from, to] touches (offsets of the document). */
export function formatUsersIn(
  users: UserSpans,
  lines: LineIndex,
  from: number,
  to: number,
  options: FormatOptions,
): TextEdit[] {
  const out: TextEdit[] = [];
  for (const span of users.usersIn(from, to)) {
    const before = users.slice(span.offset, span.offset + span.length);
    const after = formatUserText(before, options);
    if (after === undefined) continue;
    const edit = changedLines(before, after);
    if (edit === undefined) continue;
    out.push({
      range: lines.rangeOf(span.offset + edit.offset, edit.length),
      newText: edit.newText,
    });
  }
  return out;
}
