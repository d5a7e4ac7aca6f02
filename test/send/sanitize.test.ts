/**
 * What the API sends back is printed (CLI) and shown (VS Code, from the same sender result) without
 * its control characters: a real loopback HTTP server answers with terminal escape sequences in a
 * 400's messages and codes and in a rate-limit header, and nothing of them comes through.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sanitize } from '../../core/send/sanitize';
import { sendPlan } from '../../core/send/sender';
import { createUndiciTransport } from '../../transport/undici';
import { CLI, ROOT } from '../cli/run';
import { ensureBuilt } from '../server/build';
import { FAST_RETRY, KEY, SECRET, fakeClock, planOf, userText } from './helpers';

/** Any C0 control but the line feed that ends each printed line, DEL, C1, bidi overrides. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const HOSTILE_MESSAGE =
  'LTV: \u001b[31mred\u001b[0m value\u001b]0;window title\u0007 \u009b2J cleared\u202e reversed\r\nsecond line';
const HOSTILE_BODY = JSON.stringify({
  errors: [
    { code: 'BAD_REQUEST\u001b[1m', message: HOSTILE_MESSAGE },
    { code: 'BAD_REQUEST', message: '\u001b[2J\u001b[Hnot an attribute\u0008\u0008\u0008 of it' },
  ],
});

describe('sanitize', () => {
  it('removes escape sequences whole, controls and bidi overrides; line breaks become spaces', () => {
    assert.equal(sanitize(HOSTILE_MESSAGE), 'LTV: red value  cleared reversed  second line');
    assert.equal(sanitize('plain “text” — é 😀'), 'plain “text” — é 😀');
  });
});

describe('API text with escape sequences (real loopback server)', () => {
  let server: Server;
  let url: string;
  let requests = 0;
  let dir: string;

  before(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'caseed-sanitize-'));
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        requests++;
        // Every other request: a 429 whose rate-limit header carries an 8-bit CSI, then the 400.
        if (requests % 2 === 1) {
          res.writeHead(429, {
            'x-mp-rate-limit-exceeded': 'speed\u009b2Jlimit',
            'retry-after': '0',
          });
          res.end();
          return;
        }
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(HOSTILE_BODY);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await new Promise((r) => server.close(r));
  });

  it('caseed send prints the 400 and the retry without a control character', async () => {
    const file = join(dir, 'one.caseed.json');
    writeFileSync(file, userText(0));
    const r = await new Promise<{ status: number | null; out: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, 'send', file, '--base-url', url, '--verbose'], {
        cwd: ROOT,
        env: {
          ...process.env,
          MPARTICLE_API_KEY: KEY,
          MPARTICLE_API_SECRET: SECRET,
          CASEED_DEBUG: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, out }));
    });
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /LTV: red value {2}cleared reversed {2}second line/);
    assert.match(r.out, /not an attribute of it/);
    assert.match(r.out, /speedlimit/);
    assert.doesNotMatch(r.out, CONTROL, JSON.stringify(r.out));
  });

  it('the sender result VS Code shows (diagnostics, outcomes, unmatched errors) is clean', async () => {
    const undici = createUndiciTransport({ connections: 1 });
    const log: string[] = [];
    try {
      const result = await sendPlan(planOf(userText(0)), {
        baseUrl: url,
        credentials: { apiKey: KEY, apiSecret: SECRET },
        transport: undici.transport,
        clock: fakeClock(),
        retry: FAST_RETRY,
        log: (line) => log.push(line),
      });
      assert.equal(result.outcome, 'rejected');
      const shown = [
        ...result.diagnostics.map((d) => d.message),
        ...result.requests.map((o) => o.message),
        ...result.unmatched.map((u) => `${u.error.code ?? ''} ${u.error.message}`),
        result.summary,
        ...log,
      ];
      assert.ok(result.diagnostics.length > 0 && result.unmatched.length > 0);
      for (const text of shown) assert.doesNotMatch(text, CONTROL, JSON.stringify(text));
    } finally {
      await undici.close();
    }
  });
});
