/**
 * The lock of a send: two sends of one file at once would interleave their records in one journal
 * (and a resume would then trust a mix). The shells create `<journal>.lock` exclusively before they
 * read or write the journal, holding who sends — process id, host, start time, which tool — and
 * remove it on every way out. A lock whose process is gone from this host (a `kill -9`, a crash, a
 * closed editor) is stale and taken over, and said so. Pure: the text, and the verdict on a lock
 * found; the shells create, check and remove the file. No secret, no payload.
 */

export interface SendLock {
  /** The process holding it. */
  pid: number;
  host: string;
  /** When its send started (ISO 8601). */
  started: string;
  /** `caseed send` or `VS Code`. */
  by: string;
  /** A random word of this holder, so that a release never removes a lock taken over since. */
  nonce: string;
}

/** The lock file's text. */
export function lockText(lock: SendLock): string {
  return `${JSON.stringify(lock)}\n`;
}

/** A lock file's holder, or undefined when the text is not one (empty, torn, foreign). */
export function readLock(text: string): SendLock | undefined {
  try {
    const v = JSON.parse(text) as Partial<SendLock>;
    if (
      typeof v === 'object' &&
      v !== null &&
      typeof v.pid === 'number' &&
      Number.isInteger(v.pid) &&
      v.pid > 0 &&
      typeof v.host === 'string' &&
      typeof v.started === 'string' &&
      typeof v.by === 'string' &&
      typeof v.nonce === 'string'
    )
      return v as SendLock;
  } catch {
    // not a lock
  }
  return undefined;
}

/**
 * What a lock found means here: `held` (its process runs on this host: refuse), `stale` (this host,
 * process gone: take over), `elsewhere` (another host: its process cannot be checked, refuse) or
 * `unreadable` (refuse: it may be being written).
 */
export type LockVerdict = 'held' | 'stale' | 'elsewhere' | 'unreadable';

export function judgeLock(
  lock: SendLock | undefined,
  here: { host: string; alive(pid: number): boolean },
): LockVerdict {
  if (lock === undefined) return 'unreadable';
  if (lock.host !== here.host) return 'elsewhere';
  return here.alive(lock.pid) ? 'held' : 'stale';
}

/** Why this send refuses: another send of the same file holds the lock. One sentence. */
export function busyMessage(
  file: string,
  lockPath: string,
  lock: SendLock | undefined,
  verdict: LockVerdict,
): string {
  const who =
    lock === undefined
      ? 'another send'
      : `another send (${lock.by}, process ${lock.pid} on ${lock.host}, started ${lock.started})`;
  const what = `${who} of ${file} is running and writes its journal`;
  switch (verdict) {
    case 'elsewhere':
      return `${what}; it runs on another host, so caseed cannot tell whether it is still alive: wait for it, or remove ${lockPath} if you know it stopped`;
    case 'unreadable':
      return `${what} (its lock ${lockPath} cannot be read yet): wait for it, or remove the lock if no send of this file is running`;
    default:
      return `${what}: wait for it to finish or stop it (Ctrl+C / Cancel), then send again (--resume continues it); two sends at once would mix their records (if no send of this file is running, remove ${lockPath})`;
  }
}

/** The note of a takeover of a stale lock. */
export function takeoverNote(file: string, lock: SendLock): string {
  return `an earlier send of ${file} (${lock.by}, process ${lock.pid}, started ${lock.started}) ended without releasing its lock (killed?): taking it over`;
}
