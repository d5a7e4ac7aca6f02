/**
 * Diagnostics in the real editor: a known-bad file shows the expected codes at the expected places,
 * and an edit made through a WorkspaceEdit updates them. (That every example and fixture shows
 * exactly what the desktop server reports is parity.suite.ts; that the server and `caseed validate`
 * agree is test/server/parity.test.ts.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAll,
  codeOf,
  copyOf,
  diagnosticsWhen,
  newSeedFile,
  open,
  ours,
  positionOf,
  workspaceText,
} from './helpers';

function keysOf(ds: readonly vscode.Diagnostic[]): string[] {
  return ours(ds)
    .map((d) => {
      const r = d.range;
      return `${codeOf(d)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
    })
    .sort();
}

suite('diagnostics', () => {
  teardown(closeAll);

  test('examples/broken.caseed.json has errors, each with a code, source and link', async () => {
    const uri = await copyOf('examples/broken.caseed.json');
    await open(uri);
    const ds = ours(
      await diagnosticsWhen(uri, 'errors in broken.caseed.json', (d) => ours(d).length > 0),
    );
    assert.ok(ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    for (const d of ds) {
      assert.ok(codeOf(d) !== '', 'every diagnostic has a code');
      assert.equal(d.source, 'caseed');
      const target = typeof d.code === 'object' ? d.code.target : undefined;
      assert.ok(target instanceof vscode.Uri, `${codeOf(d)} links to its documentation`);
    }
  });

  test('a known-bad file: mpid-as-string, unknown-calculation-type and trailing-comma at their places', async () => {
    const uri = await copyOf('test/fixtures/integration/problems.caseed.json');
    const { document: doc } = await open(uri);
    const ds = ours(await diagnosticsWhen(uri, 'three problems', (d) => ours(d).length >= 3));
    const at = (code: string): vscode.Range => {
      const d = ds.find((x) => codeOf(x) === code);
      assert.ok(d, `a ${code} diagnostic`);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      return d.range;
    };
    const mpid = positionOf(doc, '"7346244611012968789"');
    assert.deepEqual(at('mpid-as-string'), new vscode.Range(mpid, mpid.translate(0, 21)));
    const summ = positionOf(doc, '"summ"');
    assert.deepEqual(at('unknown-calculation-type'), new vscode.Range(summ, summ.translate(0, 6)));
    const comma = positionOf(doc, '100.5 },', 7);
    assert.deepEqual(at('trailing-comma'), new vscode.Range(comma, comma.translate(0, 1)));
    const typo = ds.find((x) => codeOf(x) === 'unknown-calculation-type');
    assert.match(typo?.message ?? '', /did you mean "sum"/);
  });

  test('a file with a byte order mark: VS Code keeps the mark out of the text, and shows what the unmarked file shows', async () => {
    const text = await workspaceText('examples/broken.caseed.json');
    // A one-line file too: every problem then sits on the line the mark starts.
    const oneLine =
      '{"environment": "prod", "mpid": 12, "calculated_attributes": {"workspace": []},}\n';
    for (const [name, body] of [
      ['bom.caseed.json', text],
      ['bom-one-line.caseed.json', oneLine],
    ]) {
      const plain = await newSeedFile(`plain-${name}`, body);
      await open(plain);
      const expected = keysOf(
        await diagnosticsWhen(plain, `the diagnostics of plain-${name}`, (d) => ours(d).length > 0),
      );
      assert.ok(!expected.some((k) => k.startsWith('syntax-error')));
      const uri = await newSeedFile(name, '\uFEFF' + body);
      const { document: doc } = await open(uri);
      assert.equal(doc.getText(), body, 'the document text holds no BOM');
      const expectedText = expected.join('\n');
      await diagnosticsWhen(
        uri,
        `the diagnostics of ${name}`,
        (ds) => keysOf(ds).join('\n') === expectedText,
      ).catch((err: Error) => {
        assert.deepEqual(
          keysOf(vscode.languages.getDiagnostics(uri)),
          expected,
          `${name}: ${err.message}`,
        );
      });
    }
  });

  test('diagnostics follow an edit made through a WorkspaceEdit', async () => {
    const uri = await copyOf('test/fixtures/integration/problems.caseed.json');
    const { document: doc } = await open(uri);
    await diagnosticsWhen(uri, 'the typo reported', (d) =>
      ours(d).some((x) => codeOf(x) === 'unknown-calculation-type'),
    );
    const edit = new vscode.WorkspaceEdit();
    const start = positionOf(doc, '"summ"');
    edit.replace(uri, new vscode.Range(start, start.translate(0, 6)), '"sum"');
    assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    const after = await diagnosticsWhen(uri, 'the typo gone, the rest still there', (d) => {
      const codes = ours(d).map(codeOf);
      return !codes.includes('unknown-calculation-type') && codes.includes('trailing-comma');
    });
    assert.deepEqual(ours(after).map(codeOf).sort(), ['mpid-as-string', 'trailing-comma']);
    // Breaking it again brings a new problem back.
    const again = new vscode.WorkspaceEdit();
    const at = positionOf(doc, '"sum"');
    again.replace(uri, new vscode.Range(at, at.translate(0, 5)), '"medianx"');
    assert.ok(await vscode.workspace.applyEdit(again));
    await diagnosticsWhen(uri, 'the new typo reported', (d) =>
      ours(d).some((x) => codeOf(x) === 'unknown-calculation-type' && /medianx/.test(x.message)),
    );
  });
});
