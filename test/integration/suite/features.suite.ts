/**
 * The language features through the real VS Code API (the same commands the editor's UI uses):
 * completion, hover, quick fixes, document symbols and formatting.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CALCULATION_TYPES, IDENTITY_TYPES } from '../../../core/facts';
import {
  closeAll,
  codeOf,
  copyOf,
  diagnosticsWhen,
  newSeedFile,
  open,
  ours,
  positionOf,
  waitFor,
} from './helpers';

const entryDoc = (inner: string): string =>
  `{\n  "environment": "development",\n  "mpid": 1,\n  "calculated_attributes": {\n    "workspace": [\n      ${inner}\n    ]\n  }\n}\n`;

/** Open a new seed file whose text has one `|` cursor marker; return the document and the cursor. */
async function openAtCursor(
  name: string,
  marked: string,
): Promise<{ doc: vscode.TextDocument; at: vscode.Position }> {
  const offset = marked.indexOf('|');
  const uri = await newSeedFile(name, marked.slice(0, offset) + marked.slice(offset + 1));
  const { document: doc } = await open(uri);
  return { doc, at: doc.positionAt(offset) };
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Completion labels at a position, polled until the server answers with `ready` among them. */
async function completionLabels(
  doc: vscode.TextDocument,
  at: vscode.Position,
  ready: string,
): Promise<string[]> {
  return waitFor(`completion with "${ready}"`, async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      at,
    );
    const labels = list.items.map(labelOf);
    return labels.includes(ready) ? labels : undefined;
  });
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

