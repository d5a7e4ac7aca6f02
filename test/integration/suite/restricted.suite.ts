/**
 * Restricted Mode (an untrusted folder): validation and the editor features work, sending waits for
 * trust — the command refuses with the reason and no request reaches the API. Runs only when the
 * host's workspace is untrusted (run-e2e.mjs --restricted, the second integration run of
 * `npm test`); in a trusted workspace it is skipped.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SendCommandResult, SendRefusal } from '../../../client/commands/sendSeedFile';
import type { Emulator } from '../../../emulator/server';
import { startEmulator } from '../../../emulator/server';
import {
  closeAll,
  codeOf,
  copyOf,
  diagnosticsWhen,
  open,
  ours,
  positionOf,
  waitFor,
} from './helpers';

suite('Restricted Mode', () => {
  let emulator: Emulator | undefined;

  suiteSetup(async function () {
    if (vscode.workspace.isTrusted) this.skip();
    emulator = await startEmulator({
      port: 0,
      apiKey: 'restricted-key',
      apiSecret: 'restricted-s',
    });
  });

  suiteTeardown(async () => {
    await emulator?.close();
    const config = vscode.workspace.getConfiguration('caseed');
    await config.update('send.dataCenter', undefined, vscode.ConfigurationTarget.Global);
    await config.update('send.baseUrl', undefined, vscode.ConfigurationTarget.Global);
  });

  teardown(closeAll);

  test('the extension is active in an untrusted folder and validates', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const uri = await copyOf('test/fixtures/integration/problems.caseed.json');
    await open(uri);
    const ds = ours(await diagnosticsWhen(uri, 'three problems', (d) => ours(d).length >= 3));
    assert.deepEqual(ds.map(codeOf).sort(), [
      'mpid-as-string',
      'trailing-comma',
      'unknown-calculation-type',
    ]);
  });

  test('editor features work untrusted: hover and document symbols', async () => {
    const uri = await copyOf('test/fixtures/integration/quickfix.caseed.json');
    const { document: doc } = await open(uri);
    const onKey = positionOf(doc, '"calculation_type"', 3);
    await waitFor('a hover on calculation_type', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        onKey,
      );
      return hovers.length > 0;
    });
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      uri,
    );
    assert.ok((symbols?.length ?? 0) > 0, 'document symbols');
  });

  test('sending waits for trust: refused with the reason, nothing reaches the API', async () => {
    assert.ok(emulator);
    const config = vscode.workspace.getConfiguration('caseed');
    await config.update('send.baseUrl', emulator.url, vscode.ConfigurationTarget.Global);
    await config.update('send.dataCenter', 'custom', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('caseed.setCredentials', {
      apiKey: 'restricted-key',
      apiSecret: 'restricted-s',
    });
    const uri = await copyOf('test/fixtures/integration/send.caseed.json');
    await open(uri);
    const result = await vscode.commands.executeCommand<
      SendCommandResult | SendRefusal | undefined
    >('caseed.sendSeedFile', { uri, confirmed: true });
    assert.ok(result !== undefined && 'refused' in result, `refused: ${JSON.stringify(result)}`);
    assert.match(result.refused, /Restricted Mode/);
    assert.match(result.refused, /trust/);
    assert.equal(emulator.received.length, 0, 'no request reached the API');
  });
});
