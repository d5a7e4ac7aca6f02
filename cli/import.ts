/**
 * `caseed import`: a warehouse export → seed files, through a mapping file (cli/importRun.ts does
 * the work). Prints what the mapping decided (one note per decision), then the accounting:
 * rows read = users written + rows rejected, by reason. Exit 0 clean, 1 rejects, 2 usage.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { compileMapping } from '../core/import/compile';
import { parseMapping } from '../core/import/mapping';
import { MAPPING_SUFFIX } from '../core/import/model';
import { mappingSkeleton } from '../core/import/skeleton';
import { localToday } from '../core/validate';
import type { SeedDiagnostic } from '../core/diagnostics';
import { parseArgs } from './args';
import { DefinitionsFinder, describeDefinitions } from './definitions';
import type { LoadedDefinitions } from './definitions';
import { CliError, EXIT } from './exitCodes';
import { runImport, defaultWorkers, exportBaseName } from './importRun';
import type { ImportOutput, ImportSummary } from './importRun';
import { formatOf, readHeader } from './importSources';
import { IMPORT_USAGE } from './importUsage';
import type { Io } from './io';
import { readText } from './readText';
import { reportAll } from './report';

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

function mappingProblems(io: Io, file: string, text: string, ds: readonly SeedDiagnostic[]): void {
  for (const d of reportAll(text, ds)) {
    const { line, character } = d.range.start;
    io.out(`${file}:${line + 1}:${character + 1} ${d.severity} ${d.code} ${d.message}\n`);
  }
}

/** The accounting lines of a finished import. */
export function describeSummary(s: ImportSummary): string[] {
  const lines = [
    `rows read: ${s.rows} = users written: ${s.written} + rows rejected: ${s.rejected}${s.cancelled ? ' (cancelled: the rest was not read)' : ''}`,
  ];
  const reasons = Object.entries(s.rejectsByReason).sort((a, b) => b[1] - a[1]);
  if (reasons.length > 0)
    lines.push(`  rejected by reason: ${reasons.map(([r, n]) => `${r} ${n}`).join(', ')}`);
  const warnings = Object.entries(s.warnings).sort((a, b) => b[1] - a[1]);
  if (warnings.length > 0)
    lines.push(`  warnings in written users: ${warnings.map(([r, n]) => `${r} ${n}`).join(', ')}`);
  if (s.rejectsPath !== undefined)
    lines.push(`rejects: ${display(s.rejectsPath)} (row number, cells and reason of each)`);
  return lines;
}

