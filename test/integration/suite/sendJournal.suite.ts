/**
 * One journal for both shells, in the real extension host against the emulator on loopback (desktop:
 * the CLI is run as a real process, the journal sits beside the file):
 * - a `caseed send` killed with SIGKILL mid-send is offered for resume in VS Code — "Resume (1 user
 *   left)" — and the resume sends only the request the killed run had in flight (its stale lock
 *   taken over);
 * - a send from VS Code that ended unfinished is resumed by `caseed send --resume`, which skips the
 *   requests VS Code had accepted;
 * - while VS Code sends a file, `caseed send` of the same file is refused (exit 4, naming VS Code).
 * The send's modal is answered through the extension's own `showWarningMessage` call.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SendCommandResult } from '../../../client/commands/sendSeedFile';
import { BULK_PATH } from '../../../core/facts';
import { readJournal } from '../../../core/send/journal';
import type { FaultOptions } from '../../../emulator/faults';
import type { Emulator } from '../../../emulator/server';
import { startEmulator } from '../../../emulator/server';
import { answeringConfirmation, closeAll, newSeedFile, open, repoRoot, waitFor } from './helpers';

const API_KEY = 'journal-test-key';
const API_SECRET = 'caseed-journal-secret-Vb5nQ2';
const AUTH = `Basic ${Buffer.from(`${API_KEY}:${API_SECRET}`).toString('base64')}`;

function user(mpid: string, orders = false): string {
  return `{"environment":"development","mpid":${mpid},"calculated_attributes":{"workspace":[{"attribute_name":"LTV","calculation_type":"sum","cutoff_date":"2019-12-01","seed":{"value":1}}${orders ? ',{"attribute_name":"Orders","calculation_type":"count","cutoff_date":"2019-12-01","seed":{"value":3}}' : ''}]}}`;
}

interface Cli {
  pid: number | undefined;
  kill(signal: NodeJS.Signals): void;
  done: Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }>;
}

/** `caseed send …` as a real process (the extension host's Node; Electron's as Node). */
function caseed(args: string[]): Cli {
  const child = spawn(process.execPath, [join(repoRoot(), 'bin', 'caseed.js'), ...args], {
    env: {
      ...process.env,
      ELECTRON_RUN_AS_NODE: '1',
      MPARTICLE_API_KEY: API_KEY,
      MPARTICLE_API_SECRET: API_SECRET,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return {
    pid: child.pid,
    kill: (s) => child.kill(s),
    done: new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    }),
  };
}

suite('one send journal for VS Code and the CLI', () => {
  let emulator: Emulator | undefined;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('caseed');

  async function useEmulator(em: Emulator): Promise<void> {
    emulator = em;
    await config().update('send.baseUrl', em.url, vscode.ConfigurationTarget.Global);
    await config().update('send.dataCenter', 'custom', vscode.ConfigurationTarget.Global);
    await config().update('send.maxUsers', 1, vscode.ConfigurationTarget.Global);
    await config().update('send.concurrency', 1, vscode.ConfigurationTarget.Global);
    await waitFor('the settings to reach the extension', () => {
      const c = config();
      return c.get('send.baseUrl') === em.url && c.get('send.maxUsers') === 1;
    });
    await vscode.commands.executeCommand('caseed.setCredentials', {
      apiKey: API_KEY,
      apiSecret: API_SECRET,
    });
  }

  teardown(async () => {
    await closeAll();
    await emulator?.close();
    emulator = undefined;
  });

  suiteTeardown(async () => {
    for (const key of ['send.baseUrl', 'send.dataCenter', 'send.maxUsers', 'send.concurrency'])
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
  });

  test('a caseed send killed with SIGKILL is offered for resume in VS Code, which sends only what is left', async () => {
    // Requests are answered in pairs (each is held until another one is in flight): with two at a
    // time, users 1–4 are accepted and user 5's request stays in flight until the kill.
    const faults: FaultOptions = { releaseWhenInFlight: 2 };
    const em = await startEmulator({ port: 0, apiKey: API_KEY, apiSecret: API_SECRET, faults });
    await useEmulator(em);
    const mpids = ['7346244611012968789', '11', '12', '13', '14'];
    const uri = await newSeedFile(
      'killed.caseed.json',
      `[\n${mpids.map((m) => user(m)).join(',\n')}\n]\n`,
    );
    const journalPath = `${uri.fsPath}.journal`;
    const cli = caseed([
      'send',
      uri.fsPath,
      '--no-definitions',
      '--base-url',
      em.url,
      '--max-users',
      '1',
      '--concurrency',
      '2',
    ]);
    await waitFor(
      '4 accepted and 1 in flight',
      () => em.accepted.length === 4 && em.stats().inFlight === 1,
    );
    cli.kill('SIGKILL');
    assert.equal((await cli.done).signal, 'SIGKILL');
    assert.ok(existsSync(`${journalPath}.lock`), 'the killed send left its lock');
    const read = readJournal(readFileSync(journalPath, 'utf8'));
    assert.ok(read.ok);
    assert.deepEqual(read.state.inFlightAtEnd, [4], 'request 5 was in flight at the kill');

    delete faults.releaseWhenInFlight;
    await open(uri);
    const received = em.received.length;
    const { result, asked } = await answeringConfirmation(/^Resume/, () =>
      vscode.commands.executeCommand<SendCommandResult>('caseed.sendSeedFile', { uri }),
    );
    assert.equal(asked.length, 1);
    assert.match(asked[0].message, /^Resume the interrupted send of 5 users/);
    assert.deepEqual(asked[0].buttons, ['Resume (1 user left)', 'Send All Again']);
    assert.match(
      asked[0].detail ?? '',
      /4 of 5 requests \(4 users\) were accepted, 1 have an unknown outcome/,
    );
    assert.equal(result.outcome, 'accepted');
    assert.equal(
      em.received.length,
      received + 1,
      'only the request in flight at the kill was sent',
    );
    assert.deepEqual(
      em.accepted[em.accepted.length - 1].users.map((u) => u.mpid),
      ['14'],
    );
    assert.ok(!existsSync(journalPath), 'complete: the journal is removed');
    assert.ok(!existsSync(`${journalPath}.lock`), 'the stale lock was taken over and released');
  });

  test('a VS Code send left unfinished is resumed by caseed send --resume; while VS Code sends, the CLI is refused', async () => {
    // Only LTV is defined: user 2, seeding Orders, is rejected — the send ends unfinished.
    const faults: FaultOptions = { releaseWhenInFlight: 2 };
    const em = await startEmulator({
      port: 0,
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      definitions: [{ name: 'LTV', calculation_type: 'sum' }],
      faults,
    });
    await useEmulator(em);
    const uri = await newSeedFile(
      'unfinished.caseed.json',
      `[\n${user('21')},\n${user('42', true)},\n${user('23')}\n]\n`,
    );
    const journalPath = `${uri.fsPath}.journal`;
    await open(uri);
    const sending = answeringConfirmation(/^Send/, () =>
      vscode.commands.executeCommand<SendCommandResult>('caseed.sendSeedFile', { uri }),
    );
    // Request 1 is held by the emulator: VS Code's send is under way and holds the lock.
    await waitFor('VS Code sending', () => em.stats().inFlight === 1);
    const lock = JSON.parse(readFileSync(`${journalPath}.lock`, 'utf8')) as {
      by: string;
      pid: number;
    };
    assert.equal(lock.by, 'VS Code');
    assert.equal(lock.pid, process.pid, "the extension host's process");
    const resume = ['send', uri.fsPath, '--no-definitions', '--base-url', em.url, '--resume'];
    const refused = await caseed(resume).done;
    assert.equal(refused.status, 4, refused.stdout + refused.stderr);
    assert.match(
      refused.stderr,
      /^caseed: another send \(VS Code, process \d+ on [^)]+\) of unfinished\.caseed\.json is running/,
    );
    // Let it go: one more request in flight releases the held one, and nothing is held after.
    faults.releaseWhenInFlight = 1;
    const poke = await fetch(`${em.url}${BULK_PATH}`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body: `[${user('999')}]`,
    });
    assert.equal(poke.status, 202);
    const { result } = await sending;
    assert.equal(result.outcome, 'rejected');
    assert.ok(existsSync(journalPath), 'unfinished: the journal is kept');
    assert.ok(!existsSync(`${journalPath}.lock`), 'the lock is released');

    const received = em.received.length;
    const cli = await caseed(resume).done;
    assert.equal(cli.status, 1, cli.stdout + cli.stderr);
    assert.match(
      cli.stdout,
      /^Resuming \(run 2, journal [^)]+\): 2 of 3 requests \(2 users\) accepted earlier are skipped; 1 rejected \(sent again\)\.$/m,
    );
    assert.equal(em.received.length, received + 1, 'only the request VS Code did not get accepted');
    assert.ok(em.received[em.received.length - 1].body.includes('"mpid":42'));
    assert.ok(!readFileSync(journalPath, 'utf8').includes(API_SECRET));
  });
});
