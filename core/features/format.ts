/**
 * Formatting that changes only whitespace: every number keeps its source text (an mpid is never a
 * JavaScript number), every string and key is copied exactly as written (escapes included), and key
 * order is kept. A document with syntax errors is never rewritten.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { JsonNode } from '../ast';
import type { Code } from '../codes';
import type { Edit, SeedDiagnostic } from '../diagnostics';
import { bomLength } from '../bom';
import { LF } from '../chars';
import type { SeedModel } from '../document';
import { parse } from '../parser';

export interface FormatOptions {
  /** Spaces per indentation level (when `insertSpaces`). */
  tabSize: number;
  insertSpaces: boolean;
  /** End with a newline even when the source does not. */
  insertFinalNewline?: boolean;
}

/** Diagnostics that mean the text is not plain JSON: formatting would be a guess. */
const SYNTAX_CODES: ReadonlySet<Code> = new Set<Code>([
  'syntax-error',
  'trailing-comma',
  'missing-comma',
  'unclosed',
  'comment',
  'invalid-number',
  'invalid-string',
  'empty-file',
]);

function hasSyntaxErrors(diagnostics: readonly SeedDiagnostic[]): boolean {
  return diagnostics.some((d) => SYNTAX_CODES.has(d.code));
}

function print(text: string, root: JsonNode, unit: string, eol: string): string {
  const out: string[] = [];
  const indents = [''];
  const indent = (level: number): string => {
    while (indents.length <= level) indents.push(indents[indents.length - 1] + unit);
    return indents[level];
  };
  const visit = (node: JsonNode, level: number): void => {
    switch (node.type) {
      case 'object': {
        const props = node.properties;
        if (props.length === 0) {
          out.push('{}');
          return;
        }
        out.push('{');
        for (let i = 0; i < props.length; i++) {
          const p = props[i];
          if (p.value === undefined) throw new Error('property without a value');
          out.push(eol, indent(level + 1), text.slice(p.key.offset, p.key.offset + p.key.length));
          out.push(': ');
          visit(p.value, level + 1);
          if (i + 1 < props.length) out.push(',');
        }
        out.push(eol, indent(level), '}');
        return;
      }
      case 'array': {
        const items = node.items;
        if (items.length === 0) {
          out.push('[]');
          return;
        }
        out.push('[');
        for (let i = 0; i < items.length; i++) {
          out.push(eol, indent(level + 1));
          visit(items[i], level + 1);
          if (i + 1 < items.length) out.push(',');
        }
        out.push(eol, indent(level), ']');
        return;
      }
      case 'number':
        out.push(node.raw);
        return;
      default:
        // Strings, booleans and null: the source text itself, escapes and all.
        out.push(text.slice(node.offset, node.offset + node.length));
    }
  };
  visit(root, 0);
  return out.join('');
}

function render(
  text: string,
  root: JsonNode | undefined,
  diagnostics: readonly SeedDiagnostic[],
  options: FormatOptions,
): string | undefined {
  if (root === undefined || hasSyntaxErrors(diagnostics)) return undefined;
  const unit = options.insertSpaces ? ' '.repeat(Math.max(0, options.tabSize)) : '\t';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let body: string;
  try {
    body = print(text, root, unit, eol);
  } catch {
    return undefined;
  }
  const finalNewline = options.insertFinalNewline === true || /\n$/.test(text);
  // A byte order mark stays (see core/bom.ts); whitespace before the root goes.
  return text.slice(0, bomLength(text)) + body + (finalNewline ? eol : '');
}

/** The formatted text, or undefined when the text has syntax errors. */
export function formatText(text: string, options: FormatOptions): string | undefined {
  const { root, diagnostics } = parse(text);
  return render(text, root, diagnostics, options);
}

/**
 * The one edit turning `before` into `after`, trimmed to whole lines: the common prefix is cut back
 * to the start of its line and the common suffix forward to just after a line feed, so the edit
 * covers only the lines that change. Undefined when the two are equal.
 */
export function changedLines(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Back to the start of the line. (With nothing in common there is nothing to cut back:
  // `lastIndexOf('\n', -1)` would search from 0 and match a line feed the text starts with.)
  if (prefix > 0) prefix = before.lastIndexOf('\n', prefix - 1) + 1;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  // Forward to just after a line feed (the suffix is common, so its line feeds are in both).
  const suffixStart = before.length - suffix;
  if (suffixStart > 0 && before.charCodeAt(suffixStart - 1) !== LF) {
    const nl = before.indexOf('\n', suffixStart);
    suffix = nl < 0 ? 0 : before.length - (nl + 1);
  }
  return {
    offset: prefix,
    length: before.length - suffix - prefix,
    newText: after.slice(prefix, after.length - suffix),
  };
}

/**
 * Edits that format the document: one edit covering the changed lines, or none when the document
 * is already formatted or has syntax errors.
 */
export function format(model: SeedModel, options: FormatOptions): TextEdit[] {
  const formatted = render(model.text, model.root, model.diagnostics, options);
  const edit = formatted === undefined ? undefined : changedLines(model.text, formatted);
  if (edit === undefined) return [];
  return [{ range: model.lines.rangeOf(edit.offset, edit.length), newText: edit.newText }];
}
