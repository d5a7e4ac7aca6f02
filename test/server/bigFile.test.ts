/**
 * A 100,000-user bulk file over real JSON-RPC: the server validates it, and completion, hover, a
 * quick fix and range formatting work on a user deep in it (answered from that user, not from a
 * tree of the document); a keystroke there is validated incrementally, and the fix applied as the
 * editor sends it removes exactly that problem.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  Hover,
  PublishDiagnosticsParams,
  TextEdit,
} from 'vscode-languageserver/node';
import { ensureBuilt } from './build';
import { LspClient } from './lspClient';

const USERS = 100_000;
const DEEP = 87_654;
const LAST = USERS - 1;

/** Three lines per user: `{`, its properties on one line, `}`; user i's `{` is on line 1 + 3i. */
function user(i: number): string {
  const env = i === DEEP || i === LAST ? 'dev' : 'development';
  return `  {\n    "environment": "${env}", "mpid": ${1000 + i}, "calculated_attributes": {"workspace": [{"attribute_name": "LTV", "calculation_type": "sum", "cutoff_date": "2019-12-01", "seed": {"value": ${i % 50}}}]}\n  }`;
}

const text = `[\n${Array.from({ length: USERS }, (_, i) => user(i)).join(',\n')}\n]\n`;
const line = (i: number): number => 2 + 3 * i;
const lineText = (i: number): string => user(i).split('\n')[1];

describe('a 100,000-user file over JSON-RPC', () => {
  let client: LspClient;
  const uri = 'file:///big/users.caseed.json';
  const published = (version: number): PublishDiagnosticsParams | undefined =>
    client.diagnostics.find((d) => d.uri === uri && d.version === version);

  before(async () => {
    ensureBuilt();
    const configuration = { validate: { debounceMs: 0 } };
    client = LspClient.start({ configuration });
    await client.initialize({ configuration });
    await client.initialized();
    await client.open(uri, text, 1);
    await client.waitFor('diagnostics of the big file', () => published(1), 120_000);
  });

  after(async () => {
    await client.kill();
  });

  it('reports the problems of the users deep in the file at their lines', async () => {
    const ds = published(1)!.diagnostics.filter((d) => d.code === 'invalid-environment');
    assert.deepEqual(
      ds.map((d) => d.range.start.line),
      [line(DEEP), line(LAST)],
    );
    const status = await client.waitFor('the file status', () =>
      client.statuses.find((s) => s.uri === uri && s.version === 1),
    );
    assert.equal(status.users, USERS);
  });

  it('completes a calculation type in a user deep in the file', async () => {
    const at = lineText(DEEP).indexOf('"sum"') + 1;
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: line(DEEP), character: at },
    });
    const labels = items.map((i) => i.label);
    for (const type of ['sum', 'min', 'unique_list'])
      assert.ok(labels.includes(type), `${type} offered (got ${labels.join(', ')})`);
  });

  it('hovers a property of a user deep in the file', async () => {
    const at = lineText(DEEP).indexOf('"calculation_type"') + 3;
    const h = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: line(DEEP), character: at },
    });
    assert.ok(h !== null, 'a hover');
    const value = JSON.stringify(h.contents);
    assert.match(value, /calculation/i);
    assert.equal(h.range?.start.line, line(DEEP));
  });

  it('offers the quick fix of a problem deep in the file, and applying it removes the problem', async () => {
    const d = published(1)!.diagnostics.find(
      (x) => x.code === 'invalid-environment' && x.range.start.line === line(DEEP),
    ) as Diagnostic;
    // Published diagnostics carry no fixes: the server builds them for the code action request.
    assert.equal(d.data, undefined);
    assert.ok(published(1)!.diagnostics.every((x) => x.data === undefined));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.title === 'Change to "development"');
    assert.ok(fix?.edit?.changes?.[uri] !== undefined, 'the fix edits this file');
    const edits = fix.edit.changes[uri];
    assert.equal(edits.length, 1);
    assert.equal(edits[0].range.start.line, line(DEEP));
    assert.equal(edits[0].newText, '"development"');
    // The editor applies it: an incremental change of the deep user only.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: edits[0].range, text: edits[0].newText }],
    });
    const after = await client.waitFor('diagnostics of version 2', () => published(2), 120_000);
    const left = after.diagnostics.filter((x) => x.code === 'invalid-environment');
    assert.deepEqual(
      left.map((x) => x.range.start.line),
      [line(LAST)],
    );
    // The last user's problem is where it was (the fix changed another line).
    const before = published(1)!.diagnostics.find(
      (x) => x.code === 'invalid-environment' && x.range.start.line === line(LAST),
    );
    assert.deepEqual(left[0].range, before?.range);
  });

  it('formats the range of one user deep in the file, and only it', async () => {
    const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: {
        start: { line: line(DEEP - 5), character: 0 },
        end: { line: line(DEEP - 5), character: 10 },
      },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.equal(edits.length, 1);
    assert.ok(edits[0].range.start.line >= line(DEEP - 5) - 1);
    assert.ok(edits[0].range.end.line <= line(DEEP - 5) + 2);
    assert.match(edits[0].newText, /\n {10}"attribute_name": "LTV",\n/);
    assert.match(edits[0].newText, new RegExp(`"mpid": ${1000 + DEEP - 5},\n`));
  });
});
