/**
 * The file side of `caseed send`: a seed file's identity (size and SHA-256 of its bytes, for the
 * journal) and its users read streaming (any size, constant memory). The journal file itself is
 * cli/sendJournalFile.ts, its lock cli/sendLock.ts (shared with desktop VS Code).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { withoutBom } from '../core/bom';
import type { SplitFormat } from '../core/send/split';
import type { StreamedRequest } from '../core/send/stream';
import { StreamCutter } from '../core/send/stream';
import { UserSplitter } from '../core/send/split';
import { CliError, EXIT } from './exitCodes';

const CHUNK = 1 << 16;

export interface FileIdentity {
  size: number;
  sha256: string;
}

function cannotRead(file: string, err: unknown): CliError {
  const code = (err as { code?: unknown }).code;
  const why =
    code === 'ENOENT'
      ? 'no such file or directory'
      : code === 'EISDIR'
        ? 'is a directory'
        : err instanceof Error
          ? err.message
          : String(err);
  return new CliError(`cannot read ${file}: ${why}`, EXIT.USAGE);
}

/**
 * The requests of a file, read streaming and cut as `planSend` cuts them; `identity` is filled in
 * once the whole file was read (to notice a file that changed while it was sent).
 */
export async function* streamRequests(
  file: string,
  format: SplitFormat,
  bulk: boolean,
  maxUsers: number,
  maxBytes: number,
  identity: { value?: FileIdentity },
): AsyncGenerator<StreamedRequest> {
  const queue: StreamedRequest[] = [];
  const cutter = new StreamCutter(bulk, (r) => queue.push(r), maxUsers, maxBytes);
  const splitter = new UserSplitter(format, (u) => cutter.user(u));
  const hash = createHash('sha256');
  const decoder = new StringDecoder('utf8');
  let size = 0;
  let first = true;
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) {
    const buf = chunk as Buffer;
    hash.update(buf);
    size += buf.length;
    let text = decoder.write(buf);
    if (first && text.length > 0) {
      text = withoutBom(text);
      first = false;
    }
    splitter.push(text);
    while (queue.length > 0) yield queue.shift()!;
  }
  splitter.push(decoder.end());
  splitter.end();
  cutter.end();
  identity.value = { size, sha256: hash.digest('hex') };
  while (queue.length > 0) yield queue.shift()!;
}

/** The size and SHA-256 of a file's bytes, read streaming. */
export async function identityOf(file: string): Promise<FileIdentity> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (err) {
    throw cannotRead(file, err);
  }
  return { size, sha256: hash.digest('hex') };
}
