/**
 * Read a seed file as a stream of text for the CLI, in constant memory however large it is: the
 * same checks as `readText` (a regular file, no NUL byte near the start, UTF-8, a leading byte
 * order mark dropped), with the text handed over in chunks of about `chunkBytes` as it is read.
 * Invalid UTF-8 found after the first chunk fails then (chunks before it were already handed
 * over). Every failure is a one-line `CliError` with exit code 2.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, readSync } from 'node:fs';
import { withoutBom } from '../core/bom';
import { utf8Boundary } from '../core/stream/utf8';
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
  try {
    const buffer = Buffer.allocUnsafe(Math.max(SNIFF, chunkBytes) + 4);
    let first = true;
    // Bytes of a character split by the previous read, moved to the buffer's start.
    let carry = 0;
    for (;;) {
      let filled = carry;
      // The first chunk is at least SNIFF bytes (or the whole file), for the NUL check.
      do {
        let n: number;
        try {
          n = readSync(fd, buffer, filled, buffer.length - filled, null);
        } catch (err) {
          throw fail(reasonOf(err));
        }
        if (n === 0) break;
        filled += n;
      } while (first && filled < SNIFF);
      if (filled === carry) {
        if (carry > 0) throw fail('not UTF-8 text');
        break;
      }
      if (first && buffer.subarray(0, Math.min(filled, SNIFF)).includes(0)) {
        throw fail('not a text file (it contains NUL bytes)');
      }
      const cut = utf8Boundary(buffer.subarray(0, filled));
      const bytes = buffer.subarray(0, cut);
      // ASCII (most seed files) decodes fastest as Latin-1; anything else must be valid UTF-8.
      let text: string;
      if (isAscii(bytes)) text = bytes.toString('latin1');
      else if (isUtf8(bytes)) text = bytes.toString('utf8');
      else throw fail('not UTF-8 text');
      if (first) text = withoutBom(text);
      first = false;
      buffer.copyWithin(0, cut, filled);
      carry = filled - cut;
      // Errors of the consumer pass through as they are.
      if (text.length > 0) onText(text);
    }
  } finally {
    closeSync(fd);
  }
}
