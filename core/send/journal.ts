/**
 * The journal of a send: one JSON record per line, appended (and flushed) before each request
 * leaves and after its outcome, so an interrupted send — Ctrl+C, a crash, `kill -9`, a dead network —
 * is resumed without losing or guessing anything. It names requests by position and users by range:
 * no secret, no payload (no mpid, no seed), only what resuming needs. Pure: the shells write it.
 *
 * A resume rebuilds the same requests from the same file (the cut is deterministic: see cut.ts),
 * skips those accepted in any earlier run, and sends every other one again — rejected, outcome
 * unknown (a resend overwrites, so it is safe) and not yet sent. A file whose bytes changed since
 * (another size or SHA-256) refuses to resume.
 *
 * `JournalWriter` is the one writer: `caseed send` and VS Code append the same records through a
 * sink (a file opened for appending, each record written before the next step), so a journal
 * written by either is resumed by the other.
 */
import { UserRanges } from './ranges';
import type { Outcome, RequestOutcome } from './sender';

export const JOURNAL_VERSION = 1;

export interface JournalStart {
  t: 'start';
  v: number;
  /** The seed file's name (for messages) and its identity: size in bytes and SHA-256 (hex). */
  file: string;
  size: number;
  sha256: string;
  /** The API path and base URL (no credentials). */
  path: string;
  target: string;
  /** How the file was cut into requests. */
  maxUsers: number;
  maxBytes: number;
  /** Users and requests in the file. */
  users: number;
  requests: number;
  at: string;
}

export type JournalRecord =
  | JournalStart
  | { t: 'resume'; at: string }
  | { t: 'sent'; r: number; first: number; count: number }
  | { t: 'done'; r: number; outcome: Outcome; status?: number; why?: string }
  | { t: 'end'; at: string; outcome: string }
  /** A compact journal's accepted requests, as [from, to) ranges of request positions. */
  | { t: 'accepted'; ranges: Array<[number, number]> };

/** One record as a journal line (with its newline). */
export function journalLine(record: JournalRecord): string {
  return `${JSON.stringify(record)}\n`;
}

const OUTCOME_CODES: Record<Outcome, number> = {
  accepted: 1,
  rejected: 2,
  unknown: 3,
  'not-sent': 4,
};
const SENT = 5;
const CODES_OUTCOME: Outcome[] = ['not-sent', 'accepted', 'rejected', 'unknown', 'not-sent'];

/** What a journal says: the start record and, per request, whether it was ever accepted. */
export interface JournalState {
  start: JournalStart;
  /** Runs recorded (the first, then each resume). */
  runs: number;
  /** Per request: 0 never sent, 1 accepted (in any run), 2 rejected, 3 unknown, 4 not sent, 5 sent without an outcome (in flight when the run died). */
  states: Uint8Array;
  /** The users of each request that was sent: first user and count. */
  firstUser: Int32Array;
  userCount: Int32Array;
  /** Requests that were in flight when the last run ended without recording their outcome. */
  inFlightAtEnd: number[];
  /** True when the last run recorded its end (it was not killed). */
  ended: boolean;
}

export type JournalReadResult = { ok: true; state: JournalState } | { ok: false; reason: string };

/**
 * Reads a journal's text. A torn last line (the process died while writing it) is ignored; any other
 * unreadable line makes the journal damaged.
 */
export function readJournal(text: string): JournalReadResult {
  const lines = text.split('\n');
  // Without a final newline, the last line may be torn.
  const complete = text.endsWith('\n') ? lines.length - 1 : lines.length;
  let state: JournalState | undefined;
  let open = new Set<number>();
  for (let i = 0; i < complete; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    let rec: JournalRecord;
    try {
      rec = JSON.parse(line) as JournalRecord;
    } catch {
      if (i === complete - 1 && !text.endsWith('\n')) break;
      return { ok: false, reason: `the journal is damaged at line ${i + 1}` };
    }
    if (state === undefined) {
      if (rec.t !== 'start' || rec.v !== JOURNAL_VERSION) {
        return { ok: false, reason: 'not a caseed send journal (or one from another version)' };
      }
      state = {
        start: rec,
        runs: 1,
        states: new Uint8Array(rec.requests),
        firstUser: new Int32Array(rec.requests),
        userCount: new Int32Array(rec.requests),
        inFlightAtEnd: [],
        ended: false,
      };
      continue;
    }
    switch (rec.t) {
      case 'resume':
        state.runs++;
        state.ended = false;
        open = new Set();
        break;
      case 'sent':
        if (rec.r >= 0 && rec.r < state.states.length) {
          if (state.states[rec.r] !== OUTCOME_CODES.accepted) state.states[rec.r] = SENT;
          state.firstUser[rec.r] = rec.first;
          state.userCount[rec.r] = rec.count;
          open.add(rec.r);
        }
        break;
      case 'done':
        if (rec.r >= 0 && rec.r < state.states.length) {
          if (state.states[rec.r] !== OUTCOME_CODES.accepted)
            state.states[rec.r] = OUTCOME_CODES[rec.outcome] ?? SENT;
          open.delete(rec.r);
        }
        break;
      case 'end':
        state.ended = true;
        break;
      case 'accepted':
        for (const [from, to] of rec.ranges)
          for (let r = Math.max(0, from); r < Math.min(to, state.states.length); r++)
            state.states[r] = OUTCOME_CODES.accepted;
        break;
      default:
        break;
    }
  }
  if (state === undefined) return { ok: false, reason: 'the journal is empty' };
  state.inFlightAtEnd = [...open].sort((a, b) => a - b);
  return { ok: true, state };
}

