#!/usr/bin/env node
'use strict';
// The CLI entry point: the bundle is built by `npm run build` (scripts/build.mjs).
try {
  require('../dist/cli.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/cli.js')) {
    process.stderr.write('caseed: the CLI is not built yet; run `npm run build` first.\n');
    process.exit(2);
  }
  throw e;
}
