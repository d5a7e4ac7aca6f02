/**
 * `caseed validate [--format text|json|sarif] <files|dirs|globs>`: the same core the editor uses.
 * Each file is read as a stream of bytes and validated user by user as the users complete
 * (core/stream/), so memory does not grow with the file; `*.caseed.ndjson` files are read line by
 * line. Exit 0 when no file has an error, 1 when one does, 2 on bad usage or unreadable input
 * (files that can be read are still reported).
 */
import type { SeedDiagnostic } from '../core/diagnostics';
import type { Definitions } from '../core/definitions/model';
import type { Range } from '../core/positions';
import { formatOfName } from '../core/stream/users';
import { StreamValidator } from '../core/stream/validate';
import { choice, parseArgs } from './args';
import { CliError, EXIT } from './exitCodes';
import { DefinitionsFinder, describeDefinitions } from './definitions';
import type { LoadedDefinitions } from './definitions';
import type { InputFile } from './files';
import { expandInputs } from './files';
import { jsonOutput } from './formatJson';
import { sarifOutput } from './formatSarif';
import { textOutput } from './formatText';
import type { Io } from './io';
import type { ReportOutput } from './report';
import { ChunkedWriter, reported } from './report';
import { streamText } from './streamText';
import { VALIDATE_USAGE } from './usage';

const FORMATS = ['text', 'json', 'sarif'] as const;

/**
 * Streams one file through the validator. `onStart` runs once the file has turned out readable
 * (before its first problem); a `CliError` says why it is not.
 */
function validateFile(
  f: InputFile,
  definitions: Definitions | undefined,
  onStart: () => void,
  onDiagnostic: (d: SeedDiagnostic, range: Range) => void,
): void {
  if (f.problem !== undefined) throw new CliError(f.problem);
  let started = false;
  const validator = new StreamValidator({
    format: formatOfName(f.path),
    definitions,
    onDiagnostic,
  });
  streamText(f.path, f.display, (text) => {
    if (!started) {
      started = true;
      onStart();
    }
    validator.push(text);
  });
  if (!started) onStart();
  validator.end();
}

/** The codes reported over all readable files (SARIF lists its rules before the results). */
function codesUsed(files: readonly InputFile[], finder: DefinitionsFinder): Set<string> {
  const used = new Set<string>();
  for (const f of files) {
    const loaded = f.problem === undefined ? finder.forSeed(f.path) : undefined;
    try {
      validateFile(
        f,
        loaded?.definitions,
        () => {
          for (const d of loaded?.broken?.diagnostics ?? []) used.add(d.code);
        },
        (d) => used.add(d.code),
      );
    } catch (err) {
      if (err instanceof CliError) continue; // reported by the second pass
      throw err;
    }
  }
  return used;
}

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
  // Everything is written as it is found: memory does not grow with the number of problems.
  const writer = new ChunkedWriter((text) => io.out(text));
  const write = (text: string): void => writer.add(text);
  const output: ReportOutput =
    format === 'json'
      ? jsonOutput(write)
      : format === 'sarif'
        ? sarifOutput(write, version, codesUsed(files, finder))
        : textOutput(write);
  let unreadable = 0;
  let hasError = false;
  const announced = new Set<LoadedDefinitions>();
  for (const f of files) {
    const loaded = f.problem === undefined ? finder.forSeed(f.path) : undefined;
    const start = (): void => {
      if (loaded !== undefined && !announced.has(loaded)) {
        // Each definitions file once, when first used: in text, the line naming it; a broken one
        // is a file with problems of its own.
        announced.add(loaded);
        if (format === 'text') write(`${describeDefinitions(loaded)}\n`);
        if (loaded.broken !== undefined) {
          output.file(loaded.display);
          for (const d of loaded.broken.diagnostics) {
            if (d.severity === 'error') hasError = true;
            output.problem(d);
          }
        }
      }
      output.file(f.display);
    };
    try {
      validateFile(f, loaded?.definitions, start, (d, range) => {
        if (d.severity === 'error') hasError = true;
        output.problem(reported(d, range));
      });
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      writer.flush();
      io.err(`caseed: ${err.message}\n`);
      unreadable++;
    }
  }
  output.end(unreadable);
  writer.flush();
  if (unreadable > 0) return EXIT.USAGE;
  return hasError ? EXIT.PROBLEMS : EXIT.OK;
}
