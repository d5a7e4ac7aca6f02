/**
 * Code actions through the real server (JSON-RPC) on a file with a problem in every user, from a
 * client that resolves code actions the way VS Code's does (`dataSupport`, `resolveSupport` for
 * `edit`): a cursor move gets the fixes of the user under the cursor and a deferred "fix all of
 * this kind" whose edits come from `codeAction/resolve`; the whole-file fix comes only on request.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver/node';
import { applyTextEdits } from '../core/cursor';
import { ensureBuilt } from './build';
import { LspClient } from './lspClient';

const USERS = 2000;
const TEXT = '[\n' + Array<string>(USERS).fill('{}').join(',\n') + '\n]\n';
const URI = 'file:///every-user.caseed.json';

describe('code actions over JSON-RPC, on a problem in every user', () => {
  let client: LspClient;

  before(async () => {
    ensureBuilt();
    client = LspClient.start();
    const init = (await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: [] } },
            dataSupport: true,
            resolveSupport: { properties: ['edit'] },
          },
        },
      },
    })) as { capabilities: { codeActionProvider?: { resolveProvider?: boolean } } };
    assert.equal(init.capabilities.codeActionProvider?.resolveProvider, true);
    await client.initialized();
    await client.open(URI, TEXT);
    await client.waitForDiagnostics(URI);
  });

  after(async () => {
    await client.kill();
  });

  const at = (line: number): unknown => ({
    start: { line, character: 1 },
    end: { line, character: 1 },
  });

  it('a cursor move: the fixes of that user, fix-all of a kind deferred, no source.fixAll', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: at(1000),
      context: { diagnostics: [] },
    });
    const fixes = actions.filter((a) => a.diagnostics !== undefined);
    assert.ok(fixes.length > 0);
    for (const a of fixes) assert.equal(a.diagnostics?.[0].range.start.line, 1000);
    assert.equal(actions.filter((a) => a.kind === 'source.fixAll.caseed').length, 0);
    const kind = actions.find((a) => a.title.startsWith(`Fix all ${USERS} `));
    assert.ok(kind, actions.map((a) => a.title).join(', '));
    assert.equal(kind.edit, undefined, 'edits wait for codeAction/resolve');

    const resolved = await client.request<CodeAction>('codeAction/resolve', kind);
    const edits = resolved.edit?.changes?.[URI];
    assert.equal(edits?.length, USERS);
    const fixed = applyTextEdits(TEXT, edits ?? []);
    const users = JSON.parse(fixed) as Array<{ environment?: string }>;
    assert.equal(users.length, USERS);
    assert.ok(users.every((u) => typeof u.environment === 'string'));
    assert.deepEqual(client.errorLogs, []);
  });

  it('source.fixAll.caseed on request fixes every user', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: at(0),
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.caseed');
    assert.equal(actions[0].edit?.changes?.[URI].length, USERS);
  });

  it('resolving an action of a document that is not open answers it unchanged', async () => {
    const action = {
      title: 'Fix all 2 "x" problems in this file',
      kind: 'quickfix',
      data: { caseedFixAllOfKind: 'x', uri: 'file:///closed.caseed.json' },
    };
    assert.deepEqual(await client.request('codeAction/resolve', action), action);
    assert.deepEqual(client.errorLogs, []);
  });
});