/** The earlier outcome of request `r`, as a resume reports it ("sent, no outcome" counts as unknown). */
function earlierOutcome(state: JournalState, r: number): Outcome | 'never' {
  const code = state.states[r] ?? 0;
  if (code === 0) return 'never';
  if (code === SENT) return 'unknown';
  return CODES_OUTCOME[code];
}

/** Whether request `r` was accepted in an earlier run (a resume skips it). */
export function acceptedEarlier(state: JournalState, r: number): boolean {
  return state.states[r] === OUTCOME_CODES.accepted;
}

/** What identifies the send being resumed now. */
export type ResumeIdentity = Pick<
  JournalStart,
  'size' | 'sha256' | 'path' | 'target' | 'maxUsers' | 'maxBytes'
>;

/** Why this journal cannot be resumed with this file and target, or undefined when it can. */
export function resumeRefusal(start: JournalStart, now: ResumeIdentity): string | undefined {
  if (start.size !== now.size || start.sha256 !== now.sha256) {
    return `${start.file} changed since the interrupted send (then ${start.size} bytes, SHA-256 ${start.sha256.slice(0, 12)}…; now ${now.size} bytes, ${now.sha256.slice(0, 12)}…): resuming would skip or repeat the wrong users. Restore the file, or send it again from the start without --resume (a resend overwrites).`;
  }
  if (start.target !== now.target) {
    return `the interrupted send went to ${start.target}, not ${now.target}: resume it with the same target (--pod / --base-url), or send from the start without --resume`;
  }
  if (start.path !== now.path) {
    return `the interrupted send used ${start.path}, not ${now.path}: send from the start without --resume`;
  }
  if (start.maxUsers !== now.maxUsers || start.maxBytes !== now.maxBytes) {
    return `the interrupted send cut the file into requests of at most ${start.maxUsers} users and ${start.maxBytes} bytes (--max-users / --max-bytes, or the caseed.send settings): resume with the same limits`;
  }
  return undefined;
}

/** Counts of a journal's requests by earlier outcome, for the resume line. */
export function resumeCounts(state: JournalState): Record<Outcome | 'never', number> {
  const out: Record<Outcome | 'never', number> = {
    accepted: 0,
    rejected: 0,
    unknown: 0,
    'not-sent': 0,
    never: 0,
  };
  for (let r = 0; r < state.states.length; r++) out[earlierOutcome(state, r)]++;
  return out;
}

/**
 * Where a journal's records go. `append` gets one complete line; the writer awaits it before the
 * next step (a request leaving, the next record), so a sink that writes before it returns loses
 * nothing to a killed process.
 */
export interface JournalSink {
  append(line: string): void | Promise<void>;
}

/** What a run's start record says (the writer adds the version and the time). */
export type JournalStartFields = Omit<JournalStart, 't' | 'v' | 'at'>;

/** The records of one run, in order: `start` (or `resume`), `sent`/`done` per request, `end`. */
export class JournalWriter {
  constructor(
    private readonly sink: JournalSink,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** A new journal's first record. */
  start(fields: JournalStartFields): void | Promise<void> {
    return this.write({ t: 'start', v: JOURNAL_VERSION, ...fields, at: this.now() });
  }

  /** A resume of the journal's send (appended to it). */
  resume(): void | Promise<void> {
    return this.write({ t: 'resume', at: this.now() });
  }

  /** The sender's journal hooks: a request about to leave, and its outcome. */
  readonly hooks = {
    sending: (r: { index: number; users: readonly number[] }): void | Promise<void> =>
      this.write({ t: 'sent', r: r.index, first: r.users[0], count: r.users.length }),
    done: (o: RequestOutcome): void | Promise<void> =>
      this.write({
        t: 'done',
        r: o.index,
        outcome: o.outcome,
        ...(o.status !== undefined ? { status: o.status } : {}),
        ...(o.outcome === 'accepted' ? {} : { why: o.message }),
      }),
  };

  /** The run's end (it was not killed): its outcome. */
  end(outcome: string): void | Promise<void> {
    return this.write({ t: 'end', at: this.now(), outcome });
  }

  private write(record: JournalRecord): void | Promise<void> {
    return this.sink.append(journalLine(record));
  }
}

/** The users of the requests accepted in the journal's runs. */
export function acceptedUsers(state: JournalState): UserRanges {
  const users = new UserRanges();
  for (let r = 0; r < state.states.length; r++)
    if (acceptedEarlier(state, r)) users.add(state.firstUser[r], state.userCount[r]);
  return users;
}
