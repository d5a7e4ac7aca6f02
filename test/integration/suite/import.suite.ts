/**
 * **caseed: Import Export…** in the real extension host (desktop: the import reads and writes files
 * in place). The command is run as from the palette, with no argument: its open dialog is answered
 * with examples/import/export.csv (copied beside its mapping and the emulator's definitions, which
 * give the attributes' types and cutoff dates), and the summary's "Open Rejects" button is clicked —
 * both through the extension's own `vscode.window` calls (helpers' `answering`). Checked: the seed
 * file written (every good row a user, mpids digit for digit), the rejects file (the broken row,
 * its number and reason), the summary's accounting, and the rejects file opened. An export without a
 * mapping gets a skeleton written from its header and opened.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImportCommandResult } from '../../../client/commands/importExport';
import { answering, closeAll, newSeedFile, waitFor, workspaceText } from './helpers';

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

async function text(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

suite('Import Export…', () => {
  teardown(closeAll);

  test('imports examples/import/export.csv through its mapping: seed file, rejects file, summary', async () => {
    const csv = await newSeedFile('export.csv', await workspaceText('examples/import/export.csv'));
    const dir = vscode.Uri.joinPath(csv, '..');
    const put = async (name: string, from: string): Promise<void> =>
      vscode.workspace.fs.writeFile(
        vscode.Uri.joinPath(dir, name),
        new TextEncoder().encode(await workspaceText(from)),
      );
    await put('export.caseed-map.json', 'examples/import/export.caseed-map.json');
    await put('caseed.definitions.json', 'examples/emulator/caseed.definitions.json');

    const opened = await answering(
      'showOpenDialog',
      () => [csv],
      () =>
        answering(
          'showWarningMessage',
          (args) => (args.includes('Open Rejects') ? 'Open Rejects' : undefined),
          () => vscode.commands.executeCommand<ImportCommandResult>('caseed.importExport'),
        ),
    );
    assert.equal(opened.calls.length, 1, 'the export was asked for in an open dialog');
    const { result, calls: warnings } = opened.result;
    assert.ok(result.ok, `the import ran (${result.ok ? '' : result.reason})`);
    assert.equal(result.rows, 5);
    assert.equal(result.written, 4);
    assert.equal(result.rejected, 1);

    // The summary: rows read = users written + rows rejected, by reason, offering the rejects file.
    assert.equal(warnings.length, 1);
    assert.equal(
      warnings[0][0],
      'caseed: 5 rows read = 4 users written + 1 rejected (invalid-mpid 1).',
    );
    assert.deepEqual(warnings[0].slice(1), ['Open Rejects']);

    // The seed file: <export>-seeds/export-00001.caseed.json, the good rows' users, mpids exact.
    const out = vscode.Uri.joinPath(dir, 'export-seeds');
    const seed = vscode.Uri.joinPath(out, 'export-00001.caseed.json');
    assert.equal(result.files.length, 1);
    assert.equal(vscode.Uri.file(result.files[0]).toString(), seed.toString());
    const seedText = await text(seed);
    for (const mpid of ['7346244611012968789', '9223372036854775807', '1152921504606846976'])
      assert.match(seedText, new RegExp(`"mpid":\\s*${mpid}\\b`), `mpid ${mpid} digit for digit`);
    const users = JSON.parse(seedText) as Array<Record<string, unknown>>;
    assert.equal(users.length, 4);
    assert.deepEqual(users[2].identities, {
      customer_id: 'cust-003',
      ios_vendor_id: '6D92078A-8246-4BA4-AE5B-76104861E7DC',
    });
    assert.ok(!seedText.includes('73462446110129x8791'), 'the broken row is not a user');
    // Epoch seconds converted to milliseconds; type and cutoff date from the definitions.
    assert.match(
      seedText,
      /"First seen time","calculation_type":"first_occurrence_timestamp","cutoff_date":"2019-12-01","seed":\{"value":1575158400000\}/,
    );

    // The rejects file: the broken row, its number, its cells and the reason.
    const rejects = vscode.Uri.joinPath(out, 'export.rejects.ndjson');
    assert.equal(vscode.Uri.file(result.rejectsPath ?? '').toString(), rejects.toString());
    const lines = (await text(rejects)).trim().split('\n');
    assert.equal(lines.length, 1);
    const reject = JSON.parse(lines[0]) as {
      row: number;
      reason: string;
      record: { MPID: string };
    };
    assert.equal(reject.row, 4);
    assert.equal(reject.reason, 'invalid-mpid');
    assert.equal(reject.record.MPID, '73462446110129x8791');

    // "Open Rejects" opens it.
    await waitFor(
      'the rejects file opened',
      () => vscode.window.activeTextEditor?.document.uri.toString() === rejects.toString(),
    );
  });

  test('an export without a mapping: a skeleton is written from its header and opened', async () => {
    const csv = await newSeedFile('orders.csv', await workspaceText('examples/import/export.csv'));
    const mapping = vscode.Uri.joinPath(csv, '..', 'orders.caseed-map.json');
    const { result, calls } = await answering(
      'showInformationMessage',
      () => undefined,
      () => vscode.commands.executeCommand<ImportCommandResult>('caseed.importExport', csv),
    );
    assert.equal(result.ok, false);
    assert.match(
      result.ok ? '' : result.reason,
      /^No mapping for this export yet: .*orders\.caseed-map\.json was written from its header/,
    );
    assert.equal(calls.length, 1, 'said in a message');
    assert.ok(await exists(mapping));
    const skeleton = await text(mapping);
    assert.match(skeleton, /"MPID"/, 'the mpid column recognised from the header');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), mapping.toString());
    assert.ok(!(await exists(vscode.Uri.joinPath(csv, '..', 'orders-seeds'))), 'nothing imported');
  });
});
