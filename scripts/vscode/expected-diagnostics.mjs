// What the desktop language server (`dist/server.js`, Node, over stdio JSON-RPC) reports for every
// seed file under a folder: the reference the editor's diagnostics are compared with, in desktop
// VS Code and in VS Code for the Web (test/integration/suite/parity.suite.ts). Written by the
// runners to `<workspace>/expected-diagnostics.json` before the suites start.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * Opens each file of `folders` (relative to `root`) in one server over stdio and collects the first
 * diagnostics published for it. Resolves `{ files: { "<relative path>": [{severity, code, message,
 * range}] } }`; `onTiming(file, ms)` receives the time from didOpen to publishDiagnostics.
 */
export async function expectedDiagnostics(repo, root, folders, { onTiming } = {}) {
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
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => waiting.get(p.uri)?.(p));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
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
          () => reject(new Error(`no diagnostics for ${file} within 30 s\n${stderr}`)),
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
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  } finally {
    conn.dispose();
    child.kill();
  }
  return { files };
}

/** Writes `<root>/expected-diagnostics.json` for the seed files under `folders` of `root`. */
export async function writeExpectedDiagnostics(repo, root, folders) {
  const expected = await expectedDiagnostics(repo, root, folders);
  writeFileSync(join(root, 'expected-diagnostics.json'), JSON.stringify(expected, null, 2));
  return Object.keys(expected.files).length;
}
