/**
 * The one sender: runs a plan's requests against a target with bounded, jittered retries, a total
 * deadline, adaptive concurrency and cancellation, then maps 400 errors back onto the document.
 * The secret never reaches a log line: every line goes through `redact`.
 */
import type { JsonNode } from '../ast';
import type { SeedDiagnostic } from '../diagnostics';
import type { ApiError } from './apiErrors';
import { mapApiErrors, parseErrorBody } from './apiErrors';
import { sanitize } from './sanitize';
import type { SendPlan } from './plan';
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
}

export type RequestState = 'accepted' | 'rejected' | 'failed' | 'cancelled' | 'skipped';

export interface RequestOutcome {
  index: number;
  users: number[];
  bytes: number;
  state: RequestState;
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

function usersOf(plan: SendPlan, indexes: readonly number[]): JsonNode[] {
  const root = plan.root;
  if (root.type !== 'array') return [root];
  return indexes.map((i) => root.items[i]).filter((n): n is JsonNode => n !== undefined);
}

class Send {
  private readonly policy: RetryPolicy;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly limit: AdaptiveLimit;
  /** The strings redacted from every line (the secret in all its encodings). */
  readonly secrets: string[];
  private readonly signal: AbortSignal;
  /** The full request URL: base without trailing slashes, then the plan's path. */
  readonly url: string;
  private readonly headers: Record<string, string>;
  private readonly start: number;
  private stopReason: string | undefined;
  authFailure: 401 | 403 | undefined;

