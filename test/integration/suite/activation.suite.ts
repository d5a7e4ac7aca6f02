/** The extension activates when a `*.caseed.json` file opens, and registers its commands. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, newSeedFile, open, waitFor } from './helpers';

suite('activation', () => {
  test('a *.caseed.json file gets the caseed language and activates the extension', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    const uri = await newSeedFile('activate.caseed.json', '{\n  "mpid": "1"\n}\n');
    const editor = await open(uri);
    assert.equal(editor.document.languageId, 'caseed');
    await waitFor('the extension to activate', () => ext.isActive);
  });

  test('the contributed commands are registered', async () => {
    const all = await vscode.commands.getCommands(true);
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { commands: { command: string }[] };
    };
    for (const { command } of manifest.contributes.commands) {
      assert.ok(all.includes(command), `${command} is registered`);
    }
  });
});
