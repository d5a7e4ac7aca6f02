// Start and stop a private code-server (fresh user-data and extensions folders, loopback only) and
// a headless Chromium, for the offline runners: run-e2e.mjs, the UI test and `npm run editor`.
// Everything started here is tracked and killed by `stopAll()`, which the runners call in `finally`
// and from their signal handlers.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, codeServerEntry } from './install-tools.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const cleanups = [];

/** Register something to undo in `stopAll()` (last registered, first undone). */
export function onStop(fn) {
  cleanups.push(fn);
}

/** Undo everything registered, each step bounded; safe to call twice. */
export async function stopAll() {
  while (cleanups.length > 0) {
    const fn = cleanups.pop();
    try {
      await withDeadline(Promise.resolve().then(fn), 10_000, 'cleanup step');
    } catch (err) {
      process.stderr.write(`cleanup: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
}

let stopping = false;

/** True once a signal asked everything to stop. */
export function isStopping() {
  return stopping;
}

/** Kill what was started on Ctrl+C / SIGTERM, then exit. */
export function installSignalHandlers() {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      stopping = true;
      process.stderr.write(`\n${sig}: stopping code-server and Chromium…\n`);
      void stopAll().finally(() => process.exit(130));
    });
  }
}

/**
 * The end of a runner: `main()` with signal handlers installed, everything started stopped after,
 * and the process exits with main's code — 2 with one line (`<label>: could not run <what>: …`)
 * when it threw.
 */
export async function runToExit(label, what, main) {
  installSignalHandlers();
  let code = 2;
  try {
    code = await main();
  } catch (err) {
    console.error(
      `${label}: could not run ${what}: ${err instanceof Error ? err.message : String(err)}`,
    );
    code = 2;
  } finally {
    await stopAll();
  }
  process.exit(code);
}

export function withDeadline(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A temp folder removed at stop (unless `keep` says otherwise when the time comes). */
export function tempDir(prefix, keep = () => false) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onStop(() => {
    if (!keep()) rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/**
 * Start code-server on a free loopback port with fresh user data (workspace trust off unless `trust`)
 * and the given extensions folder. Resolves once `/healthz` answers. `env` reaches the extension host too.
 */
export async function startCodeServer({
  root,
  folder,
  extensionsDir,
  env = {},
  settings = {},
  port: wantedPort,
  trust = false,
}) {
  const userDataDir = join(root, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        ...settings,
      },
      null,
      2,
    ),
  );
  const config = join(root, 'code-server.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const port = wantedPort ?? (await freePort());
  const logFile = join(root, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [
    codeServerEntry(),
    '--config',
    config,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(trust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    folder,
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  const exitedPromise = new Promise((resolve) => {
    child.once('exit', (code) => {
      exited = true;
      resolve(code);
    });
  });
  onStop(() => killGroup(child, () => exited));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited at start (log: ${logFile})`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`code-server did not answer within 60 s (log: ${logFile})`);
    await sleep(200);
  }
  return { url, port, userDataDir, logFile, pid: child.pid, exited: exitedPromise };
}

/** SIGTERM the process group, then SIGKILL if it is still there after 5 s. */
async function killGroup(child, hasExited) {
  if (hasExited() || child.pid === undefined) return;
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 5_000;
  while (!hasExited() && Date.now() < deadline) await sleep(100);
  if (!hasExited()) signal('SIGKILL');
}

/** A `vscode-remote://` URI of an absolute path on the code-server host. */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath}`;
}

/** The workbench URL for `folder`, optionally with development options (`payload`). */
export function workbenchUrl(url, folder, payload) {
  let out = `${url}/?folder=${encodeURIComponent(folder)}`;
  if (payload !== undefined) out += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return out;
}

/** Headless Chromium through playwright-core, closed at stop. */
export async function launchChromium({ viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  onStop(() => browser.close());
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  return { browser, page };
}

/**
 * `caseed emulator` (dist/cli.js) on a free loopback port, stopped at stop. Resolves with its URL
 * once it says it is listening. `args` adds options (e.g. `--delay-ms 1500`).
 */
export async function startEmulatorProcess({ repo, apiKey, apiSecret, args = [], env = {} }) {
  const child = spawn(
    process.execPath,
    [join(repo, 'bin', 'caseed.js'), 'emulator', '--port', '0', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, MPARTICLE_API_KEY: apiKey, MPARTICLE_API_SECRET: apiSecret, ...env },
    },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  onStop(() => killGroup(child, () => exited));
  let out = '';
  const url = await withDeadline(
    new Promise((resolve, reject) => {
      child.stdout.on('data', (b) => {
        out += b.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.stderr.on('data', (b) => (out += b.toString()));
      child.once('exit', (code) =>
        reject(new Error(`caseed emulator exited (${code}): ${out.trim()}`)),
      );
    }),
    20_000,
    'caseed emulator start',
  );
  return { url, pid: child.pid };
}

/** Run a node script of `repo` to its end (bounded); its stdout, or an error naming `what`. */
function runNode(repo, args, what) {
  const r = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) {
    const why = (r.stderr || r.stdout || String(r.error)).trim().split('\n').slice(-5).join(' ');
    throw new Error(`${what} failed: ${why}`);
  }
  return r.stdout;
}

/** The production build packaged with vsce into `root`/caseed.vsix; resolves to its path. */
export function packageVsix({ repo, root }) {
  const vsix = join(root, 'caseed.vsix');
  runNode(repo, ['scripts/build.mjs', '--production'], 'the production build');
  runNode(
    repo,
    [join(repo, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', vsix],
    'vsce package',
  );
  return vsix;
}

/**
 * `vsix` installed into a fresh `root`/extensions folder (with `root`/user-data, as
 * `startCodeServer` uses them); returns that folder.
 */
export function installVsix({ repo, root, vsix }) {
  const extensionsDir = join(root, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  const installed = runNode(
    repo,
    [
      codeServerEntry(),
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      join(root, 'user-data'),
      '--install-extension',
      vsix,
    ],
    'code-server --install-extension',
  );
  if (!/was successfully installed/.test(installed))
    throw new Error(`the .vsix did not install: ${installed.trim()}`);
  return extensionsDir;
}
