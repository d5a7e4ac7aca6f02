/**
 * The language server with workspace definitions, over real JSON-RPC: the client feeds the
 * definitions file through `caseed/readDefinitions` (as VS Code does, desktop or web), the server
 * watches for changes, the status reports the file, workspace, age and staleness; a broken file is a
 * warning, never a crash. Also `caseed lsp --stdio`, which reads the file system itself.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, Hover, InitializeResult } from 'vscode-languageserver/node';
import type { ReadDefinitionsParams } from '../../contract/definitions';
import { DEFS_TEXT, seedEntry, seedUser } from '../core/definitions/helpers';
import { tempTree } from '../cli/run';
import { ensureBuilt } from './build';
import { CLI, LspClient } from './lspClient';

const DEFS_URI = 'file:///ws/caseed.definitions.json';
const SEED_URI = 'file:///ws/seeds/a.caseed.json';
const UNKNOWN = seedUser(seedEntry('LTVV', 'sum', '2019-12-01', '{ "value": 5 }'));

function initialize(client: LspClient, definitionsProvider: boolean): Promise<InitializeResult> {
  return client.request<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { completion: { completionItem: { snippetSupport: true } } },
    },
    initializationOptions: { definitionsProvider },
  });
}

function codes(client: LspClient, uri: string): string[] {
  for (let i = client.diagnostics.length - 1; i >= 0; i--)
    if (client.diagnostics[i].uri === uri)
      return client.diagnostics[i].diagnostics.map((d) => String(d.code));
  return [];
}

describe('server: definitions fed by the client', () => {
  let client: LspClient;
  /** The "disk" the client reads from. */
  const disk = new Map<string, string>([[DEFS_URI, DEFS_TEXT]]);
  const asked: ReadDefinitionsParams[] = [];

  before(async () => {
    ensureBuilt();
    client = LspClient.start();
    client.connection.onRequest('caseed/readDefinitions', (p: ReadDefinitionsParams) => {
      asked.push(p);
      const found = ['file:///ws/seeds/caseed.definitions.json', DEFS_URI].find((u) => disk.has(u));
      return found === undefined ? null : { uri: found, text: disk.get(found) };
    });
    await initialize(client, true);
    await client.initialized();
  });

  after(async () => {
    await client.kill();
  });

  it('asks the client, validates against the definitions, watches caseed.definitions.json', async () => {
    await client.waitFor('watcher registration', () =>
      client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'),
    );
    await client.open(SEED_URI, UNKNOWN);
    const d = await client.waitForDiagnostics(SEED_URI, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      d.diagnostics.map((x) => x.code),
      ['unknown-calculated-attribute'],
    );
    assert.match(d.diagnostics[0].message, /Did you mean "LTV"\?/);
    assert.deepEqual(asked[0], { seedUri: SEED_URI, path: '' });
    const status = await client.waitForStatus(SEED_URI, (s) => s.definitions !== undefined);
    assert.equal(status.definitions?.uri, DEFS_URI);
    assert.equal(status.definitions?.workspaceId, '4321');
    assert.equal(status.definitions?.count, 3);
    assert.equal(status.definitions?.stale, true, 'pulled in 2024: older than 7 days');
    assert.match(status.definitions?.age ?? '', /days$/);
  });

  it('completes attribute names from the definitions and hovers them', async () => {
    const uri = 'file:///ws/seeds/complete.caseed.json';
    await client.open(uri, seedUser('{ "attribute_name": "" }'));
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 5, character: 26 },
    });
    assert.deepEqual(
      items.map((i) => i.label),
      ['Favorite Category', 'LTV', 'Orders'],
    );
    const h = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: SEED_URI },
      position: { line: 5, character: 28 },
    });
    assert.match((h.contents as { value: string }).value, /not a calculated attribute/);
  });

  it('a changed definitions file revalidates open seed files', async () => {
    disk.set(DEFS_URI, DEFS_TEXT.replace('"name": "LTV"', '"name": "LTVV"'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: DEFS_URI, type: 2 }],
    });
    await client.waitForDiagnostics(SEED_URI, (p) => p.diagnostics.length === 0);
  });

  it('a broken definitions file: a diagnostic on it, an error in the status, rules silent, no crash', async () => {
    disk.set(
      DEFS_URI,
      '{ "calculated_attributes": [ { "name": "LTV", "calculation_type": "summ" } ] }',
    );
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: DEFS_URI, type: 2 }],
    });
    const onDefs = await client.waitForDiagnostics(DEFS_URI, (p) => p.diagnostics.length > 0);
    assert.equal(onDefs.diagnostics[0].code, 'invalid-definitions');
    const status = await client.waitForStatus(SEED_URI, (s) => s.definitions?.error !== undefined);
    assert.match(status.definitions?.error ?? '', /broken: .*did you mean "sum"/);
    assert.deepEqual(codes(client, SEED_URI), []);
    assert.deepEqual(client.errorLogs, []);
  });

  it('an open definitions document: its own diagnostics and completion; unsaved edits apply at once', async () => {
    await client.open(DEFS_URI, DEFS_TEXT.replace('"sum"', '"total"'));
    const own = await client.waitForDiagnostics(DEFS_URI, (p) =>
      p.diagnostics.some((x) => /^Calculated attribute 2: "calculation_type"/.test(x.message)),
    );
    assert.equal(own.diagnostics[0].code, 'invalid-definitions');
    const at = own.diagnostics[0].range.start;
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: DEFS_URI },
      position: { line: at.line, character: at.character + 2 },
    });
    assert.equal(items.length, 12, 'the calculation types');
    assert.ok(items.some((x) => x.label === 'sum'));
    // Fix it in the editor (not saved): the seed file is checked against the edited text.
    await client.change(DEFS_URI, DEFS_TEXT, 2);
    await client.waitForDiagnostics(DEFS_URI, (p) => p.diagnostics.length === 0);
    await client.waitForDiagnostics(
      SEED_URI,
      (p) =>
        codes(client, SEED_URI).includes('unknown-calculated-attribute') &&
        p.diagnostics.length === 1,
    );
    assert.deepEqual(client.errorLogs, []);
  });
});

