/**
 * Credentials and sending in the real extension host: `caseed.setCredentials` keeps the secret out of
 * settings, files and logs; `caseed.sendSeedFile` sends to the local emulator (started here, on
 * loopback) with those credentials, a 400 naming an attribute lands on that attribute, and wrong
 * credentials get a 403 refusal that offers re-entering them (the command returns its result).
 * The credentials are given as the command's argument (`{apiKey, apiSecret}`), as input boxes cannot
 * be driven from an extension host (the UI test types them); the send's modal confirmation is
 * answered through the extension's own `showWarningMessage` call (helpers' answeringConfirmation) —
 * the command has no argument that skips it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SendCommandResult } from '../../../client/commands/sendSeedFile';
import type { Emulator } from '../../../emulator/server';
import { startEmulator } from '../../../emulator/server';
import {
  answeringConfirmation,
  closeAll,
  codeOf,
  copyOf,
  diagnosticsWhen,
  newSeedFile,
  open,
  waitFor,
  workspaceDir,
} from './helpers';
import { filesContaining } from './nodeFiles';

const API_KEY = 'e2e-test-key';
// Distinctive, so that any copy of it anywhere is found.
const API_SECRET = 'caseed-e2e-secret-Zq7xW3vKp9';
// A wrong secret for the same key, as distinctive.
const WRONG_SECRET = 'caseed-e2e-wrong-Jh4rT8mNq2';

async function useEmulator(emulator: Emulator): Promise<void> {
  const config = vscode.workspace.getConfiguration('caseed');
  await config.update('send.baseUrl', emulator.url, vscode.ConfigurationTarget.Global);
  await config.update('send.dataCenter', 'custom', vscode.ConfigurationTarget.Global);
  await waitFor('the settings to reach the extension', () => {
    const c = vscode.workspace.getConfiguration('caseed');
    return c.get('send.baseUrl') === emulator.url && c.get('send.dataCenter') === 'custom';
  });
  await vscode.commands.executeCommand('caseed.setCredentials', {
    apiKey: API_KEY,
    apiSecret: API_SECRET,
  });
}

function apiDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'caseed-api');
}

function userDataDir(): string {
  const dir = process.env.CASEED_E2E_USER_DATA;
  assert.ok(dir, 'the runner passes CASEED_E2E_USER_DATA');
  return dir;
}

suite('credentials and sending', () => {
  let emulator: Emulator;
  let strict: Emulator;

  suiteSetup(async () => {
    emulator = await startEmulator({ port: 0, apiKey: API_KEY, apiSecret: API_SECRET });
    // This workspace defines only LTV: a request seeding Orders is answered 400.
    strict = await startEmulator({
      port: 0,
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      definitions: [{ name: 'LTV', calculation_type: 'sum' }],
    });
  });

  suiteTeardown(async () => {
    await emulator?.close();
    await strict?.close();
    const config = vscode.workspace.getConfiguration('caseed');
    await config.update('send.dataCenter', undefined, vscode.ConfigurationTarget.Global);
    await config.update('send.baseUrl', undefined, vscode.ConfigurationTarget.Global);
  });

  teardown(closeAll);

  test('Set Credentials stores the secret, which appears in no setting, file or log', async () => {
    await useEmulator(emulator);
    const inspected = JSON.stringify(vscode.workspace.getConfiguration('caseed'));
    assert.ok(!inspected.includes(API_SECRET), 'not in the caseed settings');
    await vscode.commands.executeCommand('caseed.showOutput');
    for (const dir of [workspaceDir(), userDataDir()]) {
      assert.deepEqual(filesContaining(dir, API_SECRET), [], `the secret is not in ${dir}`);
    }
  });

  test('Send Seed File sends to the emulator with the stored credentials, mpids exact', async () => {
    await useEmulator(emulator);
    const uri = await copyOf('test/fixtures/integration/send.caseed.json');
    await open(uri);
    const before = emulator.accepted.length;
    const { asked } = await answeringConfirmation(/^Send/, () =>
      vscode.commands.executeCommand('caseed.sendSeedFile', { uri }),
    );
    assert.equal(asked.length, 1, 'the modal summary was shown');
    assert.match(asked[0].message, /^Send 2 users to /);
    await waitFor('the emulator to accept the file', () => emulator.accepted.length > before);
    const got = emulator.accepted[emulator.accepted.length - 1];
    assert.deepEqual(
      got.users.map((u) => u.mpid),
      ['7346244611012968789', '-8933190488386178927'],
    );
    const auth = emulator.received[emulator.received.length - 1]?.authorization;
    const expected = `Basic ${Buffer.from(`${API_KEY}:${API_SECRET}`).toString('base64')}`;
    assert.equal(auth, expected, 'the credentials from SecretStorage were used');
    assert.deepEqual(apiDiagnostics(uri), [], 'no API error on the file');
    // The scan below reads the extension's own log (it names the URL it sent to) …
    const logs = filesContaining(userDataDir(), `${emulator.url}/v2/`);
    assert.ok(logs.length > 0, 'the output channel log is under the scanned folder');
    // … and the secret is in none of them.
    assert.deepEqual(filesContaining(userDataDir(), API_SECRET), [], 'in no log after a send');
  });

  test('no argument skips the confirmation: `{confirmed: true}` still asks, and a dismissal sends nothing', async () => {
    await useEmulator(emulator);
    const uri = await copyOf('test/fixtures/integration/send.caseed.json');
    await open(uri);
    const received = emulator.received.length;
    const { result, asked } = await answeringConfirmation(undefined, () =>
      vscode.commands.executeCommand<SendCommandResult | undefined>('caseed.sendSeedFile', {
        uri,
        confirmed: true,
      }),
    );
    assert.equal(asked.length, 1, 'the modal summary was shown despite `confirmed: true`');
    assert.equal(result, undefined);
    assert.equal(emulator.received.length, received, 'nothing reached the API');
  });

  test('a 400 naming an attribute lands as a diagnostic on that attribute', async () => {
    await useEmulator(strict);
    const uri = await copyOf('test/fixtures/integration/send.caseed.json');
    const { document: doc } = await open(uri);
    await answeringConfirmation(/^Send/, () =>
      vscode.commands.executeCommand('caseed.sendSeedFile', { uri }),
    );
    const ds = await diagnosticsWhen(uri, 'the API error on the file', (d) =>
      d.some((x) => x.source === 'caseed-api'),
    );
    const api = ds.filter((x) => x.source === 'caseed-api');
    const onOrders = api.filter((d) => doc.getText(d.range) === '"Orders"');
    const all = api.map((d) => `${doc.getText(d.range)}: ${d.message}`).join(' | ');
    assert.equal(onOrders.length, 1, `one diagnostic on "Orders" (got ${all})`);
    assert.equal(onOrders[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(onOrders[0].message, /Orders/);
    assert.ok(codeOf(onOrders[0]) !== '');
    assert.equal(strict.accepted.length, 0, 'all-or-nothing: nothing accepted');
    // Editing the file clears the API's verdict (it was about the text that was sent).
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), ' ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the API diagnostics cleared by an edit', () => apiDiagnostics(uri).length === 0);
  });

  test('an interrupted send is offered for resume when the file is sent again; a changed file is not', async () => {
    await useEmulator(strict);
    const config = vscode.workspace.getConfiguration('caseed');
    await config.update('send.maxUsers', 1, vscode.ConfigurationTarget.Global);
    try {
      const user = (mpid: string, orders: boolean): string =>
        `{"environment":"development","mpid":${mpid},"calculated_attributes":{"workspace":[{"attribute_name":"LTV","calculation_type":"sum","cutoff_date":"2019-12-01","seed":{"value":1}}${orders ? ',{"attribute_name":"Orders","calculation_type":"count","cutoff_date":"2019-12-01","seed":{"value":3}}' : ''}]}}`;
      const uri = await newSeedFile(
        'resume.caseed.json',
        `[\n${user('7346244611012968789', false)},\n${user('42', true)}\n]\n`,
      );
      await open(uri);
      // User 1 is accepted; user 2 (Orders is not defined there) is rejected: the send is unfinished.
      const first = await answeringConfirmation(/^Send/, () =>
        vscode.commands.executeCommand<SendCommandResult>('caseed.sendSeedFile', { uri }),
      );
      assert.equal(first.result.outcome, 'rejected');
      assert.equal(strict.accepted.length, 1);
      const received = strict.received.length;
      const again = await answeringConfirmation(/^Resume/, () =>
        vscode.commands.executeCommand<SendCommandResult>('caseed.sendSeedFile', { uri }),
      );
      assert.equal(again.asked.length, 1, 'one modal: the summary offering the resume');
      assert.match(again.asked[0].message, /^Resume the interrupted send of 2 users/);
      assert.deepEqual(again.asked[0].buttons, ['Resume (1 user left)', 'Send All Again']);
      assert.match(again.asked[0].detail ?? '', /1 of 2 requests \(1 users\) were accepted/);
      assert.equal(strict.received.length, received + 1, 'only the request not accepted was sent');
      assert.ok(strict.received[strict.received.length - 1].body.includes('"mpid":42'));
      // Changed since: the modal says it cannot be resumed and offers only a full send.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), ' ');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const changed = await answeringConfirmation(undefined, () =>
        vscode.commands.executeCommand('caseed.sendSeedFile', { uri }),
      );
      assert.match(changed.asked[0].message, /^Send 2 users to /);
      assert.deepEqual(changed.asked[0].buttons, ['Send']);
      assert.match(
        changed.asked[0].detail ?? '',
        /cannot be resumed: resume\.caseed\.json changed since/,
      );
      assert.deepEqual(filesContaining(userDataDir(), API_SECRET), [], 'not in the journal either');
    } finally {
      await config.update('send.maxUsers', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('wrong credentials: a 403 refusal that offers re-entering them, the secret in no log', async () => {
    await useEmulator(emulator);
    await vscode.commands.executeCommand('caseed.setCredentials', {
      apiKey: API_KEY,
      apiSecret: WRONG_SECRET,
    });
    try {
      const uri = await copyOf('test/fixtures/integration/send.caseed.json');
      await open(uri);
      const accepted = emulator.accepted.length;
      const received = emulator.received.length;
      const { result } = await answeringConfirmation(/^Send/, () =>
        vscode.commands.executeCommand<SendCommandResult | undefined>('caseed.sendSeedFile', {
          uri,
        }),
      );
      assert.deepEqual(result, { outcome: 'rejected', status: 403, offeredReenter: true });
      assert.ok(emulator.received.length > received, 'the request reached the emulator');
      const wrongAuth = `Basic ${Buffer.from(`${API_KEY}:${WRONG_SECRET}`).toString('base64')}`;
      const last = emulator.received[emulator.received.length - 1];
      assert.equal(last?.status, 403, 'the emulator refused the wrong secret');
      assert.equal(last?.authorization, wrongAuth);
      assert.equal(emulator.accepted.length, accepted, 'nothing accepted');
      assert.equal(emulator.received.length, received + 1, 'a 403 is never retried');
      assert.deepEqual(apiDiagnostics(uri), [], 'a refusal of credentials is not a file error');
      // The output channel log records the refusal …
      await waitFor('the refusal in the output channel log', () => {
        const logs = filesContaining(userDataDir(), 'refused the credentials (403)');
        return logs.length > 0 && logs;
      });
      // … and neither the wrong secret nor its Authorization header is anywhere.
      for (const dir of [workspaceDir(), userDataDir()]) {
        assert.deepEqual(filesContaining(dir, WRONG_SECRET), [], `the secret is not in ${dir}`);
        assert.deepEqual(filesContaining(dir, wrongAuth), [], `the header is not in ${dir}`);
      }
    } finally {
      await useEmulator(emulator);
    }
  });
});
