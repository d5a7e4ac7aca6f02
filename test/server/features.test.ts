/**
 * Editor features through the real server: completion, hover, code actions (quick fix and
 * source.fixAll.caseed), document symbols and formatting, each a JSON-RPC round trip.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  Hover,
  TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ensureBuilt } from './build';
import { LspClient, ROOT } from './lspClient';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'shells');
const broken = readFileSync(join(FIXTURES, 'broken.caseed.json'), 'utf8');
const single = readFileSync(join(FIXTURES, 'single.caseed.json'), 'utf8');
const bulk = readFileSync(join(FIXTURES, 'bulk.caseed.json'), 'utf8');

function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'caseed', 1, text), edits);
}

describe('language features over JSON-RPC', () => {
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

  it('completes the properties of a user', async () => {
    const uri = 'file:///complete.caseed.json';
    await client.open(uri, '{\n  "environment": "development",\n  \n}');
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 2 },
    });
    const labels = items.map((i) => i.label);
    for (const key of ['mpid', 'identities', 'calculated_attributes', 'user_attributes']) {
      assert.ok(labels.includes(key), `${key} offered (got ${labels.join(', ')})`);
    }
    assert.ok(!labels.includes('environment'), 'a key already present is not offered again');
  });

  it('completes environment values', async () => {
    const uri = 'file:///complete-env.caseed.json';
    await client.open(uri, '{\n  "environment": ""\n}');
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 18 },
    });
    const labels = items.map((i) => i.label.replace(/"/g, ''));
    assert.ok(labels.includes('development'), labels.join(', '));
    assert.ok(labels.includes('production'), labels.join(', '));
  });

  it('documents a property on hover', async () => {
    const uri = 'file:///hover.caseed.json';
    await client.open(uri, single);
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 5 },
    });
    assert.ok(hover !== null);
    const contents = hover.contents as { kind: string; value: string };
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /environment/);
    assert.deepEqual(hover.range, {
      start: { line: 1, character: 2 },
      end: { line: 1, character: 15 },
    });
  });

  it('offers the quick fix of a diagnostic, which leaves the file clean', async () => {
    const uri = 'file:///fix.caseed.json';
    await client.open(uri, broken);
    const published = await client.waitForDiagnostics(uri);
    const diagnostic = published.diagnostics.find((d) => d.code === 'trailing-comma') as Diagnostic;
    assert.ok(diagnostic);
    assert.equal(diagnostic.data, undefined, 'fixes are not published, the server builds them');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred === true);
    assert.ok(fix?.edit?.changes?.[uri], `a preferred quick fix (got ${JSON.stringify(actions)})`);
    const fixed = applyTextEdits(broken, fix.edit.changes[uri]);
    await client.change(uri, fixed, 2);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(
      after.diagnostics.filter((d) => d.severity === 1),
      [],
    );
  });

  it('offers source.fixAll.caseed, fixing every preferred fix at once', async () => {
    const uri = 'file:///fixall.caseed.json';
    const text = broken.replace('"value": 100.5\n', '"value": 100.5,\n');
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.diagnostics.filter((d) => d.code === 'trailing-comma').length, 2);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.caseed');
    const fixed = applyTextEdits(text, actions[0].edit?.changes?.[uri] ?? []);
    assert.equal(fixed, broken.replace('"Free",', '"Free"'));
  });

  it('lists users and their attributes as document symbols', async () => {
    const uri = 'file:///symbols.caseed.json';
    await client.open(uri, bulk);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.equal(symbols.length, 2);
    assert.match(symbols[0].name, /7346244611012968789/);
    const children = symbols.flatMap((s) => (s.children ?? []).map((c) => c.name));
    assert.ok(children.includes('Product Interests'), children.join(', '));
    assert.ok(children.includes('Purchases'), children.join(', '));
  });

  it('formats without changing any number, keeping mpid 7346244611012968789', async () => {
    const uri = 'file:///format.caseed.json';
    const text =
      '{"environment":"development","mpid":7346244611012968789,"calculated_attributes":' +
      '{"workspace":[{"attribute_name":"LTV","calculation_type":"sum","cutoff_date":"2019-12-01",' +
      '"seed":{"value":100.50}}]}}';
    await client.open(uri, text);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.ok(edits.length > 0);
    const formatted = applyTextEdits(text, edits);
    assert.match(formatted, /\n {2}"mpid": 7346244611012968789,\n/);
    assert.match(formatted, /"value": 100\.50\n/);
    assert.equal(formatted.replace(/\s+/g, ''), text.replace(/\s+/g, ''));
    // Formatting a formatted document changes nothing.
    await client.change(uri, formatted, 2);
    const again = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(again, []);
  });

  it('leaves a document with syntax errors unformatted', async () => {
    const uri = 'file:///format-broken.caseed.json';
    await client.open(uri, broken);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(edits, []);
    assert.deepEqual(client.errorLogs, []);
  });

  it('formats a selection user by user: only the users it touches, as Format Document would', async () => {
    const uri = 'file:///format-range.caseed.json';
    await client.open(uri, bulk);
    const formatted = applyTextEdits(
      bulk,
      await client.request<TextEdit[]>('textDocument/formatting', {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
      }),
    );
    // Squash the second user onto one line, keep the first as Format Document prints it.
    const second = formatted.indexOf('\n  {', 2) + 3;
    const end = formatted.indexOf('\n  }', second) + 4;
    const squashed = formatted.slice(second, end).replace(/\n\s*/g, ' ');
    const text = formatted.slice(0, second) + squashed + formatted.slice(end);
    await client.change(uri, text, 2);
    const line = text.slice(0, second).split('\n').length - 1;
    const rangeFormat = (startLine: number, endLine: number): Promise<TextEdit[]> =>
      client.request<TextEdit[]>('textDocument/rangeFormatting', {
        textDocument: { uri },
        range: { start: { line: startLine, character: 0 }, end: { line: endLine, character: 1 } },
        options: { tabSize: 2, insertSpaces: true },
      });
    // A selection inside the first (formatted) user changes nothing.
    assert.deepEqual(await rangeFormat(2, 3), []);
    // A selection touching the second user formats that user, and only it.
    const edits = await rangeFormat(line, line);
    assert.equal(edits.length, 1);
    assert.ok(edits.every((e) => e.range.start.line >= line && e.range.end.line <= line + 1));
    assert.equal(applyTextEdits(text, edits), formatted);
  });
});
