/**
 * What `caseed validate <files|dirs|globs>` checks: a file as given; every `*.caseed.json` below a
 * directory (recursively, skipping `node_modules` and hidden folders); every file a glob matches.
 * Each file keeps the name the user would recognise: the path as given, or as found under the
 * directory or glob base they gave.
 */
import { statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { CliError } from './exitCodes';
import { globToRegExp, isGlob, listFiles, splitGlob } from './glob';

export const SEED_SUFFIX = '.caseed.json';

export interface InputFile {
  /** The path shown in reports (as given, or joined under the directory/glob base given). */
  display: string;
  /** The path to read. */
  path: string;
}

function under(dir: string, rel: string): string {
  const relNative = sep === '/' ? rel : rel.split('/').join(sep);
  if (dir === '' || dir === '.') return relNative;
  return dir.endsWith('/') || dir.endsWith(sep) ? dir + relNative : dir + sep + relNative;
}

function statOf(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The glob's matcher; a pattern no regular expression can hold (`[z-a]`) is a usage error. */
function matcherOf(rest: string, input: string): RegExp {
  try {
    return globToRegExp(rest);
  } catch {
    throw new CliError(`invalid pattern ${input}`);
  }
}

function expandOne(input: string): InputFile[] {
  const stat = statOf(input);
  if (stat?.isDirectory() === true) {
    const found = listFiles(input, true).filter((f) => f.endsWith(SEED_SUFFIX));
    if (found.length === 0) throw new CliError(`no *${SEED_SUFFIX} files in ${input}`);
    return found.map((rel) => ({ display: under(input, rel), path: under(input, rel) }));
  }
  if (stat !== undefined || !isGlob(input)) {
    // A file (or something missing: reading it reports why, with exit code 2).
    return [{ display: input, path: input }];
  }
  const pattern = sep === '/' ? input : input.split(sep).join('/');
  const { base, rest } = splitGlob(pattern);
  const matcher = matcherOf(rest, input);
  const recursive = rest.includes('/') || rest.includes('**');
  const baseDir = base === '' ? '.' : base;
  const found = listFiles(baseDir, recursive).filter((rel) => matcher.test(rel));
  if (found.length === 0) throw new CliError(`no files match ${input}`);
  return found.map((rel) => ({ display: under(base, rel), path: under(baseDir, rel) }));
}

/** Expand every input; the same file reached twice is checked once. */
export function expandInputs(inputs: readonly string[]): InputFile[] {
  const seen = new Set<string>();
  const out: InputFile[] = [];
  for (const input of inputs) {
    for (const f of expandOne(input)) {
      const key = resolve(f.path);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}
