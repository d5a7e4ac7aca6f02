/**
 * One full garbage collection once the server has gone quiet after a full pass over a big document.
 *
 * Opening or restructuring a 200 MB seed file leaves hundreds of megabytes of garbage (the text as
 * it arrived, the windows and trees of the pass). V8 collects its old generation only under
 * allocation pressure, and an idle language server allocates nothing, so that garbage stayed
 * resident for as long as the editor was open (the server's RSS after edits was 4× the document).
 * After a full pass over at least `minChars` characters, and `quietMs` without another model being
 * built (a keystroke postpones it), the server runs one full collection: a few hundred milliseconds
 * while nobody is waiting.
 *
 * The collection itself comes from where the server runs (`ServerOptions.collectGarbage`: V8's own
 * in Node, server/nodeGc.ts); without one (the web worker) nothing happens.
 */

export interface IdleCollectorOptions {
  /** Quiet time after the last model before collecting (ms). */
  quietMs?: number;
  /** A full pass over fewer characters than this leaves too little garbage to bother. */
  minChars?: number;
  /** The full collection; none: nothing to do. */
  collect?: () => void;
}

export class IdleCollector {
  private readonly quietMs: number;
  private readonly minChars: number;
  private readonly collectFn: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private owed = false;
  /** Collections run so far (for the status of a test or a bench). */
  collections = 0;

  constructor(options: IdleCollectorOptions = {}) {
    this.quietMs = options.quietMs ?? 1500;
    this.minChars = options.minChars ?? 8 * 1024 * 1024;
    this.collectFn = options.collect;
  }

  /** A full pass over `chars` characters just ended. */
  fullPass(chars: number): void {
    if (chars >= this.minChars) this.owed = true;
    this.activity();
  }

  /** A model was built (a keystroke): a collection owed waits for quiet again. */
  activity(): void {
    if (!this.owed) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), this.quietMs);
    this.timer.unref();
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.owed = false;
  }

  private run(): void {
    this.timer = undefined;
    this.owed = false;
    if (this.collectFn === undefined) return;
    this.collectFn();
    this.collections++;
  }
}
