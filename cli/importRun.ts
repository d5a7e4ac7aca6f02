/**
 * The import engine, shared by `caseed import` and the VS Code command: rows in, users out, rejects
 * accounted for. Rows are read (cli/importSources.ts), turned into users by the compiled mapping,
 * validated, then written in row order — users to the seed file(s) (cli/importWriter.ts), rows that
 * cannot become a valid user to the rejects file with their row number, their cells and the reason.
 *
 * Validation is the core's, one of two ways:
 * - the fast path, when the mapping passes `certifyMapping` (core/import/certify.ts: its fixed parts
 *   draw no diagnostic from the core): each user is written straight into the writer's bytes; one
 *   whose values are all certified is kept as it is (the core would say nothing about it), any
 *   other is validated by the core on its own (a certified mapping has no cross-user problem);
 * - otherwise, or with `fastPath: false`: every user's text is validated by the core, in batches,
 *   in worker threads when available (so that reading and validating overlap). Memory stays
 *   bounded: at most a few batches are in flight, and the reader waits for them.
 */
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Definitions } from '../core/definitions/model';
import { certifyMapping } from '../core/import/certify';
import type { CompileResult, UserBuilder } from '../core/import/compile';
import type { BatchVerdict } from '../core/import/validateBatch';
import { batchText, validateBatch } from '../core/import/validateBatch';
import type { ExportFormat, ReadProgress } from './importSources';
import { readExport } from './importSources';
import type { ImportOutput } from './importWriter';
import { UserWriter } from './importWriter';

export type { ImportOutput } from './importWriter';

export interface ImportOptions {
  input: string;
  format: ExportFormat;
  /** Compiles the mapping once the header is known; a result with diagnostics stops the import. */
  compile: (header: string[]) => CompileResult;
  output: ImportOutput;
  rejectsPath: string;
  definitions?: Definitions;
  today: string;
  /** Validation threads when every user is validated in full; 0 validates on the reading thread. */
  workers?: number;
  /** False validates every user in full, certified or not (`--validate-all`; the same result). */
  fastPath?: boolean;
  batchSize?: number;
  onProgress?: (p: { rows: number; bytes: number; total: number }) => void;
  /** Set to stop early (VS Code's Cancel): the summary then covers the rows read so far. */
  cancelled?: () => boolean;
}

export interface ImportSummary {
  rows: number;
  written: number;
  rejected: number;
  rejectsByReason: Record<string, number>;
  warnings: Record<string, number>;
  files: string[];
  rejectsPath: string | undefined;
  /** Set when the mapping could not be compiled against the header (nothing was read). */
  compile?: CompileResult;
  cancelled: boolean;
  /** Users written without a second validation: certified by the fast path. */
  certified: number;
}