export async function runImportCommand(argv: readonly string[], io: Io): Promise<number> {
  const { options, positionals } = parseArgs(
    argv,
    {
      map: { type: 'string', short: 'm' },
      out: { type: 'string', short: 'o' },
      'out-dir': { type: 'string' },
      'per-file': { type: 'string' },
      rejects: { type: 'string' },
      definitions: { type: 'string' },
      'no-definitions': { type: 'boolean' },
      workers: { type: 'string' },
      'validate-all': { type: 'boolean' },
      init: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'import',
  );
  if (options.help === true) {
    io.out(IMPORT_USAGE);
    return EXIT.OK;
  }
  if (positionals.length !== 1)
    throw new CliError('import needs exactly one export file (see `caseed import --help`)');
  const input = positionals[0];
  if (!existsSync(input)) throw new CliError(`cannot read ${input}: no such file or directory`);
  const format = formatOf(input);
  if (format === undefined)
    throw new CliError(
      `${input}: not an export caseed can read (.csv, .csv.gz, .tsv, .ndjson, .jsonl, .parquet)`,
    );
  const str = (name: string): string | undefined =>
    typeof options[name] === 'string' ? (options[name] as string) : undefined;
  const finder = new DefinitionsFinder(str('definitions'), options['no-definitions'] === true);

  if (options.init === true) {
    const header = await readHeader(input, format);
    const out = str('out');
    const loaded = finder.forSeed(resolve(out ?? input));
    const text = mappingSkeleton(header, loaded?.definitions);
    if (out === undefined) io.out(text);
    else {
      if (!out.endsWith(MAPPING_SUFFIX))
        throw new CliError(`--out of --init names a mapping file: *${MAPPING_SUFFIX}`);
      writeFileSync(out, text);
      io.out(
        `mapping skeleton for ${header.length} columns written to ${out}: fill in each calculated attribute's type, cutoff date and name\n`,
      );
    }
    return EXIT.OK;
  }

  const mapPath = str('map');
  if (mapPath === undefined)
    throw new CliError('import needs --map FILE.caseed-map.json (or --init to write one)');
  const mapText = readText(mapPath, mapPath);
  const parsed = parseMapping(mapText);
  if (parsed.mapping === undefined) {
    mappingProblems(io, mapPath, mapText, parsed.diagnostics);
    throw new CliError(`${mapPath}: the mapping has errors (above); nothing imported`);
  }
  const mapping = parsed.mapping;

  let output: ImportOutput;
  let rejectsDefault: string;
  const out = str('out');
  const outDir = str('out-dir');
  if ((out === undefined) === (outDir === undefined))
    throw new CliError('give --out FILE.caseed.ndjson or --out-dir DIR (one of them)');
  if (out !== undefined) {
    if (!out.endsWith('.caseed.ndjson'))
      throw new CliError(
        '--out names an NDJSON seed file: *.caseed.ndjson (use --out-dir for bulk .caseed.json files)',
      );
    output = { kind: 'ndjson', path: out };
    rejectsDefault = out.replace(/\.caseed\.ndjson$/, '.rejects.ndjson');
  } else {
    const perFile = Number(str('per-file') ?? '10000');
    if (!Number.isInteger(perFile) || perFile < 1)
      throw new CliError('--per-file must be a positive integer');
    output = { kind: 'bulk', dir: outDir as string, prefix: exportBaseName(input), perFile };
    rejectsDefault = `${outDir as string}/${exportBaseName(input)}.rejects.ndjson`;
  }
  const workersText = str('workers');
  const workers = workersText === undefined ? defaultWorkers() : Number(workersText);
  if (!Number.isInteger(workers) || workers < 0 || workers > 16)
    throw new CliError('--workers must be an integer from 0 to 16');

  const loaded: LoadedDefinitions | undefined = finder.forSeed(resolve(mapPath));
  if (loaded !== undefined) {
    io.out(`${describeDefinitions(loaded)}\n`);
    if (loaded.definitions === undefined)
      throw new CliError(
        `${loaded.display}: the definitions file is broken; fix it or pass --no-definitions`,
      );
  }
  if (output.kind === 'ndjson') {
    const dir = dirname(output.path);
    if (!existsSync(dir)) throw new CliError(`cannot write ${output.path}: no folder ${dir}`);
  }
  const summary = await runImport({
    input,
    format,
    output,
    rejectsPath: str('rejects') ?? rejectsDefault,
    definitions: loaded?.definitions,
    today: localToday(),
    workers,
    fastPath: options['validate-all'] !== true,
    compile: (header) => {
      const c = compileMapping(mapping, header, parsed.locate, loaded?.definitions);
      if (c.builder !== undefined) {
        io.out(`mapping: ${mapPath}\n`);
        for (const n of c.notes) io.out(`  ${n}\n`);
      }
      return c;
    },
  });
  if (summary.compile !== undefined) {
    mappingProblems(io, mapPath, mapText, summary.compile.diagnostics);
    throw new CliError(`${mapPath}: the mapping does not fit ${input} (above); nothing imported`);
  }
  const target =
    output.kind === 'ndjson'
      ? output.path
      : `${summary.files.length} bulk file(s) in ${output.dir}`;
  io.out(`${input} → ${target}\n`);
  for (const line of describeSummary(summary)) io.out(`${line}\n`);
  return summary.rejected > 0 ? EXIT.PROBLEMS : EXIT.OK;
}
