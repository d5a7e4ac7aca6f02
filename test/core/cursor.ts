/**
 * Test helper: a document with one `|` cursor marker → the text without it and the cursor's LSP
 * position (0-based line, UTF-16 character) and offset.
 */
import type { Position } from 'vscode-languageserver-types';
import type { Edit } from '../../core/diagnostics';
import { applyEdits } from '../../core/diagnostics';
import { LineIndex } from '../../core/positions';

export interface Cursor {
  text: string;
  position: Position;
  offset: number;
}

export function cursor(marked: string, marker = '|'): Cursor {
  const offset = marked.indexOf(marker);
  if (offset < 0) throw new Error(`no ${marker} cursor marker in the document`);
  if (marked.indexOf(marker, offset + 1) >= 0) throw new Error(`more than one ${marker} marker`);
  const text = marked.slice(0, offset) + marked.slice(offset + marker.length);
  return { text, position: new LineIndex(text).positionAt(offset), offset };
}

/** LSP text edits (line/character ranges) applied to a text, as an editor would. */
export function applyTextEdits(
  text: string,
  edits: ReadonlyArray<{
    range: { start: Position; end: Position };
    newText: string;
  }>,
): string {
  const lines = new LineIndex(text);
  const offsetEdits: Edit[] = edits.map((e) => {
    const start = lines.offsetAt(e.range.start);
    return { offset: start, length: lines.offsetAt(e.range.end) - start, newText: e.newText };
  });
  return applyEdits(text, offsetEdits);
}

/**
 * A snippet as the text an editor would insert when the user accepts every default: `${1:x}` → x,
 * `${1|a,b|}` → a, `$1`/`${1}`/`$0` → nothing, `\$` → `$`.
 */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}
