/**
 * Read a seed file as text for the CLI: the whole file at once (a 200 MB bulk file is fine), checked
 * to be UTF-8 text. Every failure becomes a one-line `CliError` with exit code 2.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
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

function reasonOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code] !== undefined) return REASONS[code];
  if (err instanceof RangeError) return 'the file is too large to read';
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

export function readText(path: string, display: string = path): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new CliError(`cannot read ${display}: ${reasonOf(err)}`, EXIT.USAGE);
  }
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
