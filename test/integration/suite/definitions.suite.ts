/**
 * `caseed: Pull Definitions` in the real extension host, against the emulator's Platform API on
 * loopback: the definitions file is written into the workspace folder, the language server picks it
 * up and an open seed file gets the definitions diagnostics and attribute-name completion; the
 * workspace id is remembered per folder and the client id/secret kept in SecretStorage (a second
 * pull asks nothing); a wrong secret is refused; neither the secret nor a token lands in any file
 * or log. The values the input boxes would ask for are passed as arguments here (input boxes cannot
 * be typed into from an extension host); the UI test (test/ui/run-ui.mjs) types them instead.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PullCommandResult } from '../../../client/commands/pullDefinitions';
import { parseDefinitions } from '../../../core/definitions/parse';
import type { Emulator } from '../../../emulator/server';
import { startEmulator } from '../../../emulator/server';
import {
  closeAll,
  codeOf,
  diagnosticsWhen,
  newSeedFile,
  open,
  positionOf,
  workspaceDir,
} from './helpers';
import { filesContaining } from './nodeFiles';

const CLIENT_ID = 'e2e-platform-client';
const CLIENT_SECRET = 'caseed-e2e-platform-secret-Vb8nQ2'; // distinctive: any copy is found
const DEFINITIONS = `{
  "workspace_id": 4321,
  "calculated_attributes": [
    { "name": "LTV", "id": 10, "calculation_type": "sum", "cutoff_date": "2019-12-01", "status": "active",
      "description": "Lifetime value.", "data_point": { "type": "event_attribute", "event_name": "Purchase", "attribute_name": "amount" } },
    { "name": "Orders", "id": 11, "calculation_type": "count", "cutoff_date": "2019-12-01", "status": "draft", "data_point": { "type": "event", "event_name": "Order" } }
  ]
}`;
const SEED = `{
  "environment": "development",
  "mpid": 1,
  "calculated_attributes": {
    "workspace": [
      { "attribute_name": "LTVV", "calculation_type": "sum", "cutoff_date": "2019-12-01", "seed": { "value": 1 } },
      { "attribute_name": "" }
    ]
  }
}`;

suite('pull definitions', () => {
  let emulator: Emulator;
  const target = (): string => join(workspaceDir(), 'caseed.definitions.json');

  suiteSetup(async () => {
    const parsed = parseDefinitions(DEFINITIONS, 'suite');
    assert.ok(parsed.definitions);
    emulator = await startEmulator({
      port: 0,
      apiKey: 'unused-key',
      apiSecret: 'unused-secret',
      platform: {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        definitions: parsed.definitions,
      },
    });
    const config = vscode.workspace.getConfiguration('caseed');
    await config.update('definitions.apiUrl', emulator.url, vscode.ConfigurationTarget.Global);
    await config.update(
      'definitions.tokenUrl',
      `${emulator.url}/oauth/token`,
      vscode.ConfigurationTarget.Global,
    );
  });

  suiteTeardown(async () => {
    await closeAll();
    // The other suites compare the editor with the CLI on files of this folder: leave no definitions.
    rmSync(target(), { force: true });
    await emulator?.close();
    const config = vscode.workspace.getConfiguration('caseed');
    await config.update('definitions.apiUrl', undefined, vscode.ConfigurationTarget.Global);
    await config.update('definitions.tokenUrl', undefined, vscode.ConfigurationTarget.Global);
  });

  test('a wrong client secret is refused (401) and nothing is written', async () => {
    const r = await vscode.commands.executeCommand<PullCommandResult>('caseed.pullDefinitions', {
      workspaceId: '4321',
      clientId: CLIENT_ID,
      clientSecret: 'caseed-e2e-wrong-platform-secret',
    });
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.reason : '', /refused the client id and secret \(HTTP 401\)/);
    assert.ok(!existsSync(target()));
  });

  test('the file is written and an open seed file gets the definitions diagnostics and completion', async () => {
    const uri = await newSeedFile('pulled.caseed.json', SEED);
    const { document: doc } = await open(uri);
    const r = await vscode.commands.executeCommand<PullCommandResult>('caseed.pullDefinitions', {
      workspaceId: '4321',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.equal(r.count, 2);
    const written = parseDefinitions(readFileSync(target(), 'utf8'), 'x');
    assert.deepEqual(written.diagnostics, []);
    assert.equal(written.definitions?.workspace_id, '4321');
    const ds = await diagnosticsWhen(uri, 'the unknown-calculated-attribute diagnostic', (d) =>
      d.some((x) => codeOf(x) === 'unknown-calculated-attribute'),
    );
    const unknown = ds.find((x) => codeOf(x) === 'unknown-calculated-attribute');
    assert.equal(doc.getText(unknown?.range), '"LTVV"');
    assert.match(unknown?.message ?? '', /Did you mean "LTV"\?/);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      positionOf(doc, '{ "attribute_name": ""', '{ "attribute_name": "'.length),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('LTV') && labels.includes('Orders'), labels.join(', '));
  });

  test('a second pull asks nothing: workspace id remembered, credentials in SecretStorage', async () => {
    const r = await vscode.commands.executeCommand<PullCommandResult>('caseed.pullDefinitions');
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.equal(r.workspaceId, '4321');
  });

  test('neither the client secret nor a token is in any setting, file or log', async () => {
    const settings = JSON.stringify(vscode.workspace.getConfiguration('caseed'));
    assert.ok(!settings.includes(CLIENT_SECRET));
    // Two successful pulls, one token: the second reused it from memory.
    assert.equal(emulator.platformTokens.length, 1, 'one token, kept in memory until it expires');
    const dirs = [workspaceDir(), process.env.CASEED_E2E_USER_DATA ?? ''].filter((d) => d !== '');
    for (const dir of dirs) {
      assert.deepEqual(filesContaining(dir, CLIENT_SECRET), [], `the secret is not in ${dir}`);
      for (const t of emulator.platformTokens)
        assert.deepEqual(filesContaining(dir, t), [], `no token in ${dir}`);
    }
  });
});
