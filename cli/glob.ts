/**
 * Just enough globbing for patterns the shell did not expand (quoted, or on Windows):
 * `*` (within one path segment), `**` (any number of segments), `?`, `[abc]` and `{a,b}`.
 * Node 20 has no `fs.globSync`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const GLOB_CHARS = /[*?[\]{}]/;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** A regular expression for a whole `/`-separated relative path. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const atSegmentStart = i === 0 || pattern[i - 1] === '/';
        const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          if (pattern[i + 2] === '/') {
            re += '(?:[^/]+/)*'; // `**/`: zero or more directories
            i += 2;
          } else {
            re += '.*'; // trailing `**`: everything below
            i += 1;
          }
          continue;
        }
        i += 1; // `a**b` is just `*`
      }
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) {
        re += '\\[';
      } else {
        let body = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) {
      re += '|';
    } else {
      re += c.replace(/[.+^$()|\\{}]/g, '\\$&');
    }
  }
  re += ')'.repeat(braces);
  return new RegExp(`^${re}$`);
}

/** Split a pattern into the directory to walk (no glob characters) and the rest. */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const parts = pattern.split('/');
  let n = 0;
  while (n < parts.length - 1 && !isGlob(parts[n])) n++;
  const baseParts = parts.slice(0, n);
  const base = baseParts.join('/');
  return {
    base: base === '' && pattern.startsWith('/') ? '/' : base,
    rest: parts.slice(n).join('/'),
  };
}

/** Directories never walked into: dependencies and hidden folders (`.git`, `.vscode`, …). */
export function skipDirectory(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/**
 * What a walk finds: a regular file, a symbolic link (not followed here), anything else that is not
 * a directory (a FIFO, socket or device: listed so that a matching name is refused, never read), or
 * a directory it could not read.
 */
export type Found =
  | { rel: string; kind: 'file' | 'link' | 'special' }
  | { rel: string; kind: 'unreadable-dir'; reason: string };

function reasonOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

/**
 * Everything below `dir` but directories (relative paths with `/`, sorted), walking subdirectories
 * only when `recursive`. Symbolic links are listed, never walked into (no loops, nothing outside
 * the tree through a linked folder); a directory that cannot be read is listed as such.
 */
export function listFiles(dir: string, recursive: boolean): Found[] {
  const out: Found[] = [];
  const walk = (abs: string, rel: string): void => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      out.push({ rel, kind: 'unreadable-dir', reason: reasonOf(err) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const relPath = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (recursive && !skipDirectory(e.name)) walk(join(abs, e.name), relPath);
      } else if (e.isFile()) {
        out.push({ rel: relPath, kind: 'file' });
      } else if (e.isSymbolicLink()) {
        out.push({ rel: relPath, kind: 'link' });
      } else {
        out.push({ rel: relPath, kind: 'special' });
      }
    }
  };
  walk(dir, '');
  return out;
}
