/**
 * Desktop-only helpers (Node's file system): the web extension host has no Node, so suites that
 * grep the user-data folder for secrets import this file, not helpers.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` whose bytes contain `needle` (skipping unreadable ones). */
export function filesContaining(dir: string, needle: string, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const p = join(dir, name);
    try {
      const st = statSync(p);
      if (st.isDirectory()) filesContaining(p, needle, out);
      else if (st.isFile() && st.size < 50_000_000 && readFileSync(p).includes(needle)) out.push(p);
    } catch {
      // vanished or unreadable
    }
  }
  return out;
}