  constructor(
    private readonly plan: SendPlan,
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
    this.url = `${options.baseUrl.replace(/\/+$/, '')}${plan.path}`;
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

  run(): Promise<RequestOutcome[]> {
    const requests = this.plan.requests;
    const outcomes: RequestOutcome[] = new Array<RequestOutcome>(requests.length);
    this.log(
      `POST ${this.url}: ${requests.length} request${requests.length === 1 ? '' : 's'}, ${this.plan.users} user${this.plan.users === 1 ? '' : 's'}, ${this.plan.bytes} bytes; headers: Content-Type: application/json, Authorization: ${this.headers.authorization}`,
    );
    return new Promise((resolve) => {
      let next = 0;
      let running = 0;
      const pump = (): void => {
        while (
          this.stopReason === undefined &&
          !this.signal.aborted &&
          running < this.limit.value &&
          next < requests.length
        ) {
          const i = next++;
          running++;
          void this.request(i).then((raw) => {
            // A server could echo anything back: nothing it says leaves here unredacted.
            const outcome: RequestOutcome = {
              ...raw,
              message: redact(raw.message, this.secrets),
              errors: raw.errors.map((e) => ({ ...e, message: redact(e.message, this.secrets) })),
            };
            outcomes[i] = outcome;
            running--;
            this.log(`request ${i + 1} (${describeUsers(outcome.users)}): ${outcome.message}`);
            this.emit({ type: 'done', outcome });
            pump();
          });
        }
        if (
          running === 0 &&
          (next >= requests.length || this.stopReason !== undefined || this.signal.aborted)
        ) {
          for (let i = 0; i < requests.length; i++) {
            if (outcomes[i] !== undefined) continue;
            const r = requests[i];
            const state: RequestState = this.signal.aborted ? 'cancelled' : 'skipped';
            const why = this.signal.aborted
              ? 'cancelled before it was sent'
              : `not sent: ${this.stopReason ?? ''}`;
            outcomes[i] = {
              index: i,
              users: r.users,
              bytes: r.bytes,
              state,
              attempts: 0,
              message: why,
              errors: [],
            };
          }
          resolve(outcomes);
        }
      };
      pump();
    });
  }

  private async request(i: number): Promise<RequestOutcome> {
    const r = this.plan.requests[i];
    const base = { index: i, users: r.users, bytes: r.bytes, errors: [] as ApiError[] };
    let lastProblem = '';
    let lastStatus: number | undefined;
    for (let attempt = 1; ; attempt++) {
      if (this.signal.aborted) {
        return {
          ...base,
          state: 'cancelled',
          status: lastStatus,
          attempts: attempt - 1,
          message: 'cancelled',
        };
      }
      this.emit({ type: 'attempt', request: i, attempt });
      const answer = await this.attempt(r.body);
      if (answer.kind === 'aborted') {
        return {
          ...base,
          state: 'cancelled',
          status: lastStatus,
          attempts: attempt,
          message: 'cancelled while in flight',
        };
      }
      let retryAfterMs: number | undefined;
      if (answer.kind === 'response') {
        const res = answer.response;
        lastStatus = res.status;
        const verdict = verdictOf(res.status);
        if (verdict === 'accepted') {
          this.limit.success();
          const tries = attempt === 1 ? '' : ` after ${attempt} attempts`;
          return {
            ...base,
            state: 'accepted',
            status: res.status,
            attempts: attempt,
            message: `accepted (${res.status})${tries}`,
          };
        }
        if (verdict === 'rejected') return this.rejected(base, res, attempt);
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
      } else {
        lastProblem = answer.problem;
      }
      if (attempt >= this.policy.maxAttempts) {
        return this.gaveUp(
          base,
          lastStatus,
          attempt,
          `gave up after ${attempt} attempts; last: ${lastProblem}`,
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
    base: Omit<RequestOutcome, 'state' | 'attempts' | 'message'>,
    status: number | undefined,
    attempts: number,
    message: string,
  ): RequestOutcome {
    if (this.stopReason === undefined)
      this.stopReason = `an earlier request ${message.replace(/^gave up/, 'was given up')}`;
    return { ...base, state: 'failed', status, attempts, message };
  }

  private rejected(
    base: Omit<RequestOutcome, 'state' | 'attempts' | 'message'>,
    res: HttpResponse,
    attempts: number,
  ): RequestOutcome {
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
    return { ...base, errors, state: 'rejected', status: res.status, attempts, message };
  }

  /** One attempt: a response, a retryable problem, or an abort by the caller. */
  private async attempt(
    body: string,
  ): Promise<
    | { kind: 'response'; response: HttpResponse }
    | { kind: 'problem'; problem: string }
    | { kind: 'aborted' }
  > {
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
      if (this.signal.aborted) return { kind: 'aborted' };
      if (timedOut)
        return {
          kind: 'problem',
          problem: `no response within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`,
        };
      const err = e as { code?: unknown; message?: unknown };
      const code = typeof err.code === 'string' ? `${err.code} ` : '';
      const msg = typeof err.message === 'string' ? err.message : String(e);
      return { kind: 'problem', problem: `connection failed: ${code}${msg}` };
    } finally {
      timer.abort();
      this.signal.removeEventListener('abort', onAbort);
    }
  }
}

function summarize(result: Omit<SendResult, 'summary'>, url: string): string {
  const count = (s: RequestState): number => result.requests.filter((r) => r.state === s).length;
  const total = result.requests.length;
  const users = (s: RequestState): number =>
    result.requests.filter((r) => r.state === s).reduce((n, r) => n + r.users.length, 0);
  const accepted = `${count('accepted')} of ${total} request${total === 1 ? '' : 's'} accepted (${users('accepted')} users)`;
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

/** Sends a plan. Never rejects: every problem is in the result. */
export async function sendPlan(plan: SendPlan, options: SendOptions): Promise<SendResult> {
  const send = new Send(plan, options);
  const requests = await send.run();
  const diagnostics: SeedDiagnostic[] = [];
  const unmatched: SendResult['unmatched'] = [];
  for (const r of requests) {
    if (r.errors.length === 0) continue;
    const mapped = mapApiErrors(r.errors, usersOf(plan, r.users));
    diagnostics.push(...mapped.diagnostics);
    for (const error of mapped.unmatched) unmatched.push({ request: r.index, error });
  }
  const has = (s: RequestState): boolean => requests.some((r) => r.state === s);
  const outcome: SendResult['outcome'] =
    options.signal?.aborted === true && !requests.every((r) => r.state === 'accepted')
      ? 'cancelled'
      : has('failed')
        ? 'failed'
        : has('rejected')
          ? 'rejected'
          : 'accepted';
  const partial = { outcome, requests, diagnostics, unmatched, authFailure: send.authFailure };
  return { ...partial, summary: redact(summarize(partial, send.url), send.secrets) };
}
