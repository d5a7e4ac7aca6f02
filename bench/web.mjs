// Validation speed of the language server in the browser (dist/server-web.js in a web worker of
// headless Chromium, as VS Code for the Web runs it) against the Node server (dist/server.js over
// stdio, as desktop VS Code runs it), on the same generated files, in the same run. Each time is
// didOpen → publishDiagnostics through the server's own transport (postMessage / stdio JSON-RPC),
// median of REPS opens; each is also given as a ratio to JSON.parse of the same text measured in the
// same runtime (the floor), since absolute times on a shared machine mean little. Not a test.
//   npm run bench:web        (production build first, as shipped)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBulk } from './generate.ts';
import { CHROMIUM_ARGS } from '../scripts/vscode/code-server.mjs';
import { CHROMIUM, ensureDebianPackages } from '../scripts/vscode/install-tools.mjs';
import { startStdioServer } from '../scripts/vscode/test-workspace.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPS = 5;
const SIZES = [1_000, 10_000];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function jsonParseFloor(text) {
  const times = [];
  for (let i = 0; i < REPS; i++) {
    const t = performance.now();
    JSON.parse(text);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The Node server over stdio: ms per open (median) and the diagnostics count. */
async function nodeServer(text) {
  const { conn, close } = startStdioServer(repo);
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => waiting.get(p.uri)?.(p));
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await conn.sendNotification('initialized', {});
  const times = [];
  let count = 0;
  for (let i = 0; i <= REPS; i++) {
    const uri = `file:///bench/n${i}.caseed.json`;
    const got = new Promise((r) => waiting.set(uri, r));
    const t = performance.now();
    await conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'caseed', version: 1, text },
    });
    const p = await got;
    if (i > 0) times.push(performance.now() - t); // the first open warms up (ajv compile, JIT)
    count = p.diagnostics.length;
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await close();
  return { ms: median(times), count };
}

/** The same protocol, in a page of headless Chromium, to dist/server-web.js in a Worker. */
/* global Worker -- inBrowser runs in the page */
function inBrowser({ text, reps }) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const parse = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    JSON.parse(text);
    parse.push(performance.now() - t);
  }
  const worker = new Worker('/server-web.js');
  let id = 0;
  const pending = new Map();
  const waiting = new Map();
  worker.onmessage = (e) => {
    const m = e.data;
    if (m.id !== undefined && m.method === undefined) pending.get(m.id)?.(m.result);
    else if (m.method === 'textDocument/publishDiagnostics') waiting.get(m.params.uri)?.(m.params);
    else if (m.id !== undefined) {
      const result = m.method === 'workspace/configuration' ? m.params.items.map(() => null) : null;
      worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
    }
  };
  const request = (method, params) =>
    new Promise((r) => {
      id += 1;
      pending.set(id, r);
      worker.postMessage({ jsonrpc: '2.0', id, method, params });
    });
  const notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
  return (async () => {
    await request('initialize', { processId: null, rootUri: null, capabilities: {} });
    notify('initialized', {});
    const times = [];
    let count = 0;
    for (let i = 0; i <= reps; i++) {
      const uri = `file:///bench/b${i}.caseed.json`;
      const got = new Promise((r) => waiting.set(uri, r));
      const t = performance.now();
      notify('textDocument/didOpen', {
        textDocument: { uri, languageId: 'caseed', version: 1, text },
      });
      const p = await got;
      if (i > 0) times.push(performance.now() - t);
      count = p.diagnostics.length;
      notify('textDocument/didClose', { textDocument: { uri } });
    }
    worker.terminate();
    return { ms: median(times), count, parse: median(parse) };
  })();
}

async function main() {
  ensureDebianPackages();
  const bundle = readFileSync(join(repo, 'dist', 'server-web.js'));
  const http = createServer((req, res) => {
    if (req.url === '/server-web.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(bundle);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>bench</title>');
    }
  });
  await new Promise((r) => http.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${http.address().port}/`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const version = browser.version();
    console.log(
      `server-web.js ${(bundle.length / 1024).toFixed(0)} KB; Node ${process.version}, Chromium ${version}; median of ${REPS} opens after one warm-up\n`,
    );
    console.log(
      '| users | MB | problems | Node ms | Node × JSON.parse | browser ms | browser × JSON.parse | browser / Node |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const users of SIZES) {
      const text = generateBulk({ users, invalidRate: 0.01 });
      const floor = jsonParseFloor(text);
      const node = await nodeServer(text);
      const web = await page.evaluate(inBrowser, { text, reps: REPS });
      if (web.count !== node.count)
        throw new Error(`different diagnostics: node ${node.count}, browser ${web.count}`);
      console.log(
        `| ${users.toLocaleString('en')} | ${(text.length / 1e6).toFixed(1)} | ${node.count} | ${node.ms.toFixed(0)} | ${(node.ms / floor).toFixed(1)} | ${web.ms.toFixed(0)} | ${(web.ms / web.parse).toFixed(1)} | ${(web.ms / node.ms).toFixed(2)} |`,
      );
    }
  } finally {
    await browser.close();
    http.close();
  }
}

await main();
