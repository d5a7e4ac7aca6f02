/**
 * Formatting that changes only whitespace: every number keeps its source text (an mpid is never a
 * JavaScript number), every string and key is copied exactly as written (escapes included), and key
 * order is kept. A document with syntax errors is never rewritten.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { JsonNode } from '../ast';
import type { Code } from '../codes';
import type { SeedDiagnostic } from '../diagnostics';
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
  return finalNewline ? body + eol : body;
}

/** The formatted text, or undefined when the text has syntax errors. */
export function formatText(text: string, options: FormatOptions): string | undefined {
  const { root, diagnostics } = parse(text);
  return render(text, root, diagnostics, options);
}

/**
 * Edits that format the document: one edit covering the changed lines, or none when the document
 * is already formatted or has syntax errors.
 */
export function format(model: SeedModel, options: FormatOptions): TextEdit[] {
  const text = model.text;
  const formatted = render(text, model.root, model.diagnostics, options);
  if (formatted === undefined || formatted === text) return [];
  // Trim the common prefix and suffix down to whole lines, then replace what lies between.
  let start = 0;
  const max = Math.min(text.length, formatted.length);
  while (start < max && text.charCodeAt(start) === formatted.charCodeAt(start)) start++;
  start = text.lastIndexOf('\n', start - 1) + 1;
  let end = 0;
  while (
    end < max - start &&
    text.charCodeAt(text.length - 1 - end) === formatted.charCodeAt(formatted.length - 1 - end)
  )
    end++;
  const nl = text.indexOf('\n', Math.max(0, text.length - end - 1));
  end = nl < 0 ? 0 : text.length - (nl + 1);
  return [
    {
      range: model.lines.rangeOf(start, text.length - end - start),
      newText: formatted.slice(start, formatted.length - end),
    },
  ];
}
