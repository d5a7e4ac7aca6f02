/**
 * What the editor shows is what CI fails on: `caseed validate --format json` and the language server
 * (both `dist/server.js --stdio` and `caseed lsp --stdio`) report the same diagnostics for the
 * examples and the fixtures.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { CLI, LspClient, ROOT } from './lspClient';
import { ensureBuilt } from './build';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

interface Plain {
  severity: string;
  code: string;
  message: string;
  range: Diagnostic['range'];
}

function seedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...seedFiles(p));
    else if (e.name.endsWith('.caseed.json')) out.push(p);
  }
  return out.sort();
}

const FILES = [
  ...seedFiles(join(ROOT, 'examples')),
  ...seedFiles(join(ROOT, 'test', 'fixtures')),
].map((f) => relative(ROOT, f));

function fromServer(diagnostics: Diagnostic[]): Plain[] {
  return diagnostics.map((d) => ({
    severity: SEVERITY[d.severity ?? 1],
    code: String(d.code),
    message: d.message,
    range: d.range,
  }));
}

async function serverDiagnostics(args: string[] | undefined): Promise<Map<string, Plain[]>> {
  const client = LspClient.start(args === undefined ? {} : { args });
  // Show every problem, as the CLI does.
  const init = { settings: { validate: { maxProblems: 100000 } } };
  const out = new Map<string, Plain[]>();
  try {
    await client.initialize({ initializationOptions: init });
    await client.initialized();
    for (const file of FILES) {
      const uri = pathToFileURL(join(ROOT, file)).toString();
      await client.open(uri, readFileSync(join(ROOT, file), 'utf8'));
      out.set(file, fromServer((await client.waitForDiagnostics(uri)).diagnostics));
    }
    assert.equal(await client.shutdown(), 0);
  } finally {
    await client.kill();
  }
  return out;
}

describe('CLI and language server agree', () => {
  let cli: Map<string, Plain[]>;

  before(() => {
    ensureBuilt();
    assert.ok(FILES.length >= 3, 'there are seed files to compare');
    const r = spawnSync(process.execPath, [CLI, 'validate', '--format', 'json', ...FILES], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const parsed = JSON.parse(r.stdout) as { files: Array<{ file: string; diagnostics: Plain[] }> };
    cli = new Map(parsed.files.map((f) => [f.file, f.diagnostics]));
    assert.deepEqual([...cli.keys()], FILES);
  });

  it('dist/server.js --stdio reports exactly what caseed validate reports', async () => {
    const server = await serverDiagnostics(undefined);
    for (const file of FILES) assert.deepEqual(server.get(file), cli.get(file), file);
  });

  it('caseed lsp --stdio reports exactly what caseed validate reports', async () => {
    const server = await serverDiagnostics([CLI, 'lsp', '--stdio']);
    for (const file of FILES) assert.deepEqual(server.get(file), cli.get(file), file);
  });
});
