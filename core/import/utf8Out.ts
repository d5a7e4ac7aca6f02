/**
 * A growable UTF-8 byte buffer that produced users are written into directly: no intermediate
 * strings to concatenate, join and encode again. Its JSON string literals are byte for byte what
 * `JSON.stringify` writes (test/core/import/utf8Out.test.ts). The shell flushes it to a file.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class Utf8Out {
  buf: Uint8Array;
  pos = 0;

  constructor(size = 1 << 16) {
    this.buf = new Uint8Array(size);
  }

  /** Room for `n` more bytes. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }

  /** Bytes (a constant piece, encoded once). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    if (n > 64) buf.set(b, p);
    else for (let i = 0; i < n; i++) buf[p + i] = b[i];
    p += n;
    this.pos = p;
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.pos++] = c;
  }

  /** Any text, UTF-8 encoded (ASCII byte by byte, the rest by TextEncoder). */
  text(s: string): void {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    const start = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.pos = start + i;
        this.room((n - i) * 3);
        this.pos += encoder.encodeInto(s.slice(i), this.buf.subarray(this.pos)).written;
        return;
      }
      buf[start + i] = c;
    }
    this.pos = start + n;
  }

  /** `JSON.stringify(s)`: a JSON string literal, byte for byte as JSON.stringify writes it. */
  json(s: string): void {
    const n = s.length;
    this.room(n + 2);
    const buf = this.buf;
    const start = this.pos;
    buf[start] = 34;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      // Printable ASCII other than " and \ is written as is; anything else takes the long way.
      if (c < 0x20 || c > 0x7e || c === 34 || c === 92) {
        this.pos = start;
        this.text(JSON.stringify(s));
        return;
      }
      buf[start + 1 + i] = c;
    }
    buf[start + 1 + n] = 34;
    this.pos = start + n + 2;
  }

  /** The text of bytes `from`..`pos`. */
  decode(from: number): string {
    return decoder.decode(this.buf.subarray(from, this.pos));
  }
}

/** A constant piece, encoded once. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}
