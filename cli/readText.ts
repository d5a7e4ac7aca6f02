/**
 * Read a seed file as text for the CLI: the whole file at once (a 200 MB bulk file is fine), checked
 * to be UTF-8 text. Only regular files are read: a FIFO, socket or device (`/dev/zero`, directly or
 * through a link) is refused before a byte is read — it is opened non-blocking, so a FIFO with no
 * writer cannot hang the run. Every failure becomes a one-line `CliError` with exit code 2.
 */
import { isUtf8 } from 'node:buffer';
import type { Stats } from 'node:fs';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { withoutBom } from '../core/bom';
import { CliError, EXIT } from './exitCodes';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
};

export function reasonOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code] !== undefined) return REASONS[code];
  if (err instanceof RangeError) return 'the file is too large to read';
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

/** What a file that is not a regular file is, for the message. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'is a directory';
  if (stat.isFIFO()) return 'not a regular file (a FIFO)';
  if (stat.isSocket()) return 'not a regular file (a socket)';
  if (stat.isCharacterDevice()) return 'not a regular file (a character device)';
  if (stat.isBlockDevice()) return 'not a regular file (a block device)';
  return 'not a regular file';
}

/**
 * Opens a regular file for reading; anything else is refused without reading from it (the
 * descriptor is closed then). The caller closes the descriptor it gets.
 */
export function openRegular(path: string, display: string): number {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO that has no writer returns at once instead of waiting forever.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new CliError(`cannot read ${display}: ${reasonOf(err)}`, EXIT.USAGE);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new CliError(`cannot read ${display}: ${kindOf(stat)}`, EXIT.USAGE);
  } catch (err) {
    closeSync(fd);
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot read ${display}: ${reasonOf(err)}`, EXIT.USAGE);
  }
  return fd;
}

/** The bytes of a regular file; anything else is refused without reading from it. */
export function readRegular(path: string, display: string): Buffer {
  const fd = openRegular(path, display);
  try {
    return readFileSync(fd);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot read ${display}: ${reasonOf(err)}`, EXIT.USAGE);
  } finally {
    closeSync(fd);
  }
}

export function readText(path: string, display: string = path): string {
  return decodeText(readRegular(path, display), display);
}

/** A file's bytes as text, refused when they are not UTF-8 text (the checks of `readText`). */
export function decodeText(bytes: Buffer, display: string): string {
  // Like git: a NUL byte near the start means binary (anywhere later the parser reports it).
  if (bytes.subarray(0, 8000).includes(0)) {
    throw new CliError(
      `cannot read ${display}: not a text file (it contains NUL bytes)`,
      EXIT.USAGE,
    );
  }
  if (!isUtf8(bytes)) {
    throw new CliError(`cannot read ${display}: not UTF-8 text`, EXIT.USAGE);
  }
  let text: string;
  try {
    text = bytes.toString('utf8');
  } catch (err) {
    throw new CliError(`cannot read ${display}: ${reasonOf(err)}`, EXIT.USAGE);
  }
  // A UTF-8 byte order mark is not part of the text (core/bom.ts decides, for every shell).
  return withoutBom(text);
}
