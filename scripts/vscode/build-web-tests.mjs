// Bundles the suites VS Code for the Web runs (test/web/index.ts: the portable suites of
// test/integration/suite plus test/web/suite) into one browser script, `<outdir>/index.js`, loaded by
// the web extension host as `extensionTestsPath`. `vscode` comes from the host. There is no Node
// there: `node:assert/strict` becomes npm's `assert` (its `strict`), with a small `process` shim so
// that a failing assertion is an AssertionError (see shared/reference/vscode-web-offline.md).
//   node scripts/vscode/build-web-tests.mjs --outdir DIR   (inside the repository)
import * as esbuild from 'esbuild';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const i = process.argv.indexOf('--outdir');
const outdir = resolve(i >= 0 ? process.argv[i + 1] : '.test-output/web-suites');
mkdirSync(outdir, { recursive: true });
const shim = join(outdir, 'assert-strict.cjs');
writeFileSync(shim, "module.exports = require('assert').strict;\n");

/** `node:assert/strict`, `node:assert`, `assert/strict` → npm's assert@2, strict flavour. */
const assertPlugin = {
  name: 'assert-strict',
  setup(build) {
    build.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, (args) =>
      args.importer === shim ? undefined : { path: shim },
    );
    build.onResolve({ filter: /^assert$/ }, () => undefined);
  },
};

await esbuild.build({
  entryPoints: { index: 'test/web/index.ts' },
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'cjs',
  outdir,
  external: ['vscode'],
  plugins: [assertPlugin],
  define: { 'process.env.NODE_DEBUG': 'false' },
  banner: {
    js: "var process = globalThis.process || { env: {}, argv: [], platform: 'browser', version: '', versions: {}, nextTick: (f, ...a) => queueMicrotask(() => f(...a)), cwd: () => '/', emitWarning: () => {} };",
  },
  sourcemap: 'inline',
  logLevel: 'warning',
});
