/**
 * The one sender: runs planned requests — a plan's array, or a stream read from a file of any size —
 * against a target with bounded, jittered retries, a total deadline, adaptive concurrency, pacing by
 * `X-mp-rate-limit-percentage-used` and cancellation, then maps 400 errors back onto the document
 * through the attribute-name offsets each request carries. Every request ends in one named outcome:
 * accepted, rejected, outcome unknown (it left, no answer came back) or not sent. A journal hook is
 * awaited before each request leaves and after each outcome. The secret never reaches a log line:
 * every line goes through `redact`.
 */
import type { SeedDiagnostic } from '../diagnostics';
import type { ApiError } from './apiErrors';
import { mapApiErrorsOnNames, parseErrorBody } from './apiErrors';
import { describePace, paceFor, parsePercentUsed } from './pacing';
import type { Pace } from './pacing';
import { NO_PACE } from './pacing';
import { UserRanges } from './ranges';
import { sanitize } from './sanitize';
import type { PlannedRequest, SendPlan } from './plan';
import { basicAuthorization, redact, secretsOf } from './redact';
import type { RetryPolicy } from './retry';
import {
  AdaptiveLimit,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  retryDelay,
  verdictOf,
} from './retry';
import type { Clock, HttpResponse, Transport } from './transport';
import { systemClock } from './transport';

export const DEFAULT_CONCURRENCY = 4;

export interface Credentials {
  apiKey: string;
  apiSecret: string;
}

export type SendEvent =
  | { type: 'sending'; request: PlannedRequest }
  | { type: 'attempt'; request: number; attempt: number }
  | { type: 'retry'; request: number; attempt: number; delayMs: number; reason: string }
  | { type: 'done'; outcome: RequestOutcome };

export interface SendOptions {
  baseUrl: string;
  credentials: Credentials;
  transport: Transport;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  clock?: Clock;
  random?: () => number;
  /** Receives redacted log lines. */
  log?: (line: string) => void;
  onEvent?: (event: SendEvent) => void;
  userAgent?: string;
  /**
   * Awaited before a request leaves (`sending`) and once it has its outcome (`done`), so a journal
   * is written and flushed before the next step. Its errors stop the send (nothing is sent
   * unrecorded).
   */
  journal?: {
    sending(request: PlannedRequest): void | Promise<void>;
    done(outcome: RequestOutcome): void | Promise<void>;
  };
  /** Keep the outcomes of accepted requests in the result (default true; false for huge sends). */
  keepAccepted?: boolean;
}

export type RequestState = 'accepted' | 'rejected' | 'failed' | 'cancelled' | 'skipped';

/**
 * The named outcome of a request: accepted; rejected (with the API's reason); unknown (it left but
 * no answer came back — a timeout, a 2xx whose body was cut, a connection dropped after sending: the
 * server may have stored it, and a resend overwrites); not sent.
 */
export type Outcome = 'accepted' | 'rejected' | 'unknown' | 'not-sent';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  accepted: 'accepted',
  rejected: 'rejected',
  unknown: 'outcome unknown',
  'not-sent': 'not sent',
};

/** Requests come from here: an array (a plan) or a stream (a file read as it is sent). */
export interface RequestSource {
  /** The next request, or undefined at the end. */
  next(): PlannedRequest | undefined | Promise<PlannedRequest | undefined>;
}

export interface RequestOutcome {
  index: number;
  users: number[];
  bytes: number;
  state: RequestState;
  /** Its named outcome. */
  outcome: Outcome;
  /** The last HTTP status received, if any. */
  status?: number;
  attempts: number;
  /** One line: what happened. */
  message: string;
  /** The API's error messages (400). */
  errors: ApiError[];
}

export interface SendResult {
  /** cancelled > failed (gave up) > rejected (4xx) > accepted. */
  outcome: 'accepted' | 'rejected' | 'failed' | 'cancelled';
  requests: RequestOutcome[];
  /** `api-error` diagnostics on the `attribute_name` nodes named by 400 bodies. */
  diagnostics: SeedDiagnostic[];
  /** API errors that name no attribute of their request. */
  unmatched: Array<{ request: number; error: ApiError }>;
  /** Set when the credentials were refused. */
  authFailure?: 401 | 403;
  /** The users (0-based positions) of each named outcome, over the requests this send started. */
  users: Record<Outcome, UserRanges>;
  /** One line for the user. */
  summary: string;
}

