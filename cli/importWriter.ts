/**
 * Writing the import's seed files: one NDJSON file, or bulk files of at most `perFile` users
 * (`[\n` U1 `,\n` U2 … `\n]\n`), users one at a time — written by the compiled mapping straight
 * into the writer's bytes, or as text — flushed in large writes.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Utf8Out, utf8 } from '../core/import/utf8Out';

export type ImportOutput =
  { kind: 'ndjson'; path: string } | { kind: 'bulk'; dir: string; prefix: string; perFile: number };

/** The file of bulk file number `n` (1-based). */
function bulkPath(o: ImportOutput & { kind: 'bulk' }, n: number): string {
  return join(o.dir, `${o.prefix}-${String(n).padStart(5, '0')}.caseed.json`);
}

function writeAll(fd: number, buf: Uint8Array, length: number): void {
  for (let at = 0; at < length;) at += writeSync(fd, buf, at, length - at);
}

/** Bytes gathered before one write. */
const FLUSH_AT = 1 << 20;
const OPEN = utf8('[\n');
const COMMA = utf8(',\n');
const CLOSE = utf8('\n]\n');

/**
 * Users one at a time: `begin()` writes the separator and says where the user's bytes start, the
 * caller writes the user into `out`, then `commit()` keeps it or `drop()` takes it back (with its
 * separator). A file is opened when its first bytes are written.
 */
export class UserWriter {
  readonly out = new Utf8Out(FLUSH_AT + (1 << 16));
  readonly files: string[] = [];
  private fd = -1;
  private inFile = 0;
  private fileNo = 0;
  private mark = 0;

  constructor(private readonly target: ImportOutput) {}

  begin(): number {
    this.mark = this.out.pos;
    if (this.target.kind === 'bulk') this.out.bytes(this.inFile === 0 ? OPEN : COMMA);
    return this.out.pos;
  }

  drop(): void {
    this.out.pos = this.mark;
  }

  commit(): void {
    const t = this.target;
    if (t.kind === 'ndjson') this.out.byte(10);
    this.inFile++;
    if (t.kind === 'bulk' && this.inFile >= t.perFile) this.endFile();
    else if (this.out.pos >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    const out = this.out;
    if (out.pos === 0) return;
    if (this.fd < 0) {
      const t = this.target;
      const path = t.kind === 'ndjson' ? t.path : bulkPath(t, ++this.fileNo);
      this.fd = openSync(path, 'w');
      this.files.push(path);
    }
    writeAll(this.fd, out.buf, out.pos);
    out.pos = 0;
  }

  private endFile(): void {
    if (this.target.kind === 'bulk') this.out.bytes(CLOSE);
    this.flush();
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    this.inFile = 0;
  }

  close(): void {
    if (this.inFile > 0) this.endFile();
    else if (this.fd >= 0) {
      closeSync(this.fd);
      this.fd = -1;
    }
  }
}
