/**
 * The open documents, kept so that a keystroke in a 200 MB file costs about as much as one in a
 * 2 MB file. `vscode-languageserver-textdocument` rebuilds the whole string and shifts every line
 * offset on each change (about a second per keystroke at 100,000 users); a `SeedDocument` keeps its
 * text in chunks of about 64K characters with per-chunk line starts, so an edit touches one chunk
 * plus a pass over the chunk table. Positions follow the LSP rules of `TextDocument` (line breaks
 * are \n, \r\n and \r; a position past the end of a line clamps to before its line break).
 *
 * Each document also carries its incremental validation (`SeedStore`): every change is offered to
 * the store as it arrives; a change the store cannot take incrementally marks it stale, and the next
 * model request runs one full pass (so a burst of structural edits costs one pass, not one each).
 */
import type {
  TextDocumentContentChangeEvent,
  TextDocumentsConfiguration,
} from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { Definitions } from '../core/definitions/model';
import type { SeedStore } from '../core/incremental/store';
import { lastAtOrBelow, lowerBound } from '../core/sorted';

const CHUNK = 64 * 1024;
const CR = 13;
const LF = 10;

function isEOL(c: number): boolean {
  return c === CR || c === LF;
}

/** Line starts inside `chunk` (relative, in (0, length]); `next` is the next chunk's first char. */
function lineStartsOf(chunk: string, next: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk.charCodeAt(i);
    if (c === LF) out.push(i + 1);
    else if (c === CR) {
      const after = i + 1 < chunk.length ? chunk.charCodeAt(i + 1) : next;
      if (after !== LF) out.push(i + 1);
    }
  }
  return Int32Array.from(out);
}

/** Splits a text into chunks of about CHUNK characters, cut after a line feed where possible. */
function split(text: string, chunk: number): string[] {
  if (text.length <= chunk * 2) return [text];
  const out: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + chunk);
    if (end < text.length) {
      const nl = text.indexOf('\n', end);
      end = nl < 0 || nl - at > chunk * 2 ? end : nl + 1;
    }
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

/** The seed-validation state a document carries (see `ModelCache`). */
export interface DocumentValidation {
  store: SeedStore;
  definitions: Definitions | undefined;
  today: string;
  /** A change could not be applied incrementally: the next model request runs a full pass. */
  stale: boolean;
}

