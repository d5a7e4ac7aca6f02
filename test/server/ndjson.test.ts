/**
 * NDJSON seed files (`*.caseed.ndjson`) in the language server, over real JSON-RPC: diagnostics line
 * by line with the CLI's codes, messages and exact UTF-16 positions; hover, completion, quick
 * fixes and symbols on the line users; formatting leaves the one-user-per-line layout alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  CompletionItem,
  DocumentSymbol,
  Hover,
  TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NDJSON_EXPECTED, NDJSON_FILE, NDJSON_TEXT } from '../fixtures/ndjson/expected';
import { caseed } from '../cli/run';
import { ensureBuilt } from './build';
import { LspClient } from './lspClient';

const URI = 'file:///seeds/problems.caseed.ndjson';

describe('NDJSON seed files in the language server', () => {
  let client: LspClient;

  before(async () => {
    ensureBuilt();
    client = LspClient.start();
    await client.initialize();
    await client.initialized();
  });

  after(async () => {
    await client.kill();
  });

  it('publishes the CLI diagnostics, at the same exact positions', async () => {
    await client.open(URI, NDJSON_TEXT);
    const published = await client.waitForDiagnostics(URI);
    const got = published.diagnostics.map((d) => ({ code: d.code, range: d.range }));
    assert.deepEqual(
      got,
      NDJSON_EXPECTED.map((e) => ({ code: e.code, range: e.range })),
    );
    published.diagnostics.forEach((d, i) => assert.match(d.message, NDJSON_EXPECTED[i].says));
    // Parity with `caseed validate`: codes, messages and ranges alike.
    const cli = JSON.parse(caseed(['validate', '--format', 'json', NDJSON_FILE]).stdout) as {
      files: Array<{ diagnostics: Array<{ code: string; message: string; range: unknown }> }>;
    };
    assert.deepEqual(
      published.diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range })),
      cli.files[0].diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range })),
    );
  });

  it('hovers and completes inside a line user, after astral-plane characters', async () => {
    const lines = NDJSON_TEXT.split('\n');
    const line = 7;
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line, character: lines[line].indexOf('"calculation_type"') + 3 },
    });
    assert.ok(hover !== null);
    assert.match((hover.contents as { value: string }).value, /calculation/i);
    assert.deepEqual(hover.range?.start, {
      line,
      character: lines[line].indexOf('"calculation_type"'),
    });

    const uri = 'file:///seeds/complete.caseed.ndjson';
    const text = `${lines[0]}\n{"environment": "development", }\n`;
    await client.open(uri, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: '{"environment": "development", '.length },
    });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('calculated_attributes'), labels.join(', '));
  });

  it('quick-fixes a problem on a line (the fix lands on that line)', async () => {
    const uri = 'file:///seeds/fix.caseed.ndjson';
    const lines = NDJSON_TEXT.split('\n');
    const text = `${lines[0]}\n${lines[0].replace('"sum"', '"minimum"')}\n`;
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    const alias = published.diagnostics.find((d) => d.code === 'calculation-type-alias');
    assert.ok(alias, JSON.stringify(published.diagnostics));
    assert.equal(alias.range.start.line, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: alias.range,
      context: { diagnostics: [alias], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.isPreferred === true);
    const edits = fix?.edit?.changes?.[uri] as TextEdit[];
    assert.ok(edits, JSON.stringify(actions));
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'caseed', 1, text), edits);
    assert.equal(fixed, `${lines[0]}\n${lines[0].replace('"sum"', '"min"')}\n`);
  });

  it('lists the line users as symbols, and formatting changes nothing', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: URI },
    });
    assert.ok(symbols.length >= 4, JSON.stringify(symbols.map((s) => s.name)));
    assert.equal(symbols[1].range.start.line, 2);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: URI },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(edits, []);
  });
});