/** "user 3" / "users 1–100" (1-based), for messages. */
export function describeUsers(users: readonly number[]): string {
  if (users.length === 1) return `user ${users[0] + 1}`;
  const contiguous = users.every((u, i) => i === 0 || u === users[i - 1] + 1);
  if (contiguous) return `users ${users[0] + 1}–${users[users.length - 1] + 1}`;
  return `users ${users.map((u) => u + 1).join(', ')}`;
}

type Base = Omit<RequestOutcome, 'state' | 'outcome' | 'attempts' | 'message'>;

type Attempt =
  | { kind: 'response'; response: HttpResponse }
  /** `left`: the request may have reached the server (the connection was up when it failed). */
  | { kind: 'problem'; problem: string; left: boolean }
  /** `left`: the attempt was on the wire when the caller aborted. */
  | { kind: 'aborted'; left: boolean };

/** Connection errors that prove the request never left (nothing reached the server). */
const NEVER_LEFT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function errorCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } } | null;
  if (typeof err?.code === 'string') return err.code;
  if (typeof err?.cause?.code === 'string') return err.cause.code;
  return undefined;
}

class Send {
  private readonly policy: RetryPolicy;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly limit: AdaptiveLimit;
  /** The strings redacted from every line (the secret in all its encodings). */
  readonly secrets: string[];
  private readonly signal: AbortSignal;
  /** The full request URL: base without trailing slashes, then the path. */
  readonly url: string;
  private readonly headers: Record<string, string>;
  private readonly start: number;
  private stopReason: string | undefined;
  authFailure: 401 | 403 | undefined;
  private pace: Pace = NO_PACE;
  private lastStart = -Infinity;
  private journalFailure: string | undefined;

