// Bundles the integration suites (test/integration/suite/*.ts) into dist/test/integration/, where
// the extension host loads them: index.js (the `run()` entry) and one `<name>.suite.js` per suite.
// `vscode` comes from the host and mocha from the project's node_modules, so both stay external.
// `--outdir DIR` (inside the repository, so that mocha resolves) builds elsewhere: run-e2e.mjs uses
// a folder of its own, so a concurrent build never rewrites the files a running host loads.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const i = process.argv.indexOf('--outdir');
const outdir = i >= 0 ? process.argv[i + 1] : 'dist/test/integration';
const dir = 'test/integration/suite';
const entryPoints = {};
for (const name of readdirSync(dir)) {
  if (name === 'index.ts' || name.endsWith('.suite.ts')) {
    entryPoints[name.replace(/\.ts$/, '')] = join(dir, name);
  }
}

await esbuild.build({
  entryPoints,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  outdir,
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
