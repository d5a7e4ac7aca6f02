/**
 * Where a command writes: stdout for results, stderr for one-line reasons. The process's streams are
 * written synchronously (a full pipe is waited for, not buffered in memory), so a report of a
 * million problems streams at the reader's pace in constant memory.
 */
import { writeSync } from 'node:fs';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const pause = new Int32Array(new SharedArrayBuffer(4));
const closed = new Set<number>();

/** Writes all of `text` to `fd`, waiting while a non-blocking pipe is full; a closed reader ends it. */
export function writeFully(fd: number, text: string): void {
  if (closed.has(fd)) return;
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 2);
        continue;
      }
      // EPIPE and the like: nobody reads any more (`caseed validate … | head`); write no more.
      closed.add(fd);
      return;
    }
  }
}

export const processIo: Io = {
  out: (text) => writeFully(1, text),
  err: (text) => writeFully(2, text),
};
