/**
 * What `caseed validate <files|dirs|globs>` checks: a file as given; every `*.caseed.json` (and
 * NDJSON `*.caseed.ndjson`) below a
 * directory (recursively, skipping `node_modules` and hidden folders); every file a glob matches.
 * Each file keeps the name the user would recognise: the path as given, or as found under the
 * directory or glob base they gave.
 *
 * Walks never leave the tree: a symbolic link found in a walk is followed only when it resolves to
 * a place inside the directory walked (the glob's base), and links to folders are never walked
 * into. A link out of the tree, a broken link and a folder that cannot be read are reported (exit
 * 2), never read; FIFOs, sockets and devices are refused when read (cli/readText.ts).
 */
import { realpathSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { CliError } from './exitCodes';
import type { Found } from './glob';
import { globToRegExp, isGlob, listFiles, splitGlob } from './glob';

export const SEED_SUFFIX = '.caseed.json';
/** NDJSON seed files (one user per line), found by directory walks beside `SEED_SUFFIX`. */
export const NDJSON_SUFFIX = '.caseed.ndjson';

function isSeedFile(rel: string): boolean {
  return rel.endsWith(SEED_SUFFIX) || rel.endsWith(NDJSON_SUFFIX);
}

export interface InputFile {
  /** The path shown in reports (as given, or joined under the directory/glob base given). */
  display: string;
  /** The path to read. */
  path: string;
  /** Why it is not read (a link out of the tree, a folder that cannot be read): reported, exit 2. */
  problem?: string;
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

function realOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** The walk's findings as files to read, links checked against the tree's real root. */
function walked(
  found: readonly Found[],
  matches: (rel: string) => boolean,
  shownRoot: string,
  readRoot: string,
): InputFile[] {
  const realRoot = realOf(readRoot) ?? resolve(readRoot);
  const inside = (real: string): boolean =>
    real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  const out: InputFile[] = [];
  for (const f of found) {
    const display = under(shownRoot, f.rel);
    const path = under(readRoot, f.rel);
    if (f.kind === 'unreadable-dir') {
      const name = f.rel === '' ? readRoot : display;
      out.push({ display, path, problem: `cannot read directory ${name}: ${f.reason}` });
      continue;
    }
    if (!matches(f.rel)) continue;
    if (f.kind === 'link') {
      const real = realOf(path);
      if (real === undefined) {
        out.push({
          display,
          path,
          problem: `cannot read ${display}: a broken symbolic link (or a loop)`,
        });
        continue;
      }
      if (!inside(real)) {
        out.push({
          display,
          path,
          problem: `not reading ${display}: a symbolic link to outside ${readRoot} (give the file itself to check it)`,
        });
        continue;
      }
    }
    out.push({ display, path });
  }
  return out;
}

function expandOne(input: string): InputFile[] {
  const stat = statOf(input);
  if (stat?.isDirectory() === true) {
    const found = walked(listFiles(input, true), isSeedFile, input, input);
    if (found.length === 0) throw new CliError(`no *${SEED_SUFFIX} files in ${input}`);
    return found;
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
  const found = walked(listFiles(baseDir, recursive), (rel) => matcher.test(rel), base, baseDir);
  if (found.length === 0) throw new CliError(`no files match ${input}`);
  return found;
}

/** Expand every input; the same file reached twice (by a link, too) is checked once. */
export function expandInputs(inputs: readonly string[]): InputFile[] {
  const seen = new Set<string>();
  const out: InputFile[] = [];
  for (const input of inputs) {
    for (const f of expandOne(input)) {
      const key = f.problem === undefined ? (realOf(f.path) ?? resolve(f.path)) : resolve(f.path);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}
