/**
 * Keystroke to diagnostics, as a user of the editor feels it: the language server runs as its own
 * process over real JSON-RPC (stdio), a 1,000-user file is open, and each "keystroke" is an
 * incremental one-character edit. Measured from sending `didChange` to receiving the
 * `publishDiagnostics` of that version, the server's debounce included.
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { join } from 'node:path';
import { LspClient } from '../test/server/lspClient';

export interface KeystrokeResult {
  medianMs: number;
  p90Ms: number;
  /** The server's own validation time per keystroke (from its file-status notification). */
  serverMedianMs: number;
  debounceMs: number;
  keystrokes: number;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}

export async function keystrokeToDiagnostics(
  text: string,
  keystrokes = 30,
): Promise<KeystrokeResult> {
  const debounceMs = 50;
  const configuration = { validate: { debounceMs } };
  // The bundled benchmark sits in dist/ beside the server bundle.
  const client = LspClient.start({
    args: [join(__dirname, 'server.js'), '--stdio'],
    configuration,
  });
  try {
    await client.initialize({ configuration });
    await client.initialized();
    const uri = 'file:///bench/keystroke.caseed.json';
    const published = (version: number): PublishDiagnosticsParams | undefined =>
      client.diagnostics.find((d) => d.uri === uri && d.version === version);
    await client.open(uri, text, 1);
    await client.waitFor('first diagnostics', () => published(1), 60_000);
    // Type into the first attribute name, one character at a time (then delete them again).
    const at = text.indexOf('"LTV"') + 4;
    const position = { line: 0, character: 0 };
    {
      let line = 0;
      let lineStart = 0;
      for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
      }
      position.line = line;
      position.character = at - lineStart;
    }
    const times: number[] = [];
    for (let k = 0; k < keystrokes; k++) {
      const version = k + 2;
      const typing = k < keystrokes / 2;
      const col = position.character + (typing ? k : keystrokes - k - 1);
      const range = typing
        ? {
            start: { line: position.line, character: col },
            end: { line: position.line, character: col },
          }
        : {
            start: { line: position.line, character: col },
            end: { line: position.line, character: col + 1 },
          };
      const start = performance.now();
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: typing ? 'x' : '' }],
      });
      await client.waitFor(`diagnostics of version ${version}`, () => published(version), 60_000);
      times.push(performance.now() - start);
    }
    // The status of the last version may still be on its way: wait for it.
    const last = keystrokes + 1;
    await client.waitFor('the last file status', () =>
      client.statuses.find((st) => st.uri === uri && st.version === last),
    );
    const serverTimes = client.statuses
      .filter((st) => st.uri === uri && st.version > 1)
      .map((st) => st.durationMs);
    return {
      medianMs: percentile(times, 0.5),
      p90Ms: percentile(times, 0.9),
      serverMedianMs: percentile(serverTimes, 0.5),
      debounceMs,
      keystrokes,
    };
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
}
