/**
 * The retry rules of the sender, as pure functions: which responses are retried, how long to wait
 * (exponential backoff with full jitter, `Retry-After` honoured), and the adaptive concurrency that
 * slows down on an `acceleration` rate limit and ramps back up slowly.
 */

export interface RetryPolicy {
  /** Attempts per request, the first included (default 6). */
  maxAttempts: number;
  /** The backoff base: attempt n waits up to base × 2^(n-1) (default 500 ms). */
  baseDelayMs: number;
  /** The cap on one backoff wait (default 30 s). */
  maxDelayMs: number;
  /** The cap on a `Retry-After` wait (default 120 s). */
  maxRetryAfterMs: number;
  /** The whole send gives up after this long (default 10 min). */
  deadlineMs: number;
  /** One attempt is abandoned (and retried) after this long without a response (default 60 s; 0 = never). */
  attemptTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  deadlineMs: 600_000,
  attemptTimeoutMs: 60_000,
};

export type Verdict = 'accepted' | 'retry' | 'rejected';

/** 2xx accepted; 429, 408, 5xx retried; every other status (400, 401, 403, …) rejected for good. */
export function verdictOf(status: number): Verdict {
  if (status >= 200 && status < 300) return 'accepted';
  if (status === 429 || status === 408 || (status >= 500 && status <= 599)) return 'retry';
  return 'rejected';
}

/** Full jitter: a uniform wait in [0, min(max, base × 2^(attempt-1))]. `attempt` counts from 1. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * `Retry-After` in milliseconds: integer seconds, or an HTTP date (relative to `now`). Undefined
 * when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  if (!Number.isNaN(date) && /[a-z]/i.test(v)) return Math.max(0, date - now);
  return undefined;
}

/**
 * How long to wait before the next attempt: the server's `Retry-After` when it sent one (capped),
 * otherwise the jittered backoff.
 */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  return backoffDelay(attempt, policy, random);
}

/**
 * The concurrency limit of a send. On an `acceleration` limit it drops to 1; then every
 * `rampEvery` successes it grows by one, back up to the configured maximum.
 */
export class AdaptiveLimit {
  private current: number;
  private successes = 0;

  constructor(
    readonly max: number,
    private readonly rampEvery = 3,
  ) {
    this.current = Math.max(1, max);
  }

  get value(): number {
    return this.current;
  }

  /** The server said traffic grew too fast. */
  slowDown(): void {
    this.current = 1;
    this.successes = 0;
  }

  /** A request was accepted. */
  success(): void {
    if (this.current >= this.max) return;
    this.successes++;
    if (this.successes >= this.rampEvery) {
      this.current++;
      this.successes = 0;
    }
  }
}