describe('server: without a definitions provider', () => {
  it('every definitions rule is silent and nothing is asked', async () => {
    ensureBuilt();
    const client = LspClient.start();
    let asked = 0;
    client.connection.onRequest('caseed/readDefinitions', () => {
      asked++;
      return null;
    });
    try {
      await initialize(client, false);
      await client.initialized();
      await client.open(SEED_URI, UNKNOWN);
      const s = await client.waitForStatus(SEED_URI);
      assert.equal(s.definitions, undefined);
      assert.deepEqual(codes(client, SEED_URI), []);
      assert.equal(asked, 0);
      assert.equal(
        client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').length,
        0,
      );
    } finally {
      await client.kill();
    }
  });
});

describe('caseed lsp --stdio reads the nearest definitions file from disk', () => {
  const dir = tempTree({ 'caseed.definitions.json': DEFS_TEXT, 'seeds/x.txt': '' });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds it up from the seed file and reports against it', async () => {
    const seed = join(dir, 'seeds', 'b.caseed.json');
    writeFileSync(seed, UNKNOWN);
    const client = LspClient.start({ args: [CLI, 'lsp', '--stdio'] });
    try {
      await initialize(client, false);
      await client.initialized();
      const uri = pathToFileURL(seed).href;
      await client.open(uri, UNKNOWN);
      const d = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.deepEqual(
        d.diagnostics.map((x) => x.code),
        ['unknown-calculated-attribute'],
      );
      const s = await client.waitForStatus(uri, (x) => x.definitions !== undefined);
      assert.equal(s.definitions?.uri, pathToFileURL(join(dir, 'caseed.definitions.json')).href);
    } finally {
      await client.kill();
    }
  });
});
