/**
 * Make sure the bundles the process tests spawn are up to date: `npm test` builds first, but a
 * single test file run directly rebuilds when a source file is newer than `dist/`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const SOURCES = ['core', 'contract', 'server', 'cli', 'package.json'];
const BUNDLES = ['dist/server.js', 'dist/cli.js'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

export function ensureBuilt(): void {
  const bundles = BUNDLES.map((b) => join(ROOT, b));
  const built = bundles.every((b) => existsSync(b))
    ? Math.min(...bundles.map((b) => statSync(b).mtimeMs))
    : 0;
  const sources = Math.max(
    ...SOURCES.map((s) => join(ROOT, s))
      .filter(existsSync)
      .map(newest),
  );
  if (built >= sources) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}
