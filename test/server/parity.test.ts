/**
 * What the editor shows is what CI fails on: `caseed validate --format json` and the language server
 * (both `dist/server.js --stdio` and `caseed lsp --stdio`) report the same diagnostics for the
 * examples and the fixtures.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
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

/** Runs `work` against a started server that shows every problem, then shuts it down. */
async function withServer(
  args: string[] | undefined,
  work: (client: LspClient) => Promise<void>,
): Promise<void> {
  const client = LspClient.start(args === undefined ? {} : { args });
  // Show every problem, as the CLI does.
  const init = { settings: { validate: { maxProblems: 100000 } } };
  try {
    await client.initialize({ initializationOptions: init });
    await client.initialized();
    await work(client);
    assert.equal(await client.shutdown(), 0);
  } finally {
    await client.kill();
  }
}

async function serverDiagnostics(args: string[] | undefined): Promise<Map<string, Plain[]>> {
  const out = new Map<string, Plain[]>();
  await withServer(args, async (client) => {
    for (const file of FILES) {
      const uri = pathToFileURL(join(ROOT, file)).toString();
      await client.open(uri, readFileSync(join(ROOT, file), 'utf8'));
      out.set(file, fromServer((await client.waitForDiagnostics(uri)).diagnostics));
    }
  });
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

/** Diagnostics of `caseed validate --format json` for files (absolute paths). */
function cliDiagnostics(files: string[]): Plain[][] {
  const r = spawnSync(process.execPath, [CLI, 'validate', '--format', 'json', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { files: Array<{ diagnostics: Plain[] }> }).files.map(
    (f) => f.diagnostics,
  );
}

describe('a file with a byte order mark: CLI and language server agree', () => {
  const BOM = '\uFEFF';
  // One line (every problem on the BOM's line) and the multi-line broken example.
  const SOURCES = [
    '{"environment": "prod", "mpid": 12, "calculated_attributes": {"workspace": []},}\n',
    readFileSync(join(ROOT, 'examples', 'broken.caseed.json'), 'utf8'),
  ];
  let dir: string;
  let cli: Plain[][];

  before(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'caseed-bom-'));
    const write = (name: string, prefix: string): string[] =>
      SOURCES.map((text, i) => {
        const file = join(dir, `${name}-${i}.caseed.json`);
        writeFileSync(file, prefix + text, 'utf8');
        return file;
      });
    cli = cliDiagnostics(write('bom', BOM));
    // The BOM changes nothing for the CLI: the same problems as without it.
    assert.deepEqual(cli, cliDiagnostics(write('plain', '')));
    assert.ok(cli.every((d) => d.length > 0 && d.every((x) => x.code !== 'syntax-error')));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("the server reports the CLI's problems for the text with the BOM, counting it on line 1", () =>
    withServer(undefined, async (client) => {
      for (const [i, text] of SOURCES.entries()) {
        // What an editor that keeps the mark in the document text sends.
        const uri = pathToFileURL(join(dir, `bom-${i}.caseed.json`)).toString();
        await client.open(uri, BOM + text);
        const server = fromServer((await client.waitForDiagnostics(uri)).diagnostics);
        // LSP positions count the BOM (one UTF-16 unit) on the first line; the CLI shows the
        // columns an editor shows, which do not.
        const shift = (p: { line: number; character: number }): typeof p =>
          p.line === 0 ? { line: 0, character: p.character - 1 } : p;
        assert.deepEqual(
          server.map((d) => ({
            ...d,
            range: { start: shift(d.range.start), end: shift(d.range.end) },
          })),
          cli[i],
          `file ${i}`,
        );
        // Same place in the file: the text under each range is the same in both views.
        const under = (r: Plain['range'], lines: string[]): string =>
          r.start.line === r.end.line
            ? lines[r.start.line].slice(r.start.character, r.end.character)
            : '';
        assert.deepEqual(
          server.map((d) => under(d.range, (BOM + text).split('\n'))),
          cli[i].map((d) => under(d.range, text.split('\n'))),
        );
      }
    }));

  it("the server reports exactly the CLI's diagnostics for the text VS Code sends (BOM decoded)", () =>
    withServer(undefined, async (client) => {
      for (const [i, text] of SOURCES.entries()) {
        const uri = pathToFileURL(join(dir, `vscode-${i}.caseed.json`)).toString();
        await client.open(uri, text);
        assert.deepEqual(fromServer((await client.waitForDiagnostics(uri)).diagnostics), cli[i]);
      }
    }));
});
