/**
 * Desktop only (behind client/platform.ts, like platformNode.ts): the file-system side of the
 * import in VS Code — the header of the export beside a mapping file (for the mapping's language
 * support), and the import itself (cli/importRun.ts, the engine of `caseed import`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReadExportHeaderResult } from '../contract/importMapping';
import { EXPORT_EXTENSIONS } from '../contract/importMapping';
import { compileMapping } from '../core/import/compile';
import { parseMapping } from '../core/import/mapping';
import { MAPPING_SUFFIX } from '../core/import/model';
import { mappingSkeleton } from '../core/import/skeleton';
import { localToday } from '../core/validate';
import { DefinitionsFinder } from '../cli/definitions';
import { exportBaseName, runImport } from '../cli/importRun';
import type { ImportSummary } from '../cli/importRun';
import { formatOf, readHeader } from '../cli/importSources';
import type { ImportRequest, ImportOutcome } from './platform';

export async function readExportHeader(mappingUri: string): Promise<ReadExportHeaderResult> {
  if (!mappingUri.startsWith('file:')) return null;
  const path = fileURLToPath(mappingUri);
  if (!path.endsWith(MAPPING_SUFFIX)) return null;
  const stem = path.slice(0, -MAPPING_SUFFIX.length);
  for (const ext of [...EXPORT_EXTENSIONS, '.parquet']) {
    const candidate = stem + ext;
    const format = formatOf(candidate);
    if (format === undefined || !existsSync(candidate)) continue;
    return {
      exportUri: pathToFileURL(candidate).href,
      header: await readHeader(candidate, format),
    };
  }
  return null;
}

/** The mapping file beside an export (`orders.csv` → `orders.caseed-map.json`). */
export function mappingBeside(exportPath: string): string {
  return join(dirname(exportPath), `${exportBaseName(exportPath)}${MAPPING_SUFFIX}`);
}

export async function writeSkeleton(exportPath: string): Promise<string> {
  const format = formatOf(exportPath);
  if (format === undefined)
    throw new Error(`${basename(exportPath)} is not a CSV, NDJSON or Parquet export`);
  const header = await readHeader(exportPath, format);
  const target = mappingBeside(exportPath);
  const finder = new DefinitionsFinder(undefined);
  writeFileSync(target, mappingSkeleton(header, finder.forSeed(target)?.definitions));
  return target;
}

export async function importExport(r: ImportRequest): Promise<ImportOutcome> {
  const format = formatOf(r.exportPath);
  if (format === undefined)
    return {
      kind: 'problem',
      message: `${basename(r.exportPath)} is not a CSV, NDJSON or Parquet export.`,
    };
  const mappingText = readFileSync(r.mappingPath, 'utf8');
  const parsed = parseMapping(mappingText);
  if (parsed.mapping === undefined)
    return {
      kind: 'mapping',
      message: `${basename(r.mappingPath)} has errors: see the Problems view.`,
    };
  const mapping = parsed.mapping;
  const loaded = new DefinitionsFinder(undefined).forSeed(r.mappingPath);
  let notes: string[] = [];
  const summary: ImportSummary = await runImport({
    input: r.exportPath,
    format,
    output: {
      kind: 'bulk',
      dir: r.outDir,
      prefix: exportBaseName(r.exportPath),
      perFile: r.perFile,
    },
    rejectsPath: join(r.outDir, `${exportBaseName(r.exportPath)}.rejects.ndjson`),
    definitions: loaded?.definitions,
    today: localToday(),
    compile: (header) => {
      const c = compileMapping(mapping, header, parsed.locate, loaded?.definitions);
      notes = c.notes;
      return c;
    },
    onProgress: (p) => r.onProgress(p.rows, p.total > 0 ? p.bytes / p.total : 0),
    cancelled: r.cancelled,
  });
  if (summary.compile !== undefined)
    return {
      kind: 'mapping',
      message: `${basename(r.mappingPath)} does not fit ${basename(r.exportPath)}: ${summary.compile.diagnostics[0]?.message ?? ''}`,
    };
  return { kind: 'done', summary, notes };
}
