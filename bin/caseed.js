#!/usr/bin/env node
'use strict';
// The CLI entry point: the bundle is built by `npm run build` (scripts/build.mjs).
// `caseed import` streams millions of rows: it runs with a bounded heap (V8 otherwise lets garbage
// pile up to hundreds of MB before collecting), which V8 only takes as start-up flags.
if (process.argv[2] === 'import' && process.env.CASEED_IMPORT_CHILD !== '1') {
  const { spawnSync } = require('node:child_process');
  const flags = ['--max-old-space-size=128', '--max-semi-space-size=8'];
  const r = spawnSync(process.execPath, [...flags, __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, CASEED_IMPORT_CHILD: '1' },
  });
  if (r.signal) process.kill(process.pid, r.signal);
  process.exit(r.status === null ? 2 : r.status);
}
try {
  require('../dist/cli.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/cli.js')) {
    process.stderr.write('caseed: the CLI is not built yet; run `npm run build` first.\n');
    process.exit(2);
  }
  throw e;
}
