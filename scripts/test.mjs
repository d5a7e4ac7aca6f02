// The whole test run, fastest layer first: core, language server over JSON-RPC, CLI, sender over
// loopback HTTP, then the extension inside a real VS Code (test/integration). Each layer is one
// node:test run; the closing line adds them up. `node scripts/test.mjs core` runs one layer.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const tmp = mkdtempSync(join(tmpdir(), 'caseed-test-'));
const totals = { pass: 0, fail: 0, skipped: 0, todo: 0 };
const failedLayers = [];
for (const layer of layers) {
  const files = testFiles(layer);
  if (files.length === 0) continue;
  console.log(`\n── ${layer} (${files.length} files)`);
  const tap = join(tmp, `${layer.replace(/\W/g, '_')}.tap`);
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=1',
      // A test file whose tests all ended exits even if a handle it opened lingers (a stray socket
      // once kept test/server/definitions.test.ts alive after its last test, hanging the run).
      '--test-force-exit',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { stdio: 'inherit' },
  );
  const report = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const failsBefore = totals.fail;
  for (const key of Object.keys(totals)) {
    const m = new RegExp(`^# ${key} (\\d+)$`, 'm').exec(report);
    if (m) totals[key] += Number(m[1]);
  }
  if (r.status !== 0) {
    failedLayers.push(layer);
    // A layer that died without reporting a failing test still counts as one failure.
    if (totals.fail === failsBefore) totals.fail += 1;
  }
}
rmSync(tmp, { recursive: true, force: true });
if (failedLayers.length > 0) console.log(`\nFailed layers: ${failedLayers.join(', ')}`);
if (totals.pass + totals.fail + totals.skipped + totals.todo === 0 && failedLayers.length === 0)
  // --test-force-exit can end a run before its TAP file has its summary: each layer printed its own.
  console.log('\nAll layers passed (the counts of each layer are printed above).');
else
  console.log(
    `\n${totals.pass} passed, ${totals.fail} failed, ${totals.skipped + totals.todo} skipped`,
  );
process.exit(failedLayers.length > 0 ? 1 : 0);