export class SeedDocument implements TextDocument {
  private chunks: string[];
  private lines: Int32Array[] = [];
  private starts: number[] = [];
  private lineBase: number[] = [];
  private flat: string | undefined;
  private total = 0;
  private totalLines = 0;
  validation: DocumentValidation | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
    /** Characters per chunk (small values in tests exercise the chunk table). */
    private readonly chunkSize = CHUNK,
  ) {
    this.chunks = split(content, chunkSize);
    this.flat = content;
    this.rebuild(0, true);
  }

  get length(): number {
    return this.total;
  }

  get lineCount(): number {
    return this.totalLines + 1;
  }

  /** Recomputes line starts of chunks from `from - 1` on (all when `all`) and the chunk table. */
  private rebuild(from: number, all = false): void {
    const chunks = this.chunks;
    const n = chunks.length;
    if (all) this.lines = new Array<Int32Array>(n);
    for (let c = all ? 0 : Math.max(0, from - 1); c < n && (all || c <= from); c++)
      this.lines[c] = lineStartsOf(chunks[c], c + 1 < n ? chunks[c + 1].charCodeAt(0) : NaN);
    this.starts = new Array<number>(n);
    this.lineBase = new Array<number>(n);
    let offset = 0;
    let lines = 0;
    for (let c = 0; c < n; c++) {
      this.starts[c] = offset;
      this.lineBase[c] = lines;
      offset += chunks[c].length;
      lines += this.lines[c].length;
    }
    this.total = offset;
    this.totalLines = lines;
  }

  /** The chunk holding `offset` (the last chunk for the end of the text). */
  private chunkAt(offset: number): number {
    return lastAtOrBelow(this.starts, offset);
  }

  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.total) return NaN;
    const c = this.chunkAt(offset);
    return this.chunks[c].charCodeAt(offset - this.starts[c]);
  }

  /** The text between two offsets, without building the whole text. */
  slice(start: number, end: number): string {
    start = Math.max(0, Math.min(start, this.total));
    end = Math.max(start, Math.min(end, this.total));
    if (this.flat !== undefined) return this.flat.slice(start, end);
    const a = this.chunkAt(start);
    const b = this.chunkAt(end);
    if (a === b) return this.chunks[a].slice(start - this.starts[a], end - this.starts[a]);
    let out = this.chunks[a].slice(start - this.starts[a]);
    for (let c = a + 1; c < b; c++) out += this.chunks[c];
    return out + this.chunks[b].slice(0, end - this.starts[b]);
  }

  getText(range?: Range): string {
    if (range !== undefined)
      return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    if (this.flat === undefined) this.flat = this.chunks.join('');
    return this.flat;
  }

  /** The text as pieces in order (its chunks), for a reader that takes a stream. */
  pieces(): readonly string[] {
    return this.chunks;
  }

  /** Drops the whole text built by `getText()` (a big document keeps only its chunks). */
  releaseText(): void {
    if (this.chunks.length > 1) this.flat = undefined;
  }

  /** Absolute offset of the start of line `line` (1 ≤ line ≤ totalLines). */
  private lineStart(line: number): number {
    if (line <= 0) return 0;
    const base = this.lineBase;
    // The last chunk whose first line is before `line` (line numbers are integers).
    const c = lastAtOrBelow(base, line - 1);
    return this.starts[c] + this.lines[c][line - base[c] - 1];
  }

  private ensureBeforeEOL(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEOL(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.total), 0);
    const c = this.chunkAt(offset);
    const chunkStart = this.starts[c];
    const rel = offset - chunkStart;
    const ls = this.lines[c];
    // The number of line starts in this chunk at or before `rel` (offsets are integers).
    const lo = lowerBound(ls, rel + 1);
    const line = this.lineBase[c] + lo;
    // The line starts in this chunk (read it there), or in an earlier one.
    const lineOffset = lo > 0 ? chunkStart + ls[lo - 1] : this.lineStart(line);
    // Inside a line the character before is a line break only between \r and \n.
    const before = rel > 0 ? this.chunks[c].charCodeAt(rel - 1) : this.charCodeAt(offset - 1);
    if (offset > lineOffset && isEOL(before)) offset = this.ensureBeforeEOL(offset, lineOffset);
    return { line, character: offset - lineOffset };
  }

  offsetAt(position: Position): number {
    if (position.line > this.totalLines) return this.total;
    if (position.line < 0) return 0;
    const lineOffset = this.lineStart(position.line);
    if (position.character <= 0) return lineOffset;
    const next =
      position.line + 1 <= this.totalLines ? this.lineStart(position.line + 1) : this.total;
    const offset = Math.min(lineOffset + position.character, next);
    return this.ensureBeforeEOL(offset, lineOffset);
  }

  /** Replaces `removed` characters at `offset`; the text itself is never rebuilt whole. */
  private replace(offset: number, removed: number, inserted: string): void {
    const end = offset + removed;
    const a = this.chunkAt(offset);
    const b = this.chunkAt(end);
    const merged =
      this.chunks[a].slice(0, offset - this.starts[a]) +
      inserted +
      this.chunks[b].slice(end - this.starts[b]);
    const pieces = merged.length > this.chunkSize * 4 ? split(merged, this.chunkSize) : [merged];
    if (merged.length === 0 && this.chunks.length > 1) pieces.length = 0;
    this.chunks.splice(a, b - a + 1, ...pieces);
    this.lines.splice(a, b - a + 1, ...pieces.map(() => new Int32Array(0)));
    if (this.chunks.length === 0) {
      this.chunks.push('');
      this.lines.push(new Int32Array(0));
    }
    for (let c = a; c < a + Math.max(1, pieces.length) && c < this.chunks.length; c++)
      this.lines[c] = lineStartsOf(
        this.chunks[c],
        c + 1 < this.chunks.length ? this.chunks[c + 1].charCodeAt(0) : NaN,
      );
    this.rebuild(a);
  }

  /** Applies LSP content changes in order, offering each to the incremental validation. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) {
        let { start, end } = change.range;
        if (start.line > end.line || (start.line === end.line && start.character > end.character))
          [start, end] = [end, start];
        const from = this.offsetAt(start);
        const to = this.offsetAt(end);
        this.flat = undefined;
        this.replace(from, to - from, change.text);
        const v = this.validation;
        if (v !== undefined && !v.stale)
          v.stale = !v.store.tryEdit(this, from, to - from, change.text);
      } else {
        this.chunks = split(change.text, this.chunkSize);
        this.flat = change.text;
        this.rebuild(0, true);
        if (this.validation !== undefined) this.validation.stale = true;
      }
    }
    this.version = version;
  }
}

/** What `TextDocuments` needs to keep `SeedDocument`s. */
export const SEED_DOCUMENTS: TextDocumentsConfiguration<SeedDocument> = {
  create: (uri, languageId, version, content) =>
    new SeedDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};

/** The length of a document's text, without building the text of a `SeedDocument`. */
export function documentLength(document: TextDocument): number {
  return document instanceof SeedDocument ? document.length : document.getText().length;
}