interface Batch {
  /** The users' texts. */
  users: string[];
  rows: number[];
  cells: string[][];
  /** Rejected while converting: [index in rows, reason, message]. */
  early: Array<[number, string, string]>;
  verdict?: BatchVerdict;
  done?: () => void;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** Where the worker script is (next to the bundle that runs); undefined when not built. */
function workerScript(): string | undefined {
  const p = join(__dirname, 'importWorker.js');
  return existsSync(p) ? p : undefined;
}

export async function runImport(o: ImportOptions): Promise<ImportSummary> {
  const size = o.batchSize ?? 2000;
  const summary: ImportSummary = {
    rows: 0,
    written: 0,
    rejected: 0,
    rejectsByReason: {},
    warnings: {},
    files: [],
    rejectsPath: undefined,
    cancelled: false,
    certified: 0,
  };
  if (existsSync(o.rejectsPath)) rmSync(o.rejectsPath);
  if (o.output.kind === 'bulk') mkdirSync(o.output.dir, { recursive: true });
  const users = new UserWriter(o.output);
  let header: string[] = [];
  let rejectsFd = -1;
  let rejectsBuf = '';
  const reject = (row: number, cells: readonly string[], reason: string, message: string): void => {
    summary.rejected++;
    summary.rejectsByReason[reason] = (summary.rejectsByReason[reason] ?? 0) + 1;
    const record: Record<string, string> = {};
    for (let i = 0; i < Math.max(header.length, cells.length); i++)
      record[header[i] ?? `column ${i + 1}`] = cells[i] ?? '';
    rejectsBuf += `${JSON.stringify({ row, reason, message, record })}\n`;
    if (rejectsBuf.length >= 1 << 16) flushRejects();
  };
  const flushRejects = (): void => {
    if (rejectsBuf.length === 0) return;
    if (rejectsFd < 0) {
      rejectsFd = openSync(o.rejectsPath, 'w');
      summary.rejectsPath = o.rejectsPath;
    }
    writeSync(rejectsFd, rejectsBuf);
    rejectsBuf = '';
  };
  const countWarnings = (verdict: BatchVerdict): void => {
    for (const [code, n] of Object.entries(verdict.warnings))
      summary.warnings[code] = (summary.warnings[code] ?? 0) + n;
  };
  const columnCount = (cells: readonly string[]): string =>
    `the row has ${cells.length} cells, the header ${header.length}`;

  // ── the fast path: one row at a time ───────────────────────────────────
  const fastRow = (b: UserBuilder, n: number, cells: string[], problem?: string): void => {
    if (problem !== undefined) return reject(n, cells, 'unreadable-row', problem);
    if (cells.length !== header.length) return reject(n, cells, 'column-count', columnCount(cells));
    const start = users.begin();
    if (!b.write(cells, users.out)) {
      users.drop();
      return reject(n, cells, b.reason, b.message);
    }
    if (b.clean) summary.certified++;
    else {
      const verdict = validateBatch(`[\n${users.out.decode(start)}\n]`, o.today, o.definitions);
      countWarnings(verdict);
      if (verdict.rejects.length > 0) {
        users.drop();
        return reject(n, cells, verdict.rejects[0][1], verdict.rejects[0][2]);
      }
    }
    summary.written++;
    users.commit();
  };

  // ── every user validated in full: batches, in worker threads when there are ──
  const workers: Worker[] = [];
  const pendingById = new Map<number, Batch>();
  const queue: Batch[] = [];
  let nextId = 0;
  let failure: unknown;
  const startWorkers = (): void => {
    const n = o.workers ?? defaultWorkers();
    const script = n > 0 ? workerScript() : undefined;
    if (script === undefined) return;
    for (let w = 0; w < n; w++) {
      const worker = new Worker(script, {
        workerData: { today: o.today, definitions: o.definitions },
        // A bounded heap: the parser's short-lived nodes are collected instead of piling up.
        resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 24 },
      });
      worker.on('message', (m: { id: number; verdict: BatchVerdict }) => {
        const b = pendingById.get(m.id);
        if (b === undefined) return;
        pendingById.delete(m.id);
        b.verdict = m.verdict;
        drain();
      });
      worker.on('error', (err) => {
        failure ??= err;
        for (const b of queue) b.done?.();
      });
      workers.push(worker);
    }
  };

  /** Writes out every finished batch at the head of the queue, in row order. */
  const drain = (): void => {
    while (queue.length > 0 && queue[0].verdict !== undefined) {
      const b = queue.shift() as Batch;
      finish(b, b.verdict as BatchVerdict);
      b.done?.();
    }
  };
  const finish = (b: Batch, verdict: BatchVerdict): void => {
    countWarnings(verdict);
    // Rejects of the conversion and of the core, by user index; the others written.
    const bad = new Map<number, [string, string]>();
    for (const [i, code, message] of verdict.rejects) bad.set(i, [code, message]);
    let e = 0;
    let u = 0;
    for (let k = 0; k < b.rows.length; k++) {
      if (e < b.early.length && b.early[e][0] === k) {
        const [, reason, message] = b.early[e++];
        reject(b.rows[k], b.cells[k], reason, message);
        continue;
      }
      const v = bad.get(u);
      const text = b.users[u++];
      if (v !== undefined) reject(b.rows[k], b.cells[k], v[0], v[1]);
      else {
        users.begin();
        users.out.text(text);
        users.commit();
        summary.written++;
      }
    }
  };

