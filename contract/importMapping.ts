/**
 * The import mapping seam: the server (no file system) asks its client for the header of the
 * export a mapping file describes — by convention the file beside it with the same name,
 * `orders.caseed-map.json` → `orders.csv` (or .csv.gz, .tsv, .ndjson, .jsonl) — so that it can
 * check and complete the columns the mapping names.
 */

export interface ReadExportHeaderParams {
  mappingUri: string;
}

/** The export found and its columns, or null when there is none beside the mapping. */
export type ReadExportHeaderResult = { exportUri: string; header: string[] } | null;

/** Server → client request. */
export const ReadExportHeaderRequest = { method: 'caseed/readExportHeader' } as const;

/** The export file names tried beside `<name>.caseed-map.json`, in order. */
export const EXPORT_EXTENSIONS = ['.csv', '.csv.gz', '.tsv', '.ndjson', '.jsonl'] as const;
