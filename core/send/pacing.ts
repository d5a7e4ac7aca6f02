/**
 * Pacing by the API's own gauge: successful responses may carry `X-mp-rate-limit-percentage-used`.
 * The sender slows down as it climbs — before a 429, not after: from 70% half the requests in
 * flight, from 90% one at a time with a growing gap between starts. Pure: the sender applies it.
 */

export interface Pace {
  /** At most this many requests in flight (undefined: no cap from pacing). */
  cap: number | undefined;
  /** Wait this long between two request starts. */
  gapMs: number;
}

export const NO_PACE: Pace = { cap: undefined, gapMs: 0 };

/** The header's percentage (0–100, decimals allowed); undefined when absent or unreadable. */
export function parsePercentUsed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*$/.exec(value);
  if (m === null) return undefined;
  const n = Number(m[1]);
  return n <= 100 ? n : 100;
}

/** The pace for a percentage used, given the configured concurrency. */
export function paceFor(percentUsed: number, concurrency: number): Pace {
  if (percentUsed >= 90) {
    return { cap: 1, gapMs: Math.min(2000, Math.round(100 * (percentUsed - 89))) };
  }
  if (percentUsed >= 70) return { cap: Math.max(1, Math.floor(concurrency / 2)), gapMs: 0 };
  return NO_PACE;
}

/** One line for the log when the pace changes. */
export function describePace(percentUsed: number, pace: Pace): string {
  const used = `${Math.round(percentUsed)}% of the rate limit used`;
  if (pace.cap === undefined) return `pacing: ${used}: full speed`;
  if (pace.gapMs > 0)
    return `pacing: ${used}: one request at a time, ${pace.gapMs} ms apart (slowing down before a 429)`;
  return `pacing: ${used}: at most ${pace.cap} request${pace.cap === 1 ? '' : 's'} in flight (slowing down before a 429)`;
}
