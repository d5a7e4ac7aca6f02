/**
 * The language server as a process, spoken to over real JSON-RPC on stdio: initialize, diagnostics
 * pushed on open and on change (with the file status notification), garbage input, shutdown/exit.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt } from './build';
import { LspClient, ROOT } from './lspClient';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'shells');
const broken = readFileSync(join(FIXTURES, 'broken.caseed.json'), 'utf8');
const single = readFileSync(join(FIXTURES, 'single.caseed.json'), 'utf8');
const bulk = readFileSync(join(FIXTURES, 'bulk.caseed.json'), 'utf8');

describe('language server lifecycle over stdio', () => {
  let client: LspClient;

  before(async () => {
    ensureBuilt();
    client = LspClient.start();
    const init = await client.initialize();
    assert.equal(init.serverInfo?.name, 'caseed');
    assert.ok(init.capabilities.completionProvider);
    assert.equal(init.capabilities.hoverProvider, true);
    assert.ok(init.capabilities.codeActionProvider);
    assert.ok(init.capabilities.documentSymbolProvider);
    assert.equal(init.capabilities.documentFormattingProvider, true);
    await client.initialized();
  });

  after(async () => {
    await client.kill();
  });

  it('publishes diagnostics for a broken document as soon as it opens', async () => {
    const uri = 'file:///broken.caseed.json';
    await client.open(uri, broken);
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.version, 1);
    const trailing = published.diagnostics.filter((d) => d.code === 'trailing-comma');
    assert.equal(trailing.length, 1);
    assert.deepEqual(trailing[0].range, {
      start: { line: 7, character: 33 },
      end: { line: 7, character: 34 },
    });
    assert.equal(trailing[0].severity, 1);
    assert.equal(trailing[0].source, 'caseed');
    const status = await client.waitForStatus(uri);
    assert.equal(status.state, 'errors');
    assert.ok(status.errors >= 1);
    assert.equal(status.users, 1);
    assert.equal(status.version, 1);
  });

  it('publishes updated diagnostics after a change', async () => {
    const uri = 'file:///broken.caseed.json';
    const fixed = broken.replace('"Free",', '"Free"');
    await client.change(uri, fixed, 2);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(
      published.diagnostics.filter((d) => d.severity === 1),
      [],
      'no errors left once the trailing comma is gone',
    );
    const status = await client.waitForStatus(uri, (s) => s.version === 2);
    assert.equal(status.errors, 0);
    assert.notEqual(status.state, 'errors');
  });

  it('debounces a burst of changes and publishes for the last version', async () => {
    // A long debounce, changes 50 ms apart: validated (and published) once, for the last version.
    // Without the debounce each change is validated as it comes and versions 2–6 are published.
    const settings = { validate: { debounceMs: 3000 } };
    const burst = LspClient.start({ configuration: settings });
    try {
      await burst.initialize({ configuration: settings });
      await burst.initialized();
      const uri = 'file:///burst.caseed.json';
      await burst.open(uri, single);
      await burst.waitForDiagnostics(uri, (p) => p.version === 1);
      for (let v = 2; v <= 6; v++) {
        await burst.change(uri, single.slice(0, 40 + v), v);
        await new Promise((r) => setTimeout(r, 50));
      }
      await burst.change(uri, single, 7);
      const last = await burst.waitForDiagnostics(uri, (p) => p.version === 7);
      assert.deepEqual(
        last.diagnostics.filter((d) => d.severity === 1),
        [],
      );
      const versions = burst.diagnostics.filter((p) => p.uri === uri).map((p) => p.version);
      assert.deepEqual(versions, [1, 7], 'published once for the burst');
      await burst.waitForStatus(uri, (p) => p.version === 7);
      const statuses = burst.statuses.filter((p) => p.uri === uri).map((p) => p.version);
      assert.deepEqual(statuses, [1, 7]);
    } finally {
      await burst.kill();
    }
  });

  it('counts the users of a bulk file in the status', async () => {
    const uri = 'file:///bulk.caseed.json';
    await client.open(uri, bulk);
    const status = await client.waitForStatus(uri);
    assert.equal(status.users, 2);
    assert.equal(status.errors, 0);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = 'file:///closing.caseed.json';
    await client.open(uri, '{ "environment": ');
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.close(uri);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('survives garbage documents and requests, and still answers afterwards', async () => {
    const garbage = [
      '',
      '\u0000\u0001\u0002',
      '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['.repeat(40),
      '{"mpid": 1e999999999, "environment": "\\ud800", "calculated_attributes": {"workspace": [{]}}',
      '}}}}]]]]::::,,,,""""',
    ];
    for (const [i, text] of garbage.entries()) {
      const uri = `file:///garbage-${i}.caseed.json`;
      await client.open(uri, text);
      await client.waitForDiagnostics(uri);
      const pos = { line: 0, character: Math.min(3, text.length) };
      await client.request('textDocument/completion', { textDocument: { uri }, position: pos });
      await client.request('textDocument/hover', { textDocument: { uri }, position: pos });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/formatting', {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
      });
      await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } },
        context: { diagnostics: [] },
      });
    }
    // Requests about documents the server never saw, and positions far outside the text.
    const unknown = { textDocument: { uri: 'file:///never-opened.caseed.json' } };
    assert.deepEqual(
      await client.request('textDocument/completion', {
        ...unknown,
        position: { line: 5, character: 5 },
      }),
      [],
    );
    assert.equal(
      await client.request('textDocument/hover', {
        textDocument: { uri: 'file:///garbage-3.caseed.json' },
        position: { line: 999999, character: -5 },
      }),
      null,
    );
    // Still alive: a normal request gets a normal answer.
    const items = await client.request<Array<{ label: string }>>('textDocument/completion', {
      textDocument: { uri: 'file:///broken.caseed.json' },
      position: { line: 1, character: 2 },
    });
    assert.ok(Array.isArray(items));
    assert.equal(client.exitCode, undefined, 'the server is still running');
    assert.deepEqual(client.errorLogs, [], 'no handler threw on garbage input');
  });

  it('answers an unknown request with an error instead of dying', async () => {
    await assert.rejects(client.request('caseed/noSuchRequest', {}));
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', {
      textDocument: { uri: 'file:///bulk.caseed.json' },
    });
    assert.equal(symbols.length, 2);
  });

  it('shuts down and exits with code 0', async () => {
    const code = await client.shutdown();
    assert.equal(code, 0);
  });
});

describe('settings', () => {
  it('reads caseed.validate.enable through workspace/configuration', async () => {
    ensureBuilt();
    const client = LspClient.start({ configuration: { validate: { enable: false } } });
    try {
      await client.initialize({ configuration: { validate: { enable: false } } });
      await client.initialized();
      const uri = 'file:///off.caseed.json';
      await client.open(uri, broken);
      const published = await client.waitForDiagnostics(uri);
      assert.deepEqual(published.diagnostics, []);
      const status = await client.waitForStatus(uri);
      assert.equal(status.state, 'disabled');
    } finally {
      await client.kill();
    }
  });

  it('asks for caseed.* changes and revalidates open files when settings change', async () => {
    const client = LspClient.start({ configuration: { validate: { enable: true } } });
    try {
      await client.initialize({ configuration: {} });
      await client.initialized();
      const registration = await client.waitFor('didChangeConfiguration registration', () =>
        client.registrations.find((r) => r.method === 'workspace/didChangeConfiguration'),
      );
      assert.deepEqual(registration.registerOptions, { section: 'caseed' });
      const uri = 'file:///toggle.caseed.json';
      await client.open(uri, broken);
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      client.settings = { validate: { enable: false } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: null,
      });
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
      const status = await client.waitForStatus(uri, (s) => s.state === 'disabled');
      assert.equal(status.version, 1);
    } finally {
      await client.kill();
    }
  });

  it('caps published problems at caseed.validate.maxProblems and counts the rest', async () => {
    const client = LspClient.start({ configuration: { validate: { maxProblems: 2 } } });
    try {
      await client.initialize({ configuration: { validate: { maxProblems: 2 } } });
      await client.initialized();
      const uri = 'file:///many.caseed.json';
      const text = '[' + '{"environment": "development",},'.repeat(5) + '{}]';
      await client.open(uri, text);
      const published = await client.waitForDiagnostics(uri);
      assert.equal(published.diagnostics.length, 2);
      const status = await client.waitForStatus(uri);
      assert.ok(status.hiddenProblems >= 3, `hidden: ${status.hiddenProblems}`);
      assert.equal(status.errors + status.warnings + status.infos, 2 + status.hiddenProblems);
    } finally {
      await client.kill();
    }
  });

  it('turns editor features off above caseed.features.maxFileSizeMB but still validates', async () => {
    const settings = { features: { maxFileSizeMB: 0.1 } };
    const client = LspClient.start({ configuration: settings });
    try {
      await client.initialize({ configuration: settings });
      await client.initialized();
      const uri = 'file:///large.caseed.json';
      const user = single.trim();
      const text = '[\n' + Array.from({ length: 150 }, () => user).join(',\n') + ',\n]';
      assert.ok(text.length > 0.1 * 1024 * 1024);
      await client.open(uri, text);
      const published = await client.waitForDiagnostics(uri);
      assert.ok(published.diagnostics.some((d) => d.code === 'trailing-comma'));
      const status = await client.waitForStatus(uri);
      assert.equal(status.large, true);
      assert.equal(status.users, 150);
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', {
        textDocument: { uri },
      });
      assert.deepEqual(symbols, []);
      await client.waitFor('a log line about the large file', () =>
        client.logs.find((l) => l.includes('maxFileSizeMB')),
      );
    } finally {
      await client.kill();
    }
  });
});
