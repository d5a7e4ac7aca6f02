// One esbuild script for every bundle: the extension client, the language server, the CLI and the
// benchmark. `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'client/extension.ts', out: 'client', external: ['vscode'] },
  { in: 'server/main.ts', out: 'server', external: [] },
  { in: 'cli/main.ts', out: 'cli', external: [] },
  { in: 'bench/bench.ts', out: 'bench', external: ['vscode-json-languageservice'] },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: { [e.out]: e.in },
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      outdir: 'dist',
      external: e.external,
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('caseed: watching for changes…');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
