/**
 * Fault injection for tests and demos: which authenticated seeding requests the emulator answers
 * with an error, a delay or a dropped connection instead of handling them.
 */

export interface FaultOptions {
  /** The first N seeding requests answer `failStatus`. */
  failFirst?: number;
  /** Status for `failFirst` (default 429). */
  failStatus?: number;
  /** `Retry-After` seconds sent with injected 429/503 responses. */
  retryAfter?: number;
  /** `X-mp-rate-limit-exceeded` sent with injected 429 responses (e.g. `acceleration`). */
  rateLimitExceeded?: string;
  /** Every Nth seeding request answers 503. */
  status503Every?: number;
  /** Every response waits this long. */
  delayMs?: number;
  /** Every Nth seeding request has its connection destroyed without an answer. */
  dropEvery?: number;
  /** Every Nth seeding request is stored, then answered 202 with its body cut (connection closed). */
  cutBodyEvery?: number;
  /** Every Nth seeding request is stored, then its connection is dropped without an answer. */
  dropAfterStoreEvery?: number;
  /** `X-mp-rate-limit-percentage-used` sent with every 202. */
  rateLimitUsed?: number;
  /**
   * A rate limit by concurrency: a request arriving while more than this many others are in flight
   * is answered 429 (`X-mp-rate-limit-exceeded: app`).
   */
  throttleInFlight?: number;
  /**
   * Tests only: responses are held until this many seeding requests are in flight at once, then
   * all held ones are answered (a deterministic way to observe concurrency).
   */
  releaseWhenInFlight?: number;
}

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'store-then-cut' }
  | { kind: 'store-then-drop' }
  | { kind: 'status'; status: number; headers: Record<string, string> };

/** The fault for the `n`th (1-based) authenticated seeding request. */
export function faultFor(n: number, f: FaultOptions): FaultAction {
  if (f.dropEvery !== undefined && f.dropEvery > 0 && n % f.dropEvery === 0)
    return { kind: 'drop' };
  if (f.cutBodyEvery !== undefined && f.cutBodyEvery > 0 && n % f.cutBodyEvery === 0)
    return { kind: 'store-then-cut' };
  if (
    f.dropAfterStoreEvery !== undefined &&
    f.dropAfterStoreEvery > 0 &&
    n % f.dropAfterStoreEvery === 0
  )
    return { kind: 'store-then-drop' };
  let status: number | undefined;
  if (f.failFirst !== undefined && n <= f.failFirst) status = f.failStatus ?? 429;
  else if (f.status503Every !== undefined && f.status503Every > 0 && n % f.status503Every === 0) {
    status = 503;
  }
  if (status === undefined) return { kind: 'none' };
  const headers: Record<string, string> = {};
  if (f.retryAfter !== undefined && (status === 429 || status === 503)) {
    headers['retry-after'] = String(f.retryAfter);
  }
  if (status === 429 && f.rateLimitExceeded !== undefined) {
    headers['x-mp-rate-limit-exceeded'] = f.rateLimitExceeded;
  }
  return { kind: 'status', status, headers };
}

/** Parses `--fail-first 2 --fail-status 429 …` style flags into fault options. */
export const FAULT_FLAGS: Record<string, keyof FaultOptions> = {
  '--fail-first': 'failFirst',
  '--fail-status': 'failStatus',
  '--retry-after': 'retryAfter',
  '--rate-limit-exceeded': 'rateLimitExceeded',
  '--status-503-every': 'status503Every',
  '--delay-ms': 'delayMs',
  '--drop-every': 'dropEvery',
  '--cut-body-every': 'cutBodyEvery',
  '--drop-after-store-every': 'dropAfterStoreEvery',
  '--rate-limit-used': 'rateLimitUsed',
  '--throttle-in-flight': 'throttleInFlight',
};
