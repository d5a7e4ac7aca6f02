// The integration suites inside a real VS Code extension host, offline: installs code-server and
// Chromium when missing (install-tools.mjs), builds the extension and the suites, starts
// code-server on a free loopback port with fresh user data, opens the workbench in headless
// Chromium with the development `payload` (extensionDevelopmentPath + extensionTestsPath), waits for
// the results file the suites' `run()` writes, prints them, and stops everything it started.
// Exit 0 = all passed; 1 = a test failed; 2 = could not run (one line says why). Never hangs.
// `--restricted` opens the folder untrusted (workspace trust on, no startup prompt: Restricted
// Mode) and runs only the Restricted Mode suite against the packaged extension: the .vsix installed
// as a user installs it (an extension under development is exempt from Restricted Mode, so only an
// installed one shows what the manifest's `capabilities` allow); the development path is then an
// empty harness extension that only carries the tests.
//   node scripts/vscode/run-e2e.mjs [--grep <pattern>] [--timeout <seconds>] [--keep] [--json <file>]
//                                   [--restricted]
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  installSignalHandlers,
  installVsix,
  packageVsix,
  launchChromium,
  onStop,
  remoteUri,
  sleep,
  startCodeServer,
  stopAll,
  tempDir,
  workbenchUrl,
} from './code-server.mjs';
import { ensureTools } from './install-tools.mjs';
import { option } from './args.mjs';
import { writeExpectedDiagnostics } from './expected-diagnostics.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const timeoutS = Number(option('--timeout', '420'));
const restricted = process.argv.includes('--restricted');
const grep = restricted ? 'Restricted Mode' : option('--grep', '');
const keep = process.argv.includes('--keep');
const quiet = process.argv.includes('--quiet');
const jsonOut = option('--json', '');

function say(line) {
  if (!quiet) process.stderr.write(`e2e: ${line}\n`);
}

/** Builds the extension, and the suites into a folder of this run's own (removed at the end). */
function build() {
  const suites = join(repo, '.test-output', `e2e-suites-${process.pid}`);
  onStop(() => rmSync(suites, { recursive: true, force: true }));
  const steps = [['scripts/build.mjs'], ['scripts/vscode/build-tests.mjs', '--outdir', suites]];
  for (const args of steps) {
    const r = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0)
      throw new Error(`${args[0]} failed: ${(r.stderr || r.stdout || '').trim()}`);
  }
  return join(suites, 'index.js');
}

/**
 * The temp workspace: copies of examples/ and test/fixtures/ (the suites copy from there), and what
 * the desktop server reports for them (`expected-diagnostics.json`, for parity.suite.ts).
 */
async function makeWorkspace(root) {
  const ws = join(root, 'workspace');
  mkdirSync(join(ws, 'test'), { recursive: true });
  if (existsSync(join(repo, 'examples')))
    cpSync(join(repo, 'examples'), join(ws, 'examples'), { recursive: true });
  cpSync(join(repo, 'test', 'fixtures'), join(ws, 'test', 'fixtures'), { recursive: true });
  await writeExpectedDiagnostics(repo, ws, ['examples', 'test/fixtures']);
  return ws;
}

/** The installed .vsix carries both builds: desktop (client, server) and web (web, server-web). */
function checkBundles(extensionsDir) {
  const [folder] = readdirSync(extensionsDir).filter((n) => n.startsWith('caseed.caseed-'));
  if (folder === undefined) throw new Error(`caseed is not in ${extensionsDir}`);
  for (const f of ['client.js', 'server.js', 'web.js', 'server-web.js']) {
    if (!existsSync(join(extensionsDir, folder, 'dist', f)))
      throw new Error(`the .vsix lacks dist/${f}`);
  }
}

function printResults(results) {
  for (const t of results.tests) {
    const mark = t.state === 'passed' ? '✔' : t.state === 'failed' ? '✖' : '-';
    const ms = t.durationMs !== undefined ? ` (${t.durationMs} ms)` : '';
    console.log(`  ${mark} ${t.title}${ms}`);
  }
  for (const t of results.tests.filter((x) => x.state === 'failed')) {
    console.log(`\n✖ ${t.title}\n${(t.error ?? '').split('\n').slice(0, 12).join('\n')}`);
  }
  if (results.error) console.log(`\nthe suites did not load: ${results.error}`);
}

async function main() {
  const started = Date.now();
  let failed = true;
  const root = tempDir('caseed-e2e-', () => keep || failed);
  ensureTools();
  const suitesIndex = build();
  say(`tools ready, extension and suites built (${Math.round((Date.now() - started) / 1000)} s)`);
  const workspace = await makeWorkspace(root);
  const resultsFile = join(root, 'results.json');
  let extensionsDir = join(root, 'extensions');
  let developmentPath = repo;
  if (restricted) {
    const vsix = packageVsix({ repo, root });
    extensionsDir = installVsix({ repo, root, vsix });
    checkBundles(extensionsDir);
    developmentPath = join(root, 'harness');
    mkdirSync(developmentPath, { recursive: true });
    writeFileSync(
      join(developmentPath, 'package.json'),
      JSON.stringify({
        name: 'caseed-test-harness',
        publisher: 'caseed',
        version: '0.0.0',
        engines: { vscode: '*' },
      }),
    );
    say(`packaged and installed the .vsix (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  mkdirSync(extensionsDir, { recursive: true });
  const server = await startCodeServer({
    root,
    folder: workspace,
    extensionsDir,
    env: {
      CASEED_E2E_RESULTS: resultsFile,
      CASEED_E2E_GREP: grep,
      CASEED_E2E_USER_DATA: join(root, 'user-data'),
    },
    ...(restricted
      ? {
          trust: true,
          settings: {
            'security.workspace.trust.enabled': true,
            'security.workspace.trust.startupPrompt': 'never',
          },
        }
      : {}),
  });
  say(`code-server on ${server.url} (${Math.round((Date.now() - started) / 1000)} s)`);
  const { page } = await launchChromium();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server.port, developmentPath)],
    ['extensionTestsPath', remoteUri(server.port, suitesIndex)],
  ];
  await page.goto(workbenchUrl(server.url, workspace, payload), {
    timeout: 60_000,
    waitUntil: 'domcontentloaded',
  });
  say(`workbench loaded (${Math.round((Date.now() - started) / 1000)} s)`);
  const deadline = Date.now() + timeoutS * 1000;
  while (!existsSync(resultsFile)) {
    if (Date.now() > deadline) {
      const tail = consoleLines
        .filter((l) => /error/i.test(l))
        .slice(-8)
        .join('\n');
      throw new Error(
        `no results within ${timeoutS} s (code-server log: ${server.logFile})${tail ? `\nbrowser errors:\n${tail}` : ''}`,
      );
    }
    await sleep(250);
  }
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
  printResults(results);
  const secs = Math.round((Date.now() - started) / 1000);
  console.log(
    `\ne2e: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending in ${secs} s`,
  );
  failed = results.failed > 0 || results.passed === 0;
  if (results.passed + results.failed === 0) {
    console.log('e2e: no test ran (a --grep that matched nothing, or suites that did not load)');
  }
  if (failed) {
    say(`kept ${root} (code-server log: ${server.logFile})`);
    return 1;
  }
  return 0;
}

installSignalHandlers();
let code = 2;
try {
  code = await main();
} catch (err) {
  console.error(
    `e2e: could not run the integration suites: ${err instanceof Error ? err.message : String(err)}`,
  );
  code = 2;
} finally {
  await stopAll();
}
process.exit(code);
