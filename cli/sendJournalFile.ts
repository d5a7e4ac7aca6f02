/**
 * A send's journal file on a Node file system — the sink of core/send/journal.ts's `JournalWriter`
 * for `caseed send` and for desktop VS Code (client/platformNode.ts), so both write the same file
 * the same way and either resumes the other's send.
 *
 * Append-only: each record is written with a synchronous `write(2)` before `append` returns, so the
 * next request leaves only once the kernel has the record — a `kill -9`, a crash or a closed editor
 * loses nothing recorded. `fdatasync` (what survives a power cut as well) runs when the journal is
 * opened and closed and at most once a second in between: measured here, one per record costs
 * 2–4 ms, a minute on a million-user send, and a record lost to a power cut can only cause a resend
 * (a request is skipped on resume only after its "accepted" record, written after the 2xx; a resend
 * overwrites). Continuing a journal first cuts a torn last line (a write the process died in).
 */
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import type { JournalSink } from '../core/send/journal';
import { CliError, EXIT } from './exitCodes';

/** The longest time between two `fdatasync`s of a journal being written. */
const SYNC_INTERVAL_MS = 1000;

/** The default journal of a seed file: next to it, `<file>.journal` (also VS Code's, for a local file). */
export function journalPathOf(file: string): string {
  return `${file}.journal`;
}

/** The text of a journal, or undefined when there is none. */
export function readJournalFile(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read the journal ${path}: ${(err as Error).message}`, EXIT.USAGE);
  }
}

/** An open journal: `append` writes a record (to the kernel) before it returns. */
export class JournalFile implements JournalSink {
  private lastSync = 0;
  /** fdatasync calls made (tests and the benchmark read it). */
  syncs = 0;

  private constructor(
    readonly path: string,
    private fd: number | undefined,
    private readonly now: () => number,
  ) {}

  /** A new journal (any earlier one at `path` is replaced). */
  static create(path: string, now: () => number = Date.now): JournalFile {
    return new JournalFile(path, JournalFile.open(path, 'w'), now);
  }

  /** An existing journal, continued: a torn last line is cut, then records are appended. */
  static continue(path: string, now: () => number = Date.now): JournalFile {
    const fd = JournalFile.open(path, 'r+');
    try {
      const bytes = readFileSync(fd);
      const complete = bytes.lastIndexOf(0x0a) + 1;
      if (complete < bytes.length) ftruncateSync(fd, complete);
    } catch (err) {
      closeSync(fd);
      throw new CliError(`cannot continue the journal ${path}: ${(err as Error).message}`);
    }
    closeSync(fd);
    return new JournalFile(path, JournalFile.open(path, 'a'), now);
  }

  private static open(path: string, flags: 'w' | 'a' | 'r+'): number {
    try {
      return openSync(path, flags, 0o600);
    } catch (err) {
      throw new CliError(
        `cannot write the journal ${path}: ${(err as Error).message} (choose another place with --journal)`,
        EXIT.USAGE,
      );
    }
  }

  append(line: string): void {
    if (this.fd === undefined) throw new Error(`the journal ${this.path} is closed`);
    const bytes = Buffer.from(line, 'utf8');
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done);
    const t = this.now();
    if (this.syncs === 0 || t - this.lastSync >= SYNC_INTERVAL_MS) this.sync(t);
  }

  private sync(t: number): void {
    if (this.fd === undefined) return;
    fdatasyncSync(this.fd);
    this.syncs++;
    this.lastSync = t;
  }

  close(): void {
    if (this.fd === undefined) return;
    try {
      this.sync(this.now());
    } finally {
      closeSync(this.fd);
      this.fd = undefined;
    }
  }

  /** Closes and deletes the journal (the send is complete: nothing to resume). */
  remove(): void {
    this.close();
    rmSync(this.path, { force: true });
  }
}
