/**
 * The language server as a user of the editor feels it: the server runs as its own process over
 * real JSON-RPC (stdio) with the debounce set to 0, a bulk file is open, and
 *
 * - keystrokes: one-character edits spread over the whole file (a character typed into an attribute
 *   name of a user, then deleted again), each timed from sending `didChange` to receiving the
 *   `publishDiagnostics` of that version;
 * - structural edits, timed the same way: the comma between two users removed and put back, a whole
 *   user pasted in and removed again (each needs a full pass);
 * - completion and hover requests on users spread over the file, timed request to response;
 * - the server process's RSS (VmRSS, Linux) once the file is open and validated, right after the
 *   edits, and settled (the lowest of one sample a second over `settleMs` of idleness after the
 *   edits: what V8 and the allocator give back when nothing happens), and its peak (VmHWM).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { LspClient } from '../test/server/lspClient';
import { lastAtOrBelow } from '../core/sorted';

export interface Percentiles {
  p50: number;
  p90: number;
  n: number;
}

export interface LiveResult {
  keystrokes: Percentiles;
  structural: Percentiles;
  /** The server's own validation time per keystroke (from its file-status notification). */
  serverMedianMs: number;
  openMs: number;
  completion?: Percentiles;
  hover?: Percentiles;
  /** Server RSS (MB) right after the edits and requests are done, and its peak. */
  rssMB: number | undefined;
  /** Server RSS (MB) once idle after the edits: the lowest of a sample a second over `settleMs`. */
  settledRssMB: number | undefined;
  peakRssMB: number | undefined;
  /** Server RSS (MB) right after the file is open and validated. */
  openRssMB: number | undefined;
}

function percentiles(xs: number[]): Percentiles {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number): number => s[Math.min(s.length - 1, Math.floor(s.length * p))];
  return { p50: at(0.5), p90: at(0.9), n: s.length };
}

/** VmRSS and VmHWM of a process in MB (Linux), or undefined. */
function memoryOf(pid: number | undefined): { rss?: number; peak?: number } {
  if (pid === undefined) return {};
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number | undefined => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
      return m === null ? undefined : Number(m[1]) / 1024;
    };
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return {};
  }
}

/** Line and character of an offset, from a sorted list of line starts. */
function positionIn(starts: number[], offset: number): { line: number; character: number } {
  const lo = lastAtOrBelow(starts, offset);
  return { line: lo, character: offset - starts[lo] };
}

