/**
 * The words and the bar of a send's progress: users done of the total, users per second and the
 * time left, measured from the users this run has sent (users accepted in an earlier run count as
 * done but not towards the speed). Pure: the shells decide when to draw.
 */

export interface ProgressSnapshot {
  /** Users with an outcome (any), earlier runs included. */
  done: number;
  /** Users with an outcome in this run. */
  doneThisRun: number;
  total: number;
  /** Milliseconds since this run started sending. */
  elapsedMs: number;
}

function usersPerSecond(p: ProgressSnapshot): number {
  return p.elapsedMs > 0 ? (p.doneThisRun * 1000) / p.elapsedMs : 0;
}

/** "1:02:03", "4:05", "7 s"; "?" when unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

function eta(p: ProgressSnapshot): string {
  const rate = usersPerSecond(p);
  if (p.done >= p.total) return '0 s';
  return rate > 0 ? formatDuration((p.total - p.done) / rate) : '?';
}

function grouped(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A plain line (for logs and pipes): "sent 4,500 of 10,000 users (45%), 1,234 users/s, ETA 5 s". */
export function progressLine(p: ProgressSnapshot): string {
  const pct = p.total > 0 ? Math.floor((p.done * 100) / p.total) : 100;
  return `progress: ${grouped(p.done)} of ${grouped(p.total)} users (${pct}%), ${grouped(usersPerSecond(p))} users/s, ETA ${eta(p)}`;
}

/** A terminal bar of `width` cells followed by the same figures. */
export function progressBar(p: ProgressSnapshot, width = 30): string {
  const ratio = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  const full = Math.floor(ratio * width);
  const bar = `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
  return `${bar} ${Math.floor(ratio * 100)}% ${grouped(p.done)}/${grouped(p.total)} users, ${grouped(usersPerSecond(p))} users/s, ETA ${eta(p)}`;
}
