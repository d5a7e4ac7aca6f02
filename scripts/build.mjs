// One esbuild script for every bundle, from the same sources: the extension client and the language
// server twice — for desktop VS Code (Node: `client.js`, `server.js`) and for VS Code for the Web
// (browser: `web.js`, the extension's `"browser"` entry, and `server-web.js`, the server in a web
// worker) — then the CLI and the benchmark. `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const node = { platform: 'node', target: 'node18', format: 'cjs' };
// The web extension host loads `web.js` as CommonJS with `vscode` provided; the server is a plain
// worker script. Neither has Node's globals.
const browser = {
  platform: 'browser',
  target: 'es2022',
  define: { 'process.env.NODE_DEBUG': 'false' },
};
const CLI_EXTERNAL = ['undici', 'vscode-languageserver', 'vscode-languageserver/*'];
const entries = [
  { in: 'client/extension.ts', out: 'client', external: ['vscode'], ...node },
  { in: 'server/main.ts', out: 'server', external: [], ...node },
  { in: 'client/web.ts', out: 'web', external: ['vscode'], ...browser, format: 'cjs' },
  { in: 'server/web.ts', out: 'server-web', external: [], ...browser, format: 'iife' },
  // The CLI loads its HTTP client and the language server from node_modules when a command needs
  // them (they are dependencies), so `caseed validate` starts without compiling a megabyte of them.
  { in: 'cli/main.ts', out: 'cli', external: CLI_EXTERNAL, ...node },
  { in: 'cli/importWorker.ts', out: 'importWorker', external: [], ...node },
  { in: 'bench/importBench.ts', out: 'benchImport', external: [], ...node },
  { in: 'bench/bench.ts', out: 'bench', external: ['vscode-json-languageservice'], ...node },
  { in: 'bench/send.ts', out: 'bench-send', external: [], ...node },
  { in: 'bench/abValidate.ts', out: 'abValidate', external: [], ...node },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map(({ in: entry, out, ...options }) =>
    esbuild.context({
      entryPoints: { [out]: entry },
      bundle: true,
      outdir: 'dist',
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
      ...options,
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
