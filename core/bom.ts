/**
 * The one decision about a byte order mark, shared by the language server, the CLI and the
 * formatter: a U+FEFF at the very start of the text is an encoding signature, not content.
 *
 * - The parser skips it and reports nothing; offsets still count it, so positions stay right for
 *   an editor whose document text holds it (LSP positions count it as one UTF-16 unit).
 * - The CLI drops it when it decodes a file (`withoutBom`), as VS Code does when it opens one (the
 *   editor shows "UTF-8 with BOM" and keeps the mark out of the document text): the CLI's lines and
 *   columns are the ones the editor shows.
 * - The formatter keeps it: formatting changes whitespace only.
 *
 * Anywhere else U+FEFF is an ordinary character (a syntax error between tokens, kept in strings).
 */
const BOM = 0xfeff;

/** 1 when the text starts with a byte order mark, else 0. */
export function bomLength(text: string): 0 | 1 {
  return text.charCodeAt(0) === BOM ? 1 : 0;
}

/** The text without its leading byte order mark. */
export function withoutBom(text: string): string {
  return bomLength(text) === 0 ? text : text.slice(1);
}
