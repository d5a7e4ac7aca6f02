/**
 * `caseed validate [--format text|json|sarif] <files|dirs|globs>`: the same core the editor uses,
 * with `keepTree: false` so each user of a huge bulk file is checked and dropped.
 * Exit 0 when no file has an error, 1 when one does, 2 on bad usage or unreadable input
 * (files that can be read are still reported).
 */
import { validate } from '../core/validate';
import { choice, parseArgs } from './args';
import { CliError, EXIT } from './exitCodes';
import { DefinitionsFinder, describeDefinitions } from './definitions';
import { expandInputs } from './files';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import type { Io } from './io';
import { readText } from './readText';
import type { FileReport } from './report';
import { reportFile } from './report';
import { VALIDATE_USAGE } from './usage';

const FORMATS = ['text', 'json', 'sarif'] as const;

export function runValidate(argv: readonly string[], io: Io, version: string): number {
  const { options, positionals } = parseArgs(
    argv,
    {
      format: { type: 'string', short: 'f' },
      definitions: { type: 'string' },
      'no-definitions': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'validate',
  );
  if (options.help === true) {
    io.out(VALIDATE_USAGE);
    return EXIT.OK;
  }
  const format = choice(options.format, 'format', FORMATS, 'text');
  if (positionals.length === 0) {
    throw new CliError(
      'validate needs at least one file, directory or glob (see `caseed validate --help`)',
    );
  }

  const finder = new DefinitionsFinder(
    typeof options.definitions === 'string' ? options.definitions : undefined,
    options['no-definitions'] === true,
  );
  const files = expandInputs(positionals);
  const reports: FileReport[] = [];
  let unreadable = 0;
  for (const f of files) {
    let text: string;
    try {
      text = readText(f.path, f.display);
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      io.err(`caseed: ${err.message}\n`);
      unreadable++;
      continue;
    }
    const definitions = finder.forSeed(f.path)?.definitions;
    const result = validate(text, { keepTree: false, definitions });
    reports.push(reportFile(f.display, text, result.diagnostics, result.lineStarts));
  }

  // A broken definitions file is a file with problems of its own, reported first.
  const broken = finder.all().flatMap((l) => (l.broken === undefined ? [] : [l.broken]));
  reports.unshift(...broken);
  if (format === 'text') for (const l of finder.all()) io.out(`${describeDefinitions(l)}\n`);
  io.out(
    format === 'json'
      ? formatJson(reports)
      : format === 'sarif'
        ? formatSarif(reports, version)
        : formatText(reports, unreadable),
  );
  if (unreadable > 0) return EXIT.USAGE;
  const hasError = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  return hasError ? EXIT.PROBLEMS : EXIT.OK;
}