  constructor(
    path: string,
    private readonly options: SendOptions,
  ) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.limit = new AdaptiveLimit(
      Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY)),
    );
    this.secrets = secretsOf(options.credentials.apiKey, options.credentials.apiSecret);
    this.signal = options.signal ?? new AbortController().signal;
    this.url = `${options.baseUrl.replace(/\/+$/, '')}${path}`;
    this.headers = {
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': options.userAgent ?? 'caseed',
      authorization: basicAuthorization(options.credentials.apiKey, options.credentials.apiSecret),
    };
    this.start = this.clock.now();
  }

  /** The caller's callbacks must not break the send (it never rejects): their errors are dropped. */
  log(line: string): void {
    try {
      this.options.log?.(redact(line, this.secrets));
    } catch {
      // A failing logger loses its line, not the send.
    }
  }

  emit(event: SendEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // A failing progress callback loses its event, not the send.
    }
  }

  logStart(requests: string, users: string, bytes: string): void {
    this.log(
      `POST ${this.url}: ${requests}, ${users}${bytes}; headers: Content-Type: application/json, Authorization: ${this.headers.authorization}`,
    );
  }

  /** Why no further request is started, if one is not. */
  get stopped(): string | undefined {
    if (this.signal.aborted) return 'cancelled';
    return this.journalFailure ?? this.stopReason;
  }

  /** Attempts on the wire now, and attempts waiting for the pace to let them go. */
  private onWire = 0;
  private readonly wireWaiters: Array<() => void> = [];

  /**
   * Waits until the pace lets one more attempt on the wire (at most `cap` at once, `gapMs` between
   * starts). Every attempt passes here, retries included. False when the send was cancelled.
   */
  private async enterWire(): Promise<boolean> {
    for (;;) {
      if (this.signal.aborted) return false;
      const cap = this.pace.cap ?? Infinity;
      const wait = this.lastStart + this.pace.gapMs - this.clock.now();
      if (this.onWire < cap && (this.pace.gapMs === 0 || wait <= 0)) {
        this.onWire++;
        this.lastStart = this.clock.now();
        return true;
      }
      if (this.onWire >= cap) await new Promise<void>((r) => this.wireWaiters.push(r));
      else await this.clock.sleep(wait, this.signal);
    }
  }

  private leaveWire(): void {
    this.onWire--;
    this.wireWaiters.shift()?.();
  }

  private cap(): number {
    return Math.min(this.limit.value, this.pace.cap ?? Infinity);
  }

  /**
   * Runs requests from `source` until it ends or the send stops; each outcome goes to `onOutcome`
   * (after the journal has it). Resolves once nothing is in flight.
   */
  async run(source: RequestSource, onOutcome: (o: RequestOutcome) => void): Promise<void> {
    const inflight = new Set<Promise<void>>();
    let wake: (() => void) | undefined;
    const settled = (): void => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    const onAbort = (): void => {
      settled();
      for (const w of this.wireWaiters.splice(0)) w();
    };
    this.signal.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        while (this.stopped === undefined && inflight.size >= this.cap()) {
          await new Promise<void>((r) => (wake = r));
        }
        if (this.stopped !== undefined) break;
        const r = await source.next();
        if (r === undefined) break;
        if (this.stopped !== undefined) {
          onOutcome(this.notSent(r));
          break;
        }
        const p: Promise<void> = this.one(r).then((outcome) => {
          inflight.delete(p);
          onOutcome(outcome);
          settled();
        });
        inflight.add(p);
      }
      await Promise.all(inflight);
    } finally {
      this.signal.removeEventListener('abort', onAbort);
    }
  }

  /** The outcome of a request that was never started. */
  notSent(r: PlannedRequest): RequestOutcome {
    const state: RequestState = this.signal.aborted ? 'cancelled' : 'skipped';
    return {
      index: r.index,
      users: r.users,
      bytes: r.bytes,
      state,
      outcome: 'not-sent',
      attempts: 0,
      message: this.signal.aborted
        ? 'cancelled before it was sent'
        : `not sent: ${this.journalFailure ?? this.stopReason ?? ''}`,
      errors: [],
    };
  }

  /** One request from journal to outcome; never rejects. */
  private async one(r: PlannedRequest): Promise<RequestOutcome> {
    const journal = this.options.journal;
    try {
      await journal?.sending(r);
    } catch (e) {
      this.journalFailure ??= `the journal could not be written (${e instanceof Error ? e.message : String(e)})`;
      return this.notSent(r);
    }
    this.emit({ type: 'sending', request: r });
    const raw = await this.request(r);
    // A server could echo anything back: nothing it says leaves here unredacted.
    const outcome: RequestOutcome = {
      ...raw,
      message: redact(raw.message, this.secrets),
      errors: raw.errors.map((e) => ({ ...e, message: redact(e.message, this.secrets) })),
    };
    try {
      await journal?.done(outcome);
    } catch (e) {
      this.journalFailure ??= `the journal could not be written (${e instanceof Error ? e.message : String(e)})`;
    }
    this.log(`request ${r.index + 1} (${describeUsers(outcome.users)}): ${outcome.message}`);
    this.emit({ type: 'done', outcome });
    return outcome;
  }

  private observePace(res: HttpResponse): void {
    const used = parsePercentUsed(res.headers['x-mp-rate-limit-percentage-used']);
    if (used === undefined) return;
    const pace = paceFor(used, this.limit.max);
    if (pace.cap !== this.pace.cap || pace.gapMs !== this.pace.gapMs) {
      this.pace = pace;
      this.log(describePace(used, pace));
    }
  }

  private async request(r: PlannedRequest): Promise<Omit<RequestOutcome, never>> {
    const i = r.index;
    const base: Base = { index: i, users: r.users, bytes: r.bytes, errors: [] as ApiError[] };
    let lastProblem = '';
    let lastStatus: number | undefined;
    /** Whether an attempt may have reached the server without an answer we could read. */
    let mayHaveLanded = false;
    const unknownOr = (notSent: Outcome): Outcome => (mayHaveLanded ? 'unknown' : notSent);
    for (let attempt = 1; ; attempt++) {
      if (this.signal.aborted) {
        return {
          ...base,
          state: 'cancelled',
          outcome: unknownOr('not-sent'),
          status: lastStatus,
          attempts: attempt - 1,
          message: mayHaveLanded
            ? `cancelled; outcome unknown: ${lastProblem}`
            : 'cancelled before it was sent',
        };
      }
      this.emit({ type: 'attempt', request: i, attempt });
      const answer = await this.attempt(r.body);
      if (answer.kind === 'aborted') {
        if (!answer.left && !mayHaveLanded) {
          return {
            ...base,
            state: 'cancelled',
            outcome: 'not-sent',
            status: lastStatus,
            attempts: attempt - 1,
            message: 'cancelled before it was sent',
          };
        }
        return {
          ...base,
          state: 'cancelled',
          outcome: 'unknown',
          status: lastStatus,
          attempts: attempt,
          message: 'cancelled while in flight: outcome unknown (the server may have stored it)',
        };
      }
      let retryAfterMs: number | undefined;
      if (answer.kind === 'response') {
        const res = answer.response;
        lastStatus = res.status;
        const verdict = verdictOf(res.status);
        if (verdict === 'accepted' && res.incomplete === undefined) {
          this.limit.success();
          this.observePace(res);
          const tries = attempt === 1 ? '' : ` after ${attempt} attempts`;
          return {
            ...base,
            state: 'accepted',
            outcome: 'accepted',
            status: res.status,
            attempts: attempt,
            message: `accepted (${res.status})${tries}`,
          };
        }
        if (verdict === 'accepted') {
          mayHaveLanded = true;
          lastProblem = `HTTP ${res.status} with its body cut (${sanitize(res.incomplete ?? '')})`;
        } else if (verdict === 'rejected') {
          return this.rejected(base, res, attempt);
        } else {
          if (
            res.status === 429 &&
            /acceleration/i.test(res.headers['x-mp-rate-limit-exceeded'] ?? '')
          ) {
            this.limit.slowDown();
            this.log(
              `request ${i + 1}: rate limit "acceleration": concurrency down to 1, ramping up slowly`,
            );
          }
          retryAfterMs = parseRetryAfter(res.headers['retry-after'], this.clock.now());
          const limitHeader = res.headers['x-mp-rate-limit-exceeded'];
          const limitHit = limitHeader === undefined ? undefined : sanitize(limitHeader);
          lastProblem = `HTTP ${res.status}${limitHit !== undefined ? ` (${limitHit} limit)` : ''}`;
        }
      } else {
        lastProblem = answer.problem;
        if (answer.left) mayHaveLanded = true;
      }
      if (attempt >= this.policy.maxAttempts) {
        return this.gaveUp(
          base,
          lastStatus,
          attempt,
          `gave up after ${attempt} attempts; last: ${lastProblem}`,
          unknownOr('not-sent'),
        );
      }
      const delayMs = retryDelay(attempt, retryAfterMs, this.policy, this.random);
      const elapsed = this.clock.now() - this.start;
      if (elapsed + delayMs > this.policy.deadlineMs) {
        return this.gaveUp(
          base,
          lastStatus,
          attempt,
          `gave up after ${attempt} attempts: the next try would pass the ${Math.round(this.policy.deadlineMs / 1000)} s deadline; last: ${lastProblem}`,
          unknownOr('not-sent'),
        );
      }
      this.emit({
        type: 'retry',
        request: i,
        attempt,
        delayMs,
        reason: redact(lastProblem, this.secrets),
      });
      this.log(
        `request ${i + 1}: ${lastProblem}; retrying in ${delayMs} ms (attempt ${attempt + 1} of ${this.policy.maxAttempts})`,
      );
      await this.clock.sleep(delayMs, this.signal);
    }
  }

  private gaveUp(
    base: Base,
    status: number | undefined,
    attempts: number,
    message: string,
    outcome: Outcome,
  ): RequestOutcome {
    if (this.stopReason === undefined)
      this.stopReason = `an earlier request ${message.replace(/^gave up/, 'was given up')}`;
    const said =
      outcome === 'unknown'
        ? `${message}; outcome unknown: the server may have stored it (a resend overwrites)`
        : message;
    return { ...base, state: 'failed', outcome, status, attempts, message: said };
  }

  private rejected(base: Base, res: HttpResponse, attempts: number): RequestOutcome {
    const errors = parseErrorBody(res.body);
    let message: string;
    if (res.status === 401 || res.status === 403) {
      this.authFailure = res.status;
      this.stopReason ??= `the API refused the credentials (${res.status})`;
      message =
        res.status === 401
          ? 'rejected (401 Unauthorized): the Authorization header is missing'
          : 'rejected (403 Forbidden): the API key or secret is wrong for this data center';
    } else {
      const first = errors.length > 0 ? `: ${errors.map((e) => e.message).join('; ')}` : '';
      message = `rejected (${res.status})${first}`;
    }
    return {
      ...base,
      errors,
      state: 'rejected',
      outcome: 'rejected',
      status: res.status,
      attempts,
      message,
    };
  }

  /** One attempt: a response, a retryable problem, or an abort by the caller. */
  private async attempt(body: string): Promise<Attempt> {
    if (!(await this.enterWire())) return { kind: 'aborted', left: false };
    try {
      return await this.onTheWire(body);
    } finally {
      this.leaveWire();
    }
  }

  private async onTheWire(body: string): Promise<Attempt> {
    const ctl = new AbortController();
    const timer = new AbortController();
    const onAbort = (): void => ctl.abort(this.signal.reason);
    this.signal.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const remaining = this.policy.deadlineMs - (this.clock.now() - this.start);
    const timeoutMs = Math.max(0, Math.min(this.policy.attemptTimeoutMs, remaining));
    // attemptTimeoutMs 0 turns the per-attempt timeout off (tests with a fake clock).
    if (this.policy.attemptTimeoutMs > 0)
      void this.clock.sleep(timeoutMs, timer.signal).then(() => {
        if (!timer.signal.aborted) {
          timedOut = true;
          ctl.abort(new Error('attempt timed out'));
        }
      });
    try {
      const response = await this.options.transport({
        url: this.url,
        method: 'POST',
        headers: { ...this.headers },
        body,
        signal: ctl.signal,
      });
      return { kind: 'response', response };
    } catch (e) {
      if (this.signal.aborted) return { kind: 'aborted', left: true };
      if (timedOut)
        return {
          kind: 'problem',
          left: true,
          problem: `no response within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`,
        };
      const code = errorCode(e);
      const msg =
        typeof (e as { message?: unknown }).message === 'string' ? (e as Error).message : String(e);
      return {
        kind: 'problem',
        left: code === undefined || !NEVER_LEFT.has(code),
        problem: `connection failed: ${code !== undefined ? `${code} ` : ''}${msg}`,
      };
    } finally {
      timer.abort();
      this.signal.removeEventListener('abort', onAbort);
    }
  }
}