export async function liveServer(
  text: string,
  options: {
    keystrokes?: number;
    requests?: number;
    server?: string;
    /** Idle time after the edits over which the settled RSS is sampled (default 10 s). */
    settleMs?: number;
    /** Called with the server's pid after the open, the keystrokes and all edits (diagnostic runs). */
    probe?: (phase: 'open' | 'keystrokes' | 'edits', pid: number | undefined) => Promise<void>;
  } = {},
): Promise<LiveResult> {
  const spots = Math.max(1, Math.floor((options.keystrokes ?? 200) / 2));
  const configuration = { validate: { debounceMs: 0 } };
  // The bundled benchmark sits in dist/ beside the server bundle.
  const client = LspClient.start({
    args: [options.server ?? join(__dirname, 'server.js'), '--stdio'],
    configuration,
  });
  try {
    await client.initialize({ configuration });
    await client.initialized();
    const uri = 'file:///bench/live.caseed.json';
    const published = (version: number): PublishDiagnosticsParams | undefined =>
      client.diagnostics.find((d) => d.uri === uri && d.version === version);
    const opened = performance.now();
    await client.open(uri, text, 1);
    await client.waitFor('first diagnostics', () => published(1), 600_000);
    const openMs = performance.now() - opened;
    const afterOpen = memoryOf(client.process.pid);
    await options.probe?.('open', client.process.pid);

    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    const names: number[] = [];
    for (let i = text.indexOf('"LTV"'); i >= 0; i = text.indexOf('"LTV"', i + 1)) names.push(i);
    const pick = (k: number, n: number): number =>
      names[Math.min(names.length - 1, Math.floor(((k + 0.5) * names.length) / n))];

    let version = 1;
    const send = async (
      range: {
        start: { line: number; character: number };
        end: { line: number; character: number };
      },
      newText: string,
    ): Promise<number> => {
      version++;
      const v = version;
      const start = performance.now();
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range, text: newText }],
      });
      await client.waitFor(`diagnostics of version ${v}`, () => published(v), 600_000);
      const ms = performance.now() - start;
      // The client keeps every publication; drop them so that its own heap does not grow.
      client.diagnostics.length = 0;
      return ms;
    };

    // Keystrokes: type "x" into the name "LTV" of users spread over the file, then delete it.
    const times: number[] = [];
    for (let k = 0; k < spots; k++) {
      const at = positionIn(starts, pick(k, spots) + 2);
      times.push(await send({ start: at, end: at }, 'x'));
      const after = { line: at.line, character: at.character + 1 };
      times.push(await send({ start: at, end: after }, ''));
    }
    const firstEdit = 2;
    const lastKeystroke = version;
    await options.probe?.('keystrokes', client.process.pid);

    // Structural edits: a comma between users removed and put back; a user pasted and removed.
    const structural: number[] = [];
    for (let k = 0; k < 2; k++) {
      const userEnd = text.indexOf('\n  },\n', pick(k * 3 + 1, 6));
      if (userEnd < 0) break;
      const comma = positionIn(starts, userEnd + 4);
      const afterComma = { line: comma.line, character: comma.character + 1 };
      structural.push(await send({ start: comma, end: afterComma }, ''));
      structural.push(await send({ start: comma, end: comma }, ','));
      const userStart = text.lastIndexOf('\n  {\n', userEnd) + 1;
      const pasted = `${text.slice(userStart, userEnd + 4)},\n`;
      const at = positionIn(starts, userEnd + 6);
      structural.push(await send({ start: at, end: at }, pasted));
      const lines = pasted.split('\n').length - 1;
      structural.push(await send({ start: at, end: { line: at.line + lines, character: 0 } }, ''));
    }

    // Completion and hover on users spread over the file (the text is back to the original).
    let completion: Percentiles | undefined;
    let hover: Percentiles | undefined;
    const requests = options.requests ?? 0;
    if (requests > 0) {
      const c: number[] = [];
      const h: number[] = [];
      for (let k = 0; k < requests; k++) {
        const type = text.indexOf('"calculation_type"', pick(k, requests));
        const valueAt = positionIn(starts, text.indexOf('"', type + 19) + 1);
        let start = performance.now();
        await client.request('textDocument/completion', {
          textDocument: { uri },
          position: valueAt,
        });
        c.push(performance.now() - start);
        start = performance.now();
        await client.request('textDocument/hover', {
          textDocument: { uri },
          position: positionIn(starts, type + 3),
        });
        h.push(performance.now() - start);
      }
      completion = percentiles(c);
      hover = percentiles(h);
    }

    await client.waitFor('the last file status', () =>
      client.statuses.find((st) => st.uri === uri && st.version === version),
    );
    const serverTimes = client.statuses
      .filter((st) => st.uri === uri && st.version >= firstEdit && st.version <= lastKeystroke)
      .map((st) => st.durationMs);
    const memory = memoryOf(client.process.pid);
    let settled = memory.rss;
    for (let waited = 0; waited < (options.settleMs ?? 10_000); waited += 1000) {
      await new Promise((resolveSleep) => setTimeout(resolveSleep, 1000));
      const now = memoryOf(client.process.pid).rss;
      if (now !== undefined && (settled === undefined || now < settled)) settled = now;
    }
    await options.probe?.('edits', client.process.pid);
    const peak = memoryOf(client.process.pid).peak;
    return {
      keystrokes: percentiles(times),
      structural: percentiles(structural),
      serverMedianMs: percentiles(serverTimes).p50,
      openMs,
      completion,
      hover,
      rssMB: memory.rss,
      settledRssMB: settled,
      peakRssMB: peak,
      openRssMB: afterOpen.rss,
    };
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
}