suite('language features', () => {
  teardown(closeAll);

  test('completion offers every calculation type at "calculation_type": |', async () => {
    const { doc, at } = await openAtCursor(
      'calc.caseed.json',
      entryDoc('{ "attribute_name": "LTV", "calculation_type": |, "seed": { "value": 1 } }'),
    );
    const labels = await completionLabels(doc, at, 'sum');
    for (const t of CALCULATION_TYPES) assert.ok(labels.includes(t.name), `offers ${t.name}`);
  });

  test('completion offers every identity type inside "identities"', async () => {
    const { doc, at } = await openAtCursor(
      'ids.caseed.json',
      '{\n  "environment": "development",\n  "identities": {\n    |\n  }\n}\n',
    );
    const labels = await completionLabels(doc, at, 'email');
    for (const t of IDENTITY_TYPES) assert.ok(labels.includes(t.name), `offers ${t.name}`);
  });

  test('the contributed snippets are offered: a whole user from "caseed-user"', async () => {
    const { doc, at } = await openAtCursor('snippet.caseed.json', 'caseed-us|');
    const item = await waitFor('the caseed-user snippet', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        at,
      );
      return list.items.find(
        (i) => labelOf(i) === 'caseed-user' && i.kind === vscode.CompletionItemKind.Snippet,
      );
    });
    const body = item.insertText instanceof vscode.SnippetString ? item.insertText.value : '';
    assert.match(body, /calculated_attributes/);
  });

  test('hover explains a property: what it is and whether it is required', async () => {
    const uri = await copyOf('test/fixtures/integration/quickfix.caseed.json');
    const { document: doc } = await open(uri);
    const onKey = positionOf(doc, '"calculation_type"', 3);
    const text = await waitFor('a hover on calculation_type', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        onKey,
      );
      const t = hoverText(hovers);
      return /calculation_type/.test(t) ? t : undefined;
    });
    assert.match(text, /\*\*calculation_type\*\*/);
    assert.match(text, /required/);
    const onMpid = positionOf(doc, '"mpid"', 2);
    const mpidHover = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        onMpid,
      ),
    );
    assert.match(mpidHover, /\*\*mpid\*\*/);
  });

  test('the quick fix for a trailing comma, applied, leaves the file clean', async () => {
    const uri = await copyOf('test/fixtures/integration/quickfix.caseed.json');
    const { document: doc } = await open(uri);
    const [problem] = ours(
      await diagnosticsWhen(uri, 'the trailing comma reported', (d) =>
        ours(d).some((x) => codeOf(x) === 'trailing-comma'),
      ),
    );
    assert.equal(codeOf(problem), 'trailing-comma');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      problem.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.isPreferred === true && a.edit !== undefined);
    assert.ok(fix, `a preferred quick fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(fix.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the fix applies');
    await diagnosticsWhen(uri, 'no problem left', (d) => ours(d).length === 0);
    assert.doesNotThrow(() => JSON.parse(doc.getText()) as unknown, 'the file is JSON again');
  });

  test('"fix all of this kind" comes without edits and VS Code resolves it to fix every one', async () => {
    const users = Array.from(
      { length: 5 },
      (_, i) => `{"environment": "development", "mpid": ${i + 1}, "calculated_attributes": {},}`,
    );
    const uri = await newSeedFile('kinds.caseed.json', `[\n${users.join(',\n')}\n]\n`);
    const { document: doc } = await open(uri);
    const [problem] = ours(
      await diagnosticsWhen(uri, 'the trailing commas reported', (d) =>
        ours(d).some((x) => codeOf(x) === 'trailing-comma'),
      ),
    ).filter((d) => codeOf(d) === 'trailing-comma');
    const title = 'Fix all 5 "trailing-comma" problems in this file';
    const unresolved = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      problem.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const lazy = unresolved.find((a) => a.title === title);
    assert.ok(lazy, unresolved.map((a) => a.title).join(', '));
    assert.equal(lazy.edit, undefined, 'not built on a cursor move');
    const resolved = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      problem.range,
      vscode.CodeActionKind.QuickFix.value,
      100,
    );
    const all = resolved.find((a) => a.title === title);
    assert.ok(all?.edit, 'resolved with its edits');
    assert.ok(await vscode.workspace.applyEdit(all.edit), 'the fix applies');
    await diagnosticsWhen(uri, 'no trailing comma left', (d) =>
      ours(d).every((x) => codeOf(x) !== 'trailing-comma'),
    );
    assert.equal((JSON.parse(doc.getText()) as unknown[]).length, 5);
  });

  test('document symbols: one per user, named by the exact mpid, with its attributes', async () => {
    const uri = await copyOf('test/fixtures/integration/bulk.caseed.json');
    await open(uri);
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        uri,
      );
      return s !== undefined && s.length > 0 ? s : undefined;
    });
    assert.equal(symbols.length, 2);
    assert.match(symbols[0].name, /mpid 7346244611012968789/);
    assert.match(symbols[1].name, /email ada@example\.com/);
    assert.deepEqual(
      symbols[0].children.map((c) => c.name),
      ['LTV'],
    );
    assert.deepEqual(
      symbols[1].children.map((c) => c.name),
      ['Orders', 'Tier'],
    );
  });

  test('formatting pretty-prints and keeps 19-digit mpids exact', async () => {
    const uri = await copyOf('test/fixtures/integration/bulk.caseed.json');
    const { document: doc } = await open(uri);
    const edits = await waitFor('formatting edits', async () => {
      const e = await vscode.commands.executeCommand<vscode.TextEdit[]>(
        'vscode.executeFormatDocumentProvider',
        uri,
        { tabSize: 2, insertSpaces: true },
      );
      return e !== undefined && e.length > 0 ? e : undefined;
    });
    const edit = new vscode.WorkspaceEdit();
    edit.set(uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const text = doc.getText();
    assert.ok(text.split('\n').length > 20, 'pretty-printed over many lines');
    assert.match(text, /"mpid": 7346244611012968789\b/);
    assert.ok(!text.includes('7346244611012968000'), 'no rounding through a JS number');
    assert.match(text, /"value": 100\.5\b/);
    // Formatting again changes nothing.
    const second = await vscode.commands.executeCommand<vscode.TextEdit[]>(
      'vscode.executeFormatDocumentProvider',
      uri,
      { tabSize: 2, insertSpaces: true },
    );
    assert.equal(second?.length ?? 0, 0);
    await diagnosticsWhen(uri, 'still clean after formatting', (d) => ours(d).length === 0);
  });
});
