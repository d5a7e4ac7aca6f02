/**
 * Sending in the editor: the "Send" CodeLens at the top of a seed file, naming the data center the
 * settings choose, and following a change of that setting. (The send itself is covered over real
 * HTTP in test/send; its modal confirmation is not drivable from an extension host.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { newSeedFile, open, waitFor } from './helpers';

const SEED = `{
  "environment": "development",
  "mpid": 7346244611012968789,
  "calculated_attributes": {
    "workspace": [
      { "attribute_name": "LTV", "calculation_type": "sum", "cutoff_date": "2019-12-01", "seed": { "value": 1 } }
    ]
  }
}
`;

async function sendLens(uri: vscode.Uri): Promise<vscode.CodeLens | undefined> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
    'vscode.executeCodeLensProvider',
    uri,
  );
  return lenses?.find((l) => l.command?.command === 'caseed.sendSeedFile');
}

suite('send', () => {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('caseed');

  suiteTeardown(async () => {
    await config().update('send.dataCenter', undefined, vscode.ConfigurationTarget.Global);
  });

  test('a "Send" CodeLens at the top of a seed file runs caseed.sendSeedFile on it', async () => {
    const uri = await newSeedFile('lens.caseed.json', SEED);
    await open(uri);
    const lens = await waitFor('the Send CodeLens', () => sendLens(uri));
    assert.equal(lens.range.start.line, 0);
    assert.match(lens.command?.title ?? '', /Send/);
    assert.equal((lens.command?.arguments?.[0] as vscode.Uri).toString(), uri.toString());
  });

  test('the lens names the data center and follows the setting', async () => {
    const uri = await newSeedFile('lens-eu.caseed.json', SEED);
    await open(uri);
    await config().update('send.dataCenter', 'eu1', vscode.ConfigurationTarget.Global);
    await waitFor('the lens to name EU1', async () =>
      /Send to EU1/.test((await sendLens(uri))?.command?.title ?? ''),
    );
    await config().update('send.dataCenter', 'au1', vscode.ConfigurationTarget.Global);
    await waitFor('the lens to name AU1', async () =>
      /Send to AU1/.test((await sendLens(uri))?.command?.title ?? ''),
    );
  });
});
