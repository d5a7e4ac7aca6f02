/**
 * The streaming splitter of a send: text pushed in chunks of any size comes out as complete users,
 * each with its own text and where it starts in the file, so a seed file of any size is sent in
 * constant memory (only the user being read is held). Two formats:
 * - `json`: one user object, or an array of them (the `.caseed.json` bulk file);
 * - `ndjson`: one user per line (`.caseed.ndjson`), blank lines skipped.
 * It checks only the structure between users (commas, brackets); each user's own text is checked
 * by `validate` like any seed. Pure: the caller reads the file.
 */

export interface SplitUser {
  /** The user's own text (one JSON value). */
  text: string;
  /** 0-based position of the user in the file. */
  index: number;
  /** UTF-16 offset of the user's first character in the file (after a byte order mark). */
  offset: number;
  /** 0-based line and character where the user starts. */
  line: number;
  character: number;
}

export interface SplitProblem {
  message: string;
  line: number;
  character: number;
}

export type SplitFormat = 'json' | 'ndjson';

const WS = new Set([' ', '\t', '\n', '\r']);
/** The characters that matter inside an object or array: quotes, backslashes, brackets, newlines. */
const VALUE_CHARS = /["\\{}[\]\n]/g;

/** Splits pushed text into users; `problem` is set (and nothing more is emitted) on a structure error. */
export class UserSplitter {
  /** `single` for a file holding one object, `bulk` for an array or NDJSON; undefined until known. */
  shape: 'single' | 'bulk' | undefined;
  problem: SplitProblem | undefined;
  private users = 0;
  private offset = 0;
  private line = 0;
  private lineStart = 0;
  /** json: before the root, in the array expecting a value or a separator, or after the root. */
  private state: 'start' | 'value' | 'separator' | 'done' = 'start';
  /** The user being read: its text so far, nesting depth and string state. */
  private pending: string[] = [];
  private capturing = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;
  private start = { offset: 0, line: 0, character: 0 };
  /** ndjson: the current line's text so far. */
  private lineText: string[] = [];

  constructor(
    private readonly format: SplitFormat,
    private readonly onUser: (user: SplitUser) => void,
  ) {
    if (format === 'ndjson') this.shape = 'bulk';
  }

  get count(): number {
    return this.users;
  }

  push(chunk: string): void {
    if (this.problem !== undefined) return;
    if (this.format === 'ndjson') this.pushLines(chunk);
    else this.pushJson(chunk);
  }

  /** The end of the text: a user cut short or an unclosed array is a problem. */
  end(): void {
    if (this.problem !== undefined) return;
    if (this.format === 'ndjson') {
      this.endLine();
      return;
    }
    if (this.capturing && this.scalar && !this.inString) this.finishValue();
    if (this.capturing) {
      this.fail('the file ends inside a user (a bracket or quote is not closed)', this.start);
      return;
    }
    if (this.state === 'start')
      this.fail('the file is empty: a seed file holds one user object or an array of them');
    else if (this.state !== 'done') this.fail('the array is not closed: add "]" at the end');
  }

  private here(): { line: number; character: number } {
    return { line: this.line, character: this.offset - this.lineStart };
  }

  private fail(message: string, at: { line: number; character: number } = this.here()): void {
    this.problem ??= { message, line: at.line, character: at.character };
  }

  private emit(text: string): void {
    this.capturing = false;
    this.pending = [];
    this.onUser({
      text,
      index: this.users++,
      offset: this.start.offset,
      line: this.start.line,
      character: this.start.character,
    });
  }

  private pushLines(chunk: string): void {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', from);
      if (nl < 0) {
        if (from < chunk.length) this.lineText.push(chunk.slice(from));
        this.offset += chunk.length - from;
        return;
      }
      this.lineText.push(chunk.slice(from, nl));
      this.offset += nl - from;
      this.endLine();
      this.offset += 1;
      this.line++;
      this.lineStart = this.offset;
      from = nl + 1;
    }
  }

  private endLine(): void {
    const raw = this.lineText.join('');
    this.lineText = [];
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lead = text.length - text.trimStart().length;
    const body = text.trim();
    if (body === '') return;
    this.start = { offset: this.lineStart + lead, line: this.line, character: lead };
    this.emit(body);
  }

  private pushJson(chunk: string): void {
    let from = 0; // where the pending capture resumes in this chunk
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk[i];
      if (this.capturing && !this.scalar) {
        const end = this.scanValue(chunk, i);
        if (end < 0) {
          i = n;
          break;
        }
        this.pending.push(chunk.slice(from, end));
        this.finishValue();
        i = end - 1;
        continue;
      }
      if (this.capturing) {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === '\\') this.escaped = true;
          else if (c === '"') this.inString = false;
        } else if (c === ',' || c === ']' || c === '}' || WS.has(c)) {
          this.pending.push(chunk.slice(from, i));
          this.finishValue();
          i--; // the terminator is read again outside the value
          continue;
        }
        if (c === '\n') this.newline(i);
        continue;
      }
      if (c === '\n') {
        this.newline(i);
        continue;
      }
      if (WS.has(c)) continue;
      this.syncOffset(i);
      switch (this.state) {
        case 'start':
          if (c === '[') {
            this.shape = 'bulk';
            this.state = 'value';
          } else {
            this.shape = 'single';
            from = this.begin(c, i);
          }
          break;
        case 'value':
          if (c === ']') {
            if (this.users > 0) this.fail('a comma before "]": remove it');
            else this.state = 'done';
          } else if (c === ',') this.fail('a comma where a user should be: remove it');
          else from = this.begin(c, i);
          break;
        case 'separator':
          if (c === ',') this.state = 'value';
          else if (c === ']') this.state = 'done';
          else this.fail('a comma is missing between two users');
          break;
        case 'done':
          this.fail('text after the end of the file’s value: remove it');
          break;
      }
      if (this.problem !== undefined) return;
    }
    if (this.capturing) this.pending.push(chunk.slice(from));
    this.chunkBase += n;
    this.offset = this.chunkBase;
  }

  /** json: the file offset of the current chunk's first character. */
  private chunkBase = 0;

  private syncOffset(i: number): void {
    this.offset = this.chunkBase + i;
  }

  private newline(i: number): void {
    this.line++;
    this.lineStart = this.chunkBase + i + 1;
  }

  private begin(c: string, i: number): number {
    this.capturing = true;
    this.pending = [];
    this.start = {
      offset: this.chunkBase + i,
      line: this.line,
      character: this.chunkBase + i - this.lineStart,
    };
    this.depth = c === '{' || c === '[' ? 1 : 0;
    this.inString = c === '"';
    this.escaped = false;
    this.scalar = c !== '{' && c !== '[';
    return i;
  }

  /**
   * Scans an object or array user from `i` for its end, jumping from one character that matters to
   * the next; the index after its closing bracket, or -1 when the chunk ends first.
   */
  private scanValue(chunk: string, i: number): number {
    const re = VALUE_CHARS;
    re.lastIndex = i;
    if (this.escaped) {
      // The previous chunk ended on a backslash inside a string: this character is escaped.
      this.escaped = false;
      if (chunk.charCodeAt(i) === 10) this.newline(i);
      re.lastIndex = i + 1;
    }
    let m: RegExpExecArray | null;
    while ((m = re.exec(chunk)) !== null) {
      const k = m.index;
      const c = chunk.charCodeAt(k);
      if (c === 10) {
        this.newline(k);
        continue;
      }
      if (this.inString) {
        if (c === 92) {
          if (k + 1 >= chunk.length) {
            this.escaped = true;
            return -1;
          }
          if (chunk.charCodeAt(k + 1) === 10) this.newline(k + 1);
          re.lastIndex = k + 2;
        } else if (c === 34) this.inString = false;
        continue;
      }
      if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) this.depth++;
      else if (c === 125 || c === 93) {
        this.depth--;
        if (this.depth === 0) return k + 1;
      }
    }
    return -1;
  }

  /** A user value has ended (the text is in `pending`). */
  private finishValue(): void {
    this.emit(this.pending.join(''));
    this.state = this.shape === 'single' ? 'done' : 'separator';
  }
}
