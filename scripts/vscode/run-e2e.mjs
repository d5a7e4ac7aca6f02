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
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  installVsix,
  packageVsix,
  launchChromium,
  onStop,
  remoteUri,
  sleep,
  startCodeServer,
  runToExit,
  tempDir,
  workbenchUrl,
} from './code-server.mjs';
import { ensureTools } from './install-tools.mjs';
import { option } from './args.mjs';
import { buildExtensionAndSuites, makeTestWorkspace, printResults } from './test-workspace.mjs';

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

/** The installed .vsix carries both builds: desktop (client, server) and web (web, server-web). */
function checkBundles(extensionsDir) {
  const [folder] = readdirSync(extensionsDir).filter((n) => n.startsWith('caseed.caseed-'));
  if (folder === undefined) throw new Error(`caseed is not in ${extensionsDir}`);
  for (const f of ['client.js', 'server.js', 'web.js', 'server-web.js']) {
    if (!existsSync(join(extensionsDir, folder, 'dist', f)))
      throw new Error(`the .vsix lacks dist/${f}`);
  }
}

async function main() {
  const started = Date.now();
  let failed = true;
  const root = tempDir('caseed-e2e-', () => keep || failed);
  ensureTools();
  const suitesIndex = buildExtensionAndSuites(
    repo,
    'scripts/vscode/build-tests.mjs',
    'e2e-suites',
    onStop,
  );
  say(`tools ready, extension and suites built (${Math.round((Date.now() - started) / 1000)} s)`);
  const workspace = await makeTestWorkspace(repo, root);
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

await runToExit('e2e', 'the integration suites', main);
