// The whole test run, fastest layer first: core, server over JSON-RPC, CLI, then the extension inside
// a real VS Code (test/integration). Each layer is a node:test run of its own folder.
import { spawnSync } from 'node:child_process';
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
let failed = false;
for (const layer of layers) {
  const files = testFiles(layer);
  if (files.length === 0) continue;
  console.log(`\n── ${layer} (${files.length} files)`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