/** The send's overall outcome: cancelled > failed (gave up) > rejected (4xx) > accepted. */
function overall(requests: readonly RequestOutcome[], aborted: boolean): SendResult['outcome'] {
  const has = (s: RequestState): boolean => requests.some((r) => r.state === s);
  if (aborted && !requests.every((r) => r.state === 'accepted')) return 'cancelled';
  if (has('failed')) return 'failed';
  if (has('rejected')) return 'rejected';
  return 'accepted';
}

function summarize(
  result: Omit<SendResult, 'summary'>,
  url: string,
  total: number,
  acceptedRequests: number,
): string {
  const count = (s: RequestState): number =>
    s === 'accepted' ? acceptedRequests : result.requests.filter((r) => r.state === s).length;
  const users = result.users.accepted.total;
  const accepted = `${count('accepted')} of ${total} request${total === 1 ? '' : 's'} accepted (${users} users)`;
  switch (result.outcome) {
    case 'accepted':
      return `All sent to ${url}: ${accepted}.`;
    case 'cancelled':
      return `Cancelled: ${accepted}; the rest were not sent or were abandoned in flight.`;
    case 'failed':
      return `Gave up: ${accepted}; ${count('failed')} failed after retries, ${count('skipped')} not sent.`;
    case 'rejected':
      return result.authFailure !== undefined
        ? `Rejected: the API refused the credentials (${result.authFailure}); ${accepted}.`
        : `Rejected: ${accepted}; ${count('rejected')} rejected by the API (nothing from those requests was stored).`;
  }
}

