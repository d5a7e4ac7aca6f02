/**
 * UTF-8 bytes → text, chunk by chunk: a character split between two chunks is carried over to the
 * next, invalid UTF-8 throws `NotUtf8Error`, and a byte order mark at the very start is dropped
 * (core/bom.ts: the CLI reads files as VS Code opens them). Pure (TextDecoder, no Buffer), so the
 * CLI, the sender and a browser can share it.
 */

export class NotUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`not UTF-8 text (at byte ${byteOffset})`);
  }
}

/** Length of the sequence a UTF-8 lead byte starts (0 for a continuation or invalid byte). */
function sequenceLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xf0) return b < 0xf8 ? 4 : 0;
  if (b >= 0xe0) return 3;
  if (b >= 0xc0) return 2;
  return 0;
}

/** Where to cut `bytes` so that no character is split: the start of an incomplete last sequence. */
export function utf8Boundary(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 4 && back <= n; back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) !== 0x80) {
      const len = sequenceLength(b);
      return len > back ? n - back : n;
    }
  }
  return n;
}

export class Utf8Chunks {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private carry: Uint8Array | undefined;
  private bytes = 0;
  private first = true;

  /** The text of `chunk` (with what was carried), up to its last complete character. */
  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.carry !== undefined) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
      this.carry = undefined;
    }
    const cut = utf8Boundary(bytes);
    if (cut < bytes.length) this.carry = bytes.slice(cut);
    return this.text(cut === bytes.length ? bytes : bytes.subarray(0, cut));
  }

  /** The end of the bytes: an incomplete last character is not UTF-8. */
  end(): void {
    if (this.carry !== undefined) throw new NotUtf8Error(this.bytes);
  }

  private text(bytes: Uint8Array): string {
    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      throw new NotUtf8Error(this.bytes);
    }
    this.bytes += bytes.length;
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  }
}
