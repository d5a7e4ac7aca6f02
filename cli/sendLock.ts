/**
 * The lock of a send on a Node file system (`caseed send`, desktop VS Code): `<journal>.lock`,
 * created with O_EXCL (`wx`) before the journal is read or written, holding the process id, host,
 * start time and tool (core/send/lock.ts), removed on every way out. A lock whose process no longer
 * runs on this host is taken over (and said so); one held by a live process, or by another host, is
 * refused with one line (`caseed send` exits 4).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import type { SendLock } from '../core/send/lock';
import { busyMessage, judgeLock, lockText, readLock, takeoverNote } from '../core/send/lock';
import { CliError, EXIT } from './exitCodes';

/** The lock of a journal: beside it. */
export function lockPathOf(journalPath: string): string {
  return `${journalPath}.lock`;
}

/** A lock held by this process. */
export interface HeldSendLock {
  readonly path: string;
  /** Set when a stale lock (its process gone) was taken over: a line to tell the user. */
  readonly tookOver: string | undefined;
  /** Removes the lock if it is still this holder's. Safe to call more than once. */
  release(): void;
}

/** Whether process `pid` runs on this host (EPERM: it runs, as another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: unknown }).code === 'EPERM';
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function createExclusive(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'EEXIST') return false;
    throw new CliError(
      `cannot create the lock ${path}: ${(err as Error).message} (choose another place with --journal)`,
      EXIT.USAGE,
    );
  }
  try {
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Takes the lock of the send of `file` (whose journal's lock is `path`), or throws a CliError with
 * exit code 4 when another send holds it. `by` names the tool (`caseed send`, `VS Code`).
 */
export function acquireSendLock(
  path: string,
  file: string,
  by: string,
  here: { host?: string; alive?: (pid: number) => boolean } = {},
): HeldSendLock {
  const host = here.host ?? hostname();
  const alive = here.alive ?? processAlive;
  const me: SendLock = {
    pid: process.pid,
    host,
    started: new Date().toISOString(),
    by,
    nonce: randomBytes(8).toString('hex'),
  };
  const text = lockText(me);
  let tookOver: string | undefined;
  // A few tries: as found, after taking over a stale lock, after one that vanished meanwhile.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(path, text)) {
      // Two processes taking over the same stale lock: the later one's file wins, the other sees it.
      if (tookOver !== undefined && readText(path) !== text) break;
      let released = false;
      return {
        path,
        tookOver,
        release: () => {
          if (released) return;
          released = true;
          if (readLock(readText(path) ?? '')?.nonce === me.nonce) rmSync(path, { force: true });
        },
      };
    }
    const found = readText(path);
    if (found === undefined) continue; // released meanwhile: try again
    const lock = readLock(found);
    const verdict = judgeLock(lock, { host, alive });
    if (verdict !== 'stale' || lock === undefined) {
      throw new CliError(busyMessage(file, path, lock, verdict), EXIT.BUSY);
    }
    tookOver = takeoverNote(file, lock);
    // Remove it only if it is still the stale one (not a lock taken over by someone else since).
    if (readText(path) === found) rmSync(path, { force: true });
  }
  const lock = readLock(readText(path) ?? '');
  throw new CliError(
    busyMessage(file, path, lock, lock === undefined ? 'unreadable' : 'held'),
    EXIT.BUSY,
  );
}