function emptyUsers(): Record<Outcome, UserRanges> {
  return {
    accepted: new UserRanges(),
    rejected: new UserRanges(),
    unknown: new UserRanges(),
    'not-sent': new UserRanges(),
  };
}

/** Adds a request's users to its outcome's set (users of a request are contiguous or listed). */
function tallyUsers(users: Record<Outcome, UserRanges>, o: RequestOutcome): void {
  const set = users[o.outcome];
  let runStart = 0;
  for (let k = 1; k <= o.users.length; k++) {
    if (k === o.users.length || o.users[k] !== o.users[k - 1] + 1) {
      set.add(o.users[runStart], k - runStart);
      runStart = k;
    }
  }
}

/**
 * Sends requests from any source (a plan's array, or a file streamed as it is read). Never rejects:
 * every problem is in the result. With `keepAccepted: false` accepted outcomes are only counted, so
 * memory does not grow with the number of requests. `names` gives the attribute names of a request
 * for mapping a 400 (by default the request's own `attributes`).
 */
export async function sendRequests(
  path: string,
  source: RequestSource,
  options: SendOptions,
  describe: {
    requests?: number;
    users?: number;
    bytes?: number;
    drain?: () => PlannedRequest[];
  } = {},
): Promise<SendResult & { sentRequests: number }> {
  const send = new Send(path, options);
  const keep = options.keepAccepted !== false;
  const plural = (n: number | undefined, w: string): string =>
    n === undefined ? `${w}s as the file is read` : `${n} ${w}${n === 1 ? '' : 's'}`;
  send.logStart(
    plural(describe.requests, 'request'),
    plural(describe.users, 'user'),
    describe.bytes === undefined ? '' : `, ${describe.bytes} bytes`,
  );
  const requests: RequestOutcome[] = [];
  const users = emptyUsers();
  const diagnostics: SeedDiagnostic[] = [];
  const unmatched: SendResult['unmatched'] = [];
  const requestOf = new Map<number, PlannedRequest>();
  let started = 0;
  let acceptedRequests = 0;
  const tracked: RequestSource = {
    next: async () => {
      const r = await source.next();
      if (r !== undefined) requestOf.set(r.index, r);
      return r;
    },
  };
  await send.run(tracked, (o) => {
    started++;
    tallyUsers(users, o);
    if (o.errors.length > 0) {
      const mapped = mapApiErrorsOnNames(o.errors, requestOf.get(o.index)?.attributes ?? []);
      diagnostics.push(...mapped.diagnostics);
      for (const error of mapped.unmatched) unmatched.push({ request: o.index, error });
    }
    requestOf.delete(o.index);
    if (o.state === 'accepted') acceptedRequests++;
    if (keep || o.state !== 'accepted') requests.push(o);
  });
  for (const r of describe.drain?.() ?? []) {
    const o = send.notSent(r);
    tallyUsers(users, o);
    requests.push(o);
  }
  requests.sort((a, b) => a.index - b.index);
  const aborted = options.signal?.aborted === true;
  const outcome = overall(requests, aborted);
  const partial = {
    outcome,
    requests,
    diagnostics,
    unmatched,
    authFailure: send.authFailure,
    users,
  };
  const total = describe.requests ?? started;
  return {
    ...partial,
    sentRequests: started,
    summary: redact(summarize(partial, send.url, total, acceptedRequests), send.secrets),
  };
}

/** Sends a plan. Never rejects: every problem is in the result. */
export async function sendPlan(plan: SendPlan, options: SendOptions): Promise<SendResult> {
  let next = 0;
  const result = await sendRequests(plan.path, { next: () => plan.requests[next++] }, options, {
    requests: plan.requests.length,
    users: plan.users,
    bytes: plan.bytes,
    drain: () => plan.requests.slice(next),
  });
  return {
    outcome: result.outcome,
    requests: result.requests,
    diagnostics: result.diagnostics,
    unmatched: result.unmatched,
    authFailure: result.authFailure,
    users: result.users,
    summary: result.summary,
  };
}
