/**
 * Reading an export row by row, in constant memory: CSV (RFC 4180, with a header; `.csv.gz` too)
 * by csv-parse, NDJSON by lines (each parsed by the core's lossless parser, so a 64-bit number keeps
 * its digits), Parquet by hyparquet one row group at a time (INT64 as its decimal text). Every cell
 * reaches the mapping as text.
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse';
import type { JsonNode } from '../core/ast';
import { parse as parseJson } from '../core/parser';
import { CliError } from './exitCodes';

export type ExportFormat = 'csv' | 'ndjson' | 'parquet';

/** Receives the header once, then each row; returns a promise when the reader must wait. */
export interface RowSink {
  header(columns: string[]): void;
  /** `problem`: why the row could not be read (a broken NDJSON line); its cells are then empty. */
  row(cells: string[], problem?: string): void | Promise<void>;
}

export function formatOf(path: string): ExportFormat | undefined {
  const p = path.toLowerCase();
  if (p.endsWith('.csv') || p.endsWith('.csv.gz') || p.endsWith('.tsv')) return 'csv';
  if (
    p.endsWith('.ndjson') ||
    p.endsWith('.jsonl') ||
    p.endsWith('.ndjson.gz') ||
    p.endsWith('.jsonl.gz')
  )
    return 'ndjson';
  if (p.endsWith('.parquet')) return 'parquet';
  return undefined;
}

/** Bytes of the input read so far (for progress), by the raw file stream. */
export interface ReadProgress {
  bytes: number;
  total: number;
}

function fileStream(path: string, progress: ReadProgress): Readable {
  progress.total = statSync(path).size;
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  raw.on('data', (c) => (progress.bytes += c.length));
  return path.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

export async function readExport(
  path: string,
  format: ExportFormat,
  sink: RowSink,
  progress: ReadProgress = { bytes: 0, total: 0 },
): Promise<void> {
  if (format === 'csv') return readCsv(path, sink, progress);
  if (format === 'ndjson') return readNdjson(path, sink, progress);
  return readParquet(path, sink, progress);
}

/** Just the header (for `--init` and completion). */
export async function readHeader(path: string, format: ExportFormat): Promise<string[]> {
  let header: string[] | undefined;
  const stop = new Error('header read');
  try {
    await readExport(path, format, {
      header: (h) => {
        header = h;
        throw stop;
      },
      row: () => undefined,
    });
  } catch (err) {
    if (err !== stop) throw err;
  }
  if (header === undefined) throw new CliError(`${path}: the export is empty (no header)`);
  return header;
}

function readCsv(path: string, sink: RowSink, progress: ReadProgress): Promise<void> {
  return new Promise((resolve, reject) => {
    const input = fileStream(path, progress);
    const parser = parseCsv({
      bom: true,
      relax_column_count: true,
      delimiter: path.toLowerCase().endsWith('.tsv') ? '\t' : ',',
    });
    let first = true;
    let failed = false;
    const fail = (err: unknown): void => {
      if (failed) return;
      failed = true;
      input.destroy();
      parser.destroy();
      reject(err);
    };
    input.on('error', fail);
    parser.on('error', (err: Error) =>
      fail(
        new CliError(`${path}: not a CSV file the import can read: ${err.message.split('\n')[0]}`),
      ),
    );
    parser.on('data', (record: string[]) => {
      if (failed) return;
      try {
        if (first) {
          first = false;
          sink.header(record);
          return;
        }
        const wait = sink.row(record);
        if (wait !== undefined) {
          parser.pause();
          wait.then(() => parser.resume(), fail);
        }
      } catch (err) {
        fail(err);
      }
    });
    parser.on('end', () => {
      if (failed) return;
      if (first) fail(new CliError(`${path}: the export is empty (no header)`));
      else resolve();
    });
    input.pipe(parser);
  });
}

/** A JSON value as cell text: strings as they are, numbers as written, the rest as JSON text. */
function cellText(node: JsonNode | undefined, line: string): string {
  if (node === undefined || node.type === 'null') return '';
  if (node.type === 'string') return node.value;
  if (node.type === 'number') return node.raw;
  return line.slice(node.offset, node.offset + node.length);
}

async function readNdjson(path: string, sink: RowSink, progress: ReadProgress): Promise<void> {
  const lines = createInterface({ input: fileStream(path, progress), crlfDelay: Infinity });
  let header: string[] | undefined;
  let index = new Map<string, number>();
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    const { root, diagnostics } = parseJson(line);
    const bad = diagnostics.find((d) => d.severity === 'error');
    if (root?.type !== 'object' || bad !== undefined) {
      if (header === undefined)
        throw new CliError(`${path}:${lineNo}: the first line is not a JSON object`);
      // A broken line is still a row: rejected, with the reason, never skipped.
      const wait = sink.row(
        [],
        root?.type !== 'object' && bad === undefined
          ? 'the line is not a JSON object'
          : `line ${lineNo} is not valid JSON: ${bad?.message ?? ''}`,
      );
      if (wait !== undefined) await wait;
      continue;
    }
    if (header === undefined) {
      header = root.properties.map((p) => p.key.value);
      index = new Map(header.map((h, i) => [h, i]));
      sink.header(header);
    }
    const cells = new Array<string>(header.length).fill('');
    for (const p of root.properties) {
      const i = index.get(p.key.value);
      if (i !== undefined) cells[i] = cellText(p.value, line);
    }
    const wait = sink.row(cells);
    if (wait !== undefined) await wait;
  }
  if (header === undefined) throw new CliError(`${path}: the export is empty (no rows)`);
}

function parquetCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}

async function readParquet(path: string, sink: RowSink, progress: ReadProgress): Promise<void> {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetRead } = await import('hyparquet');
  let file;
  let metadata;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file);
  } catch (err) {
    throw new CliError(
      `${path}: not a Parquet file the import can read: ${(err as Error).message}`,
    );
  }
  progress.total = Number(metadata.num_rows);
  // Top-level columns only (nested groups are read as one JSON cell).
  const top: string[] = [];
  let skip = 0;
  for (const s of metadata.schema.slice(1)) {
    if (skip > 0) {
      skip--;
      skip += s.num_children ?? 0;
      continue;
    }
    top.push(s.name);
    skip = s.num_children ?? 0;
  }
  sink.header(top);
  let start = 0;
  for (const group of metadata.row_groups) {
    const end = start + Number(group.num_rows);
    let rows: unknown[][] = [];
    await parquetRead({
      file,
      metadata,
      rowStart: start,
      rowEnd: end,
      rowFormat: 'array',
      onComplete: (r: unknown[][]) => (rows = r),
    });
    for (const r of rows) {
      const wait = sink.row(r.map(parquetCell));
      if (wait !== undefined) await wait;
    }
    progress.bytes = end;
    start = end;
  }
}
