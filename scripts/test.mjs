// The whole test run, fastest layer first: core, language server over JSON-RPC, CLI, sender over
// loopback HTTP, then the extension inside a real VS Code (test/integration). Each layer is one
// node:test run; the closing line adds them up. `node scripts/test.mjs core` runs one layer.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

const only = process.argv[2];
const layers = ['test/core', 'test/server', 'test/cli', 'test/send', 'test/integration'].filter(
  (l) => only === undefined || l.endsWith(only),
);
const totals = { pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
const failedLayers = [];

/** Runs one layer, its spec report streamed to this terminal and kept to read the counts from. */
function runLayer(files) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-concurrency=1',
        // A test file whose tests all ended exits even if a handle it opened lingers.
        '--test-force-exit',
        '--test-reporter=spec',
        ...files,
      ],
      { stdio: ['inherit', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      out += chunk;
    });
    child.on('close', (status, signal) => resolve({ status: signal ? 1 : status, out }));
  });
}

for (const layer of layers) {
  const files = testFiles(layer);
  if (files.length === 0) continue;
  console.log(`\n── ${layer} (${files.length} files)`);
  const r = await runLayer(files);
  // The spec reporter closes with "ℹ pass N", "ℹ fail N", … for the whole layer.
  const failsBefore = totals.fail;
  let counted = false;
  for (const key of Object.keys(totals)) {
    const m = new RegExp(`^\\S* ${key} (\\d+)\\s*$`, 'm').exec(r.out.slice(-4000));
    if (m) {
      totals[key] += Number(m[1]);
      counted = true;
    }
  }
  if (r.status !== 0 || !counted) {
    failedLayers.push(layer);
    // A layer that died without reporting a failing test still counts as one failure.
    if (totals.fail === failsBefore) totals.fail += 1;
  }
}
if (failedLayers.length > 0) console.log(`\nFailed layers: ${failedLayers.join(', ')}`);
console.log(
  `\n${totals.pass} passed, ${totals.fail + totals.cancelled} failed, ${totals.skipped + totals.todo} skipped`,
);
process.exit(failedLayers.length > 0 ? 1 : 0);
