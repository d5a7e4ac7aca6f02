/**
 * The editor shows what the desktop language server reports: every example and fixture, opened in
 * this extension host, gets exactly the diagnostics (severity, code, message, range) that
 * `dist/server.js` (Node, over stdio) published for it. The runner computed those before the run
 * (scripts/vscode/expected-diagnostics.mjs → `<workspace>/expected-diagnostics.json`). The suite runs
 * in both hosts: desktop VS Code and VS Code for the Web, where the server is `dist/server-web.js` in
 * a web worker.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAll,
  codeOf,
  diagnosticsWhen,
  open,
  ours,
  workspaceText,
  workspaceUri,
} from './helpers';

interface Plain {
  severity: string;
  code: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const SEVERITY: Record<number, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function line(d: Plain): string {
  const r = d.range;
  return `${d.severity} ${d.code} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.message}`;
}

function shown(ds: readonly vscode.Diagnostic[]): string[] {
  return ours(ds)
    .map((d) =>
      line({
        severity: SEVERITY[d.severity],
        code: codeOf(d),
        message: d.message,
        range: d.range,
      }),
    )
    .sort();
}

suite('parity with the desktop server', () => {
  teardown(closeAll);

  test('every example and fixture shows exactly what dist/server.js reports', async () => {
    const expected = JSON.parse(await workspaceText('expected-diagnostics.json')) as {
      files: Record<string, Plain[]>;
    };
    const names = Object.keys(expected.files);
    assert.ok(names.length >= 10, `the runner wrote the expected diagnostics (${names.length})`);
    assert.ok(
      Object.values(expected.files).some((ds) => ds.length > 0),
      'some file has problems',
    );
    for (const name of names) {
      const uri = vscode.Uri.joinPath(workspaceUri(), name);
      const want = expected.files[name].map(line).sort();
      await open(uri);
      const wantText = want.join('\n');
      await diagnosticsWhen(
        uri,
        `the diagnostics of ${name}`,
        (ds) => shown(ds).join('\n') === wantText,
      ).catch((err: Error) => {
        assert.deepEqual(
          shown(vscode.languages.getDiagnostics(uri)),
          want,
          `${name}: ${err.message}`,
        );
      });
      await closeAll();
    }
  });
});