  const newBatch = (): Batch => ({ users: [], rows: [], cells: [], early: [] });
  let batch: Batch = newBatch();
  const dispatch = (): Promise<void> | undefined => {
    const b = batch;
    batch = newBatch();
    if (b.rows.length === 0) return undefined;
    queue.push(b);
    if (workers.length === 0 || b.users.length === 0) {
      b.verdict =
        b.users.length === 0
          ? { rejects: [], warnings: {} }
          : validateBatch(batchText(b.users), o.today, o.definitions);
      drain();
      return undefined;
    }
    const id = nextId++;
    pendingById.set(id, b);
    workers[id % workers.length].postMessage({ id, users: b.users });
    // Back-pressure: the reader waits while more than two batches per worker are in flight.
    if (queue.length <= workers.length * 2) return undefined;
    return new Promise<void>((resolve) => {
      queue[0].done = resolve;
    });
  };
  const fullRow = (b: UserBuilder, n: number, cells: string[], problem?: string): void => {
    batch.rows.push(n);
    batch.cells.push(cells);
    const k = batch.rows.length - 1;
    if (problem !== undefined) batch.early.push([k, 'unreadable-row', problem]);
    // A short or long row: its cells do not line up with the header.
    else if (cells.length !== header.length)
      batch.early.push([k, 'column-count', columnCount(cells)]);
    else {
      const text = b.build(cells);
      if (text === undefined) batch.early.push([k, b.reason, b.message]);
      else batch.users.push(text);
    }
  };

  let builder: UserBuilder | undefined;
  let fast = false;
  let stopped = false;
  let lastProgress = 0;
  const progress: ReadProgress = { bytes: 0, total: 0 };
  const stopRead = new Error('stopped');
  const close = (): void => {
    users.close();
    flushRejects();
    if (rejectsFd >= 0) closeSync(rejectsFd);
  };
  try {
    await readExport(
      o.input,
      o.format,
      {
        header: (h) => {
          header = h;
          const compiled = o.compile(h);
          if (compiled.builder === undefined) {
            summary.compile = compiled;
            throw stopRead;
          }
          builder = compiled.builder;
          fast = o.fastPath !== false && certifyMapping(builder.probes(), o.today, o.definitions);
          if (!fast) startWorkers();
        },
        row: (cells, problem) => {
          if (failure !== undefined) throw failure;
          if (o.cancelled?.() === true) {
            stopped = true;
            throw stopRead;
          }
          const n = ++summary.rows;
          if (o.onProgress !== undefined && n - lastProgress >= 10000) {
            lastProgress = n;
            o.onProgress({ rows: n, bytes: progress.bytes, total: progress.total });
          }
          if (fast) return fastRow(builder as UserBuilder, n, cells, problem);
          fullRow(builder as UserBuilder, n, cells, problem);
          return batch.rows.length >= size ? dispatch() : undefined;
        },
      },
      progress,
    );
  } catch (err) {
    if (err !== stopRead) {
      await Promise.all(workers.map((w) => w.terminate()));
      close();
      throw err;
    }
  }
  if (summary.compile === undefined) {
    await dispatch();
    while (queue.length > 0) {
      if (failure !== undefined) break;
      await new Promise<void>((resolve) => (queue[queue.length - 1].done = resolve));
    }
  }
  await Promise.all(workers.map((w) => w.terminate()));
  close();
  if (failure !== undefined) throw failure;
  summary.files = users.files;
  summary.cancelled = stopped;
  o.onProgress?.({ rows: summary.rows, bytes: progress.total, total: progress.total });
  return summary;
}

/** The default output prefix for bulk files: the export's name without its extensions. */
export function exportBaseName(input: string): string {
  return basename(input).replace(/\.(csv|tsv|ndjson|jsonl|parquet)(\.gz)?$/i, '');
}
