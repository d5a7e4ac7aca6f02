/**
 * Read a seed file as a stream of text for the CLI, in constant memory however large it is: the
 * same checks as `readText` (a regular file, no NUL byte near the start, UTF-8, a leading byte
 * order mark dropped), with the text handed over in chunks of about `chunkBytes` as it is read.
 * Invalid UTF-8 found after the first chunk fails then (chunks before it were already handed
 * over). Every failure is a one-line `CliError` with exit code 2.
 */
import { closeSync, readSync } from 'node:fs';
import { NotUtf8Error, Utf8Chunks } from '../core/stream/utf8';
import { CliError, EXIT } from './exitCodes';
import { openRegular, reasonOf } from './readText';

/** Bytes examined for a NUL that marks a binary file (as readText and git do). */
const SNIFF = 8000;

export function streamText(
  path: string,
  display: string,
  onText: (text: string) => void,
  chunkBytes = 1 << 20,
): void {
  const fd = openRegular(path, display);
  const fail = (reason: string): CliError =>
    new CliError(`cannot read ${display}: ${reason}`, EXIT.USAGE);
  const read = (buffer: Uint8Array, at: number): number => {
    try {
      return readSync(fd, buffer, at, buffer.length - at, null);
    } catch (err) {
      throw fail(reasonOf(err));
    }
  };
  const utf8 = new Utf8Chunks();
  const decoded = (run: () => string | void): string | void => {
    try {
      return run();
    } catch (err) {
      if (err instanceof NotUtf8Error) throw fail('not UTF-8 text');
      throw err;
    }
  };
  try {
    const buffer = new Uint8Array(Math.max(SNIFF, chunkBytes));
    let first = true;
    for (;;) {
      let filled = 0;
      // The first chunk is at least SNIFF bytes (or the whole file), for the NUL check.
      do {
        const n = read(buffer, filled);
        if (n === 0) break;
        filled += n;
      } while (first && filled < SNIFF);
      if (filled === 0) break;
      const bytes = buffer.subarray(0, filled);
      if (first && bytes.subarray(0, SNIFF).includes(0)) {
        throw fail('not a text file (it contains NUL bytes)');
      }
      first = false;
      const text = decoded(() => utf8.decode(bytes)) as string;
      // Errors of the consumer pass through as they are.
      if (text.length > 0) onText(text);
    }
    decoded(() => utf8.end());
  } finally {
    closeSync(fd);
  }
}
