/**
 * Where the definitions file of a seed file is: the nearest `caseed.definitions.json` up from the
 * seed file's folder, as `tsconfig.json` is found. Pure URI arithmetic: the shells (CLI with the
 * file system, the VS Code client with `workspace.fs`, also in the browser) try each candidate in
 * order and take the first that exists.
 */
import { DEFINITIONS_FILE_NAME } from './model';

/**
 * The candidate definitions URIs for a seed file URI (`file:///a/b/x.caseed.json` →
 * `file:///a/b/caseed.definitions.json`, `file:///a/caseed.definitions.json`,
 * `file:///caseed.definitions.json`), nearest first. Query and fragment are dropped.
 */
export function definitionsCandidates(seedUri: string): string[] {
  const m = /^([a-zA-Z][\w+.-]*:\/\/[^/?#]*)([^?#]*)/.exec(seedUri);
  if (m === null) return [];
  const prefix = m[1];
  const parts = m[2].split('/');
  parts.pop(); // the seed file's own name
  const out: string[] = [];
  while (parts.length > 0) {
    out.push(`${prefix}${parts.join('/')}/${DEFINITIONS_FILE_NAME}`);
    parts.pop();
  }
  return out;
}

/** True for a URI or path whose file name is `caseed.definitions.json`. */
export function isDefinitionsFile(uriOrPath: string): boolean {
  const clean = uriOrPath.replace(/[?#].*$/, '');
  const name = clean.slice(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1);
  return decodeURIComponent(name) === DEFINITIONS_FILE_NAME;
}
