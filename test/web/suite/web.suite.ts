/**
 * Only in VS Code for the Web: the extension runs as a web extension (no Node in this host, the
 * server in a web worker), and sending follows the browser's rules — to a target that answers CORS
 * (the emulator started with `--cors`) a file is sent and accepted; to one that does not (the
 * emulator without it, as mParticle's API) the command refuses in plain words instead of failing.
 * The runner starts both emulators and writes their URLs to `<workspace>/web-test-env.json`.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SendCommandResult, SendRefusal } from '../../../client/commands/sendSeedFile';
import {
  answeringConfirmation,
  closeAll,
  copyOf,
  EXTENSION_ID,
  isWeb,
  open,
  waitFor,
  workspaceText,
} from '../../integration/suite/helpers';

interface WebTestEnv {
  corsEmulator: string;
  plainEmulator: string;
  apiKey: string;
  apiSecret: string;
}

async function useTarget(env: WebTestEnv, url: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('caseed');
  await config.update('send.baseUrl', url, vscode.ConfigurationTarget.Global);
  await config.update('send.dataCenter', 'custom', vscode.ConfigurationTarget.Global);
  await waitFor('the settings to reach the extension', () => {
    const c = vscode.workspace.getConfiguration('caseed');
    return c.get('send.baseUrl') === url && c.get('send.dataCenter') === 'custom';
  });
  await vscode.commands.executeCommand('caseed.setCredentials', {
    apiKey: env.apiKey,
    apiSecret: env.apiSecret,
  });
}

type Sent = SendCommandResult | SendRefusal | undefined;

suite('VS Code for the Web', () => {
  let env: WebTestEnv;

  suiteSetup(async () => {
    env = JSON.parse(await workspaceText('web-test-env.json')) as WebTestEnv;
  });

  suiteTeardown(async () => {
    const config = vscode.workspace.getConfiguration('caseed');
    await config.update('send.dataCenter', undefined, vscode.ConfigurationTarget.Global);
    await config.update('send.baseUrl', undefined, vscode.ConfigurationTarget.Global);
  });

  teardown(closeAll);

  test('this is a browser extension host: no Node, the workspace a virtual file system', async () => {
    assert.ok(isWeb(), 'uiKind is Web and there is no process global');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    assert.notEqual(vscode.workspace.workspaceFolders?.[0].uri.scheme, 'file');
    const uri = await copyOf('examples/broken.caseed.json');
    await open(uri);
    await waitFor('the extension to activate', () => ext.isActive);
  });

  test('sending to a target that answers CORS (emulator --cors) works from the browser', async () => {
    await useTarget(env, env.corsEmulator);
    const uri = await copyOf('test/fixtures/integration/send.caseed.json');
    await open(uri);
    const { result, asked } = await answeringConfirmation(/^Send/, () =>
      vscode.commands.executeCommand<Sent>('caseed.sendSeedFile', { uri }),
    );
    assert.equal(asked.length, 1, 'the summary was confirmed as a user would');
    assert.ok(result !== undefined && 'outcome' in result, `a send ran: ${JSON.stringify(result)}`);
    assert.equal(result.outcome, 'accepted');
    // Read back what the emulator accepted (it answers CORS on every route).
    const seeds = (await (
      await fetch(`${env.corsEmulator}/emulator/seeds`, {
        headers: { authorization: `Basic ${btoa(`${env.apiKey}:${env.apiSecret}`)}` },
      })
    ).text()) as string;
    assert.match(seeds, /"mpid":\s*"?7346244611012968789/, 'the 19-digit mpid arrived exact');
  });

  test('sending to a target without CORS is refused in plain words, nothing attempted', async () => {
    await useTarget(env, env.plainEmulator);
    const uri = await copyOf('test/fixtures/integration/send.caseed.json');
    await open(uri);
    const { result } = await answeringConfirmation(/^Send/, () =>
      vscode.commands.executeCommand<Sent>('caseed.sendSeedFile', { uri }),
    );
    assert.ok(result !== undefined && 'refused' in result, `refused: ${JSON.stringify(result)}`);
    assert.match(result.refused, /VS Code for the Web/);
    assert.match(result.refused, /CORS/);
    assert.match(result.refused, /caseed send/);
  });
});
