/**
 * Import mapping files in the language server, over real JSON-RPC: the client answers
 * `caseed/readExportHeader` with the columns of the export beside the mapping (as VS Code does on
 * the desktop), and the server reports the columns the export lacks on their exact position and
 * completes column names from the header and attribute names from the definitions. Without a
 * client that answers, the mapping is checked against its schema only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, InitializeResult } from 'vscode-languageserver/node';
import type { ReadExportHeaderParams } from '../../contract/importMapping';
import { DEFS_TEXT } from '../core/definitions/helpers';
import { ensureBuilt } from './build';
import { LspClient } from './lspClient';

const DEFS_URI = 'file:///ws/caseed.definitions.json';
const MAP_URI = 'file:///ws/orders.caseed-map.json';
const HEADER = ['MPID', 'purchases', 'ltv_total', 'user_identities.email'];
const MAPPING = `{
  "environment": "development",
  "mpid": "MPID",
  "calculated_attributes": [
    { "name": "LTV", "column": "ltv_totl" }
  ]
}
`;
/** Half-typed: empty strings where the user asks for completion. */
const TYPING = MAPPING.replace(
  '{ "name": "LTV", "column": "ltv_totl" }',
  '{ "name": "LTV", "column": "ltv_totl" },\n    { "name": "", "column": "" }',
);

describe('server: import mapping files', () => {
  let client: LspClient;
  const asked: ReadExportHeaderParams[] = [];

  before(async () => {
    ensureBuilt();
    client = LspClient.start();
    client.connection.onRequest('caseed/readDefinitions', () => ({
      uri: DEFS_URI,
      text: DEFS_TEXT,
    }));
    client.connection.onRequest('caseed/readExportHeader', (p: ReadExportHeaderParams) => {
      asked.push(p);
      return { exportUri: 'file:///ws/orders.csv', header: HEADER };
    });
    await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: { definitionsProvider: true, exportHeaderProvider: true },
    });
    await client.initialized();
  });

  after(async () => {
    await client.kill();
  });

  it('puts a column the export lacks on its position, with the closest column', async () => {
    await client.open(MAP_URI, MAPPING);
    const d = await client.waitForDiagnostics(MAP_URI, (p) => p.diagnostics.length > 0);
    assert.deepEqual(asked[0], { mappingUri: MAP_URI });
    const missing = d.diagnostics.find((x) => /no column "ltv_totl"/.test(x.message));
    assert.ok(missing, d.diagnostics.map((x) => x.message).join('\n'));
    assert.equal(missing.code, 'invalid-mapping');
    assert.deepEqual(missing.range, {
      start: { line: 4, character: 31 },
      end: { line: 4, character: 41 },
    });
    assert.match(missing.message, /did you mean "ltv_total"\?/);
  });

  it('completes column names from the header and attribute names from the definitions', async () => {
    await client.change(MAP_URI, TYPING, 2);
    const columns = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: MAP_URI },
      position: { line: 5, character: 29 },
    });
    assert.deepEqual(
      columns.map((i) => i.label),
      HEADER,
    );
    const names = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: MAP_URI },
      position: { line: 5, character: 15 },
    });
    assert.deepEqual(
      names.map((i) => i.label),
      ['Favorite Category', 'LTV', 'Orders'],
    );
  });

  it('a schema problem is reported without the header too', async () => {
    const uri = 'file:///ws/other.caseed-map.json';
    await client.open(uri, '{ "enviroment": "development", "calculated_attributes": [] }');
    const d = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.match(d.diagnostics[0].message, /did you mean "environment"\?/);
  });
});
