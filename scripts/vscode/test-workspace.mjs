// What the runners of the extension-host suites share (run-e2e, run-web, run-electron): building
// the extension and the suites, and the workspace the suites open — copies of examples/ and
// test/fixtures/, and what the desktop language server (`dist/server.js`, Node, over stdio JSON-RPC)
// reports for each of those files (`expected-diagnostics.json`): the reference the editor's
// diagnostics are compared with in desktop VS Code and in VS Code for the Web (parity.suite.ts).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

function seedFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...seedFiles(p));
    else if (e.name.endsWith('.caseed.json')) out.push(p);
  }
  return out.sort();
}

/** The Node language server over stdio: a JSON-RPC connection (listening) and a `close()`. */
export function startStdioServer(repo) {
  const rpc = require(join(repo, 'node_modules', 'vscode-jsonrpc', 'node.js'));
  const child = spawn(process.execPath, [join(repo, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.on('error', () => undefined);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b.toString()));
  const conn = rpc.createMessageConnection(
    new rpc.StreamMessageReader(child.stdout),
    new rpc.StreamMessageWriter(child.stdin),
  );
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  const close = async () => {
    try {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    } finally {
      conn.dispose();
      child.kill();
    }
  };
  return { conn, close, stderr: () => stderr };
}

/**
 * Opens each file of `folders` (relative to `root`) in one server over stdio and collects the first
 * diagnostics published for it. Resolves `{ files: { "<relative path>": [{severity, code, message,
 * range}] } }`; `onTiming(file, ms)` receives the time from didOpen to publishDiagnostics.
 */
export async function expectedDiagnostics(repo, root, folders, { onTiming } = {}) {
  const { conn, close, stderr } = startStdioServer(repo);
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => waiting.get(p.uri)?.(p));
  conn.listen();
  const files = {};
  try {
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    });
    conn.sendNotification('initialized', {});
    const all = folders.flatMap((f) => seedFiles(join(root, f)));
    for (const file of all) {
      const uri = pathToFileURL(file).toString();
      const text = readFileSync(file, 'utf8');
      const started = performance.now();
      const published = new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no diagnostics for ${file} within 30 s\n${stderr()}`)),
          30_000,
        );
        waiting.set(uri, (p) => {
          clearTimeout(timer);
          resolve(p);
        });
      });
      conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'caseed', version: 1, text },
      });
      const p = await published;
      onTiming?.(relative(root, file), performance.now() - started);
      waiting.delete(uri);
      conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      files[relative(root, file).split('\\').join('/')] = p.diagnostics.map((d) => ({
        severity: SEVERITY[d.severity ?? 1],
        code: String(d.code),
        message: d.message,
        range: d.range,
      }));
    }
  } finally {
    await close();
  }
  return { files };
}

/**
 * The suites' workspace, `<root>/workspace`: copies of examples/ and test/fixtures/, and
 * `expected-diagnostics.json` (the desktop server's diagnostics for every seed file there).
 */
export async function makeTestWorkspace(repo, root) {
  const ws = join(root, 'workspace');
  mkdirSync(join(ws, 'test'), { recursive: true });
  cpSync(join(repo, 'examples'), join(ws, 'examples'), { recursive: true });
  cpSync(join(repo, 'test', 'fixtures'), join(ws, 'test', 'fixtures'), { recursive: true });
  const expected = await expectedDiagnostics(repo, ws, ['examples', 'test/fixtures']);
  writeFileSync(join(ws, 'expected-diagnostics.json'), JSON.stringify(expected, null, 2));
  return ws;
}

/**
 * Builds the extension, then the suites with `suitesScript` into `.test-output/<name>-<pid>` (inside
 * the repository, so that the host can load them; `onStop` registers its removal). Returns the
 * suites' index.js.
 */
export function buildExtensionAndSuites(repo, suitesScript, name, onStop) {
  const suites = join(repo, '.test-output', `${name}-${process.pid}`);
  onStop(() => rmSync(suites, { recursive: true, force: true }));
  const steps = [['scripts/build.mjs'], [suitesScript, '--outdir', suites]];
  for (const args of steps) {
    const r = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0)
      throw new Error(`${args[0]} failed: ${(r.stderr || r.stdout || '').trim()}`);
  }
  return join(suites, 'index.js');
}

/** The suites' results, one line a test, then each failure's first lines. */
export function printResults(results) {
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
