// The same integration suites through @vscode/test-electron, the ecosystem's standard runner: it
// downloads a VS Code build (so it needs internet; offline, use run-e2e.mjs), opens a temp copy of
// examples/ and test/fixtures/ (with the desktop server's diagnostics, for the parity suite) with
// fresh user data, and runs dist/test/integration/index.js in the extension host.
// Build first: `npm run test:electron` does (build.mjs + build-tests.mjs).
//   node scripts/vscode/run-electron.mjs [--grep <pattern>] [--version <vscode version>]
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { option } from './args.mjs';
import { makeTestWorkspace } from './test-workspace.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const suites = join(repo, 'dist/test/integration/index.js');
if (!existsSync(suites) || !existsSync(join(repo, 'dist/client.js'))) {
  console.error(
    'electron: build first (node scripts/build.mjs && node scripts/vscode/build-tests.mjs)',
  );
  process.exit(2);
}

const root = mkdtempSync(join(tmpdir(), 'caseed-electron-'));
const userData = join(root, 'user-data');
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none' }),
);
const workspace = await makeTestWorkspace(repo, root);
const resultsFile = join(root, 'results.json');

let code = 2;
const timer = setTimeout(() => {
  console.error('electron: no result within 10 minutes');
  process.exit(2);
}, 600_000);
try {
  await runTests({
    version: option('--version', 'stable'),
    extensionDevelopmentPath: repo,
    extensionTestsPath: suites,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--user-data-dir',
      userData,
    ],
    extensionTestsEnv: {
      CASEED_E2E_RESULTS: resultsFile,
      CASEED_E2E_GREP: option('--grep', ''),
      CASEED_E2E_USER_DATA: userData,
    },
  });
  code = 0;
} catch (err) {
  code = existsSync(resultsFile) ? 1 : 2;
  if (code === 2) {
    console.error(
      `electron: could not run VS Code (${err instanceof Error ? err.message : String(err)}); offline, use npm run test:e2e`,
    );
  }
} finally {
  clearTimeout(timer);
}
if (existsSync(resultsFile)) {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  for (const t of r.tests.filter((x) => x.state === 'failed'))
    console.log(`✖ ${t.title}\n${t.error}\n`);
  console.log(`electron: ${r.passed} passed, ${r.failed} failed, ${r.pending} pending`);
}
rmSync(root, { recursive: true, force: true });
process.exit(code);
