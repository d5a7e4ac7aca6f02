/**
 * `caseed send` and `caseed emulator` as a user runs them (`node bin/caseed.js …`, the built CLI),
 * against an emulator on loopback: exit codes 0/1/2/3, faults survived, nothing secret printed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { planSend } from '../../core/send/plan';
import { ensureBuilt } from '../server/build';
import type { Run } from './cliProcess';
import { startCli } from './cliProcess';
import { AUTH, BIG_MPID, KEY, SECRET, bulkText, userText, waitFor, withEmulator } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'caseed-send-'));
const TOKEN = Buffer.from(`${KEY}:${SECRET}`).toString('base64');
const outputs: string[] = [];

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Runs the CLI without blocking the event loop (the emulator answers in this process). */
const caseed = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
  startCli(args, outputs, env).done;

after(() => rmSync(dir, { recursive: true, force: true }));

after(() => {
  // Nothing any run printed holds the secret, the token or the header value.
  const all = outputs.join('\n');
  for (const s of [SECRET, TOKEN, `${KEY}:${SECRET}`])
    assert.ok(!all.includes(s), 'secret printed');
});

// Run alone, this file must test the CLI as the sources are now (npm test builds first).
before(() => ensureBuilt());

describe('caseed send', () => {
  it('exit 0: every request accepted exactly as sent, through faults', async () => {
    const text = bulkText(9, { mpid: BIG_MPID });
    const f = file('ok.caseed.json', text);
    await withEmulator(
      { faults: { failFirst: 1, failStatus: 429, retryAfter: 0, status503Every: 3, dropEvery: 5 } },
      async (em) => {
        const r = await caseed([
          'send',
          f,
          '--base-url',
          em.url,
          '--max-users',
          '2',
          '--concurrency',
          '2',
        ]);
        assert.equal(r.status, 0, r.stdout + r.stderr);
        assert.match(
          r.stdout,
          /All sent to http:\/\/127\.0\.0\.1:\d+\/v2\/bulkcalculatedattributes: 5 of 5 requests accepted \(9 users\)/,
        );
        const planned = planSend(text, { maxUsers: 2 });
        assert.ok(planned.ok);
        assert.deepEqual(
          em.accepted.map((a) => a.body).sort(),
          planned.plan.requests.map((q) => q.body).sort(),
        );
        assert.ok(em.received.some((q) => q.status === 'dropped'));
        assert.ok(em.received.some((q) => q.status === 503));
        for (const a of em.accepted) assert.ok(a.body.includes(`"mpid":${BIG_MPID}`));
      },
    );
  });

  it('--dry-run prints the plan and sends nothing, without credentials', async () => {
    const f = file('dry.caseed.json', bulkText(5));
    await withEmulator({}, async (em) => {
      const r = await caseed(['send', f, '--base-url', em.url, '--dry-run', '--max-users', '2'], {
        MPARTICLE_API_KEY: '',
        MPARTICLE_API_SECRET: '',
      });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /POST http:\/\/127\.0\.0\.1:\d+\/v2\/bulkcalculatedattributes/);
      assert.match(r.stdout, /users: 5, seeds: 5 \(1 attribute: LTV\), requests: 3, bytes: \d+/);
      assert.match(r.stdout, /request 3: user 5, \d+ bytes/);
      assert.match(r.stdout, /Dry run: nothing sent/);
      assert.equal(em.received.length, 0);
    });
  });

  it('exit 1: the API rejects a request; the error lands on the attribute line', async () => {
    const text = `[\n${userText(0)},\n${userText(1, { name: 'test sum' })}\n]\n`;
    const f = file('rejected.caseed.json', text);
    const line = text.split('\n').findIndex((l) => l.includes('"test sum"')) + 1;
    await withEmulator({ definitions: [{ name: 'LTV', calculation_type: 'sum' }] }, async (em) => {
      const r = await caseed(['send', f, '--base-url', em.url]);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.ok(
        r.stdout.includes(
          `rejected.caseed.json:${line}:29 error api-error test sum: No matching calculated attribute definition found`,
        ),
        r.stdout,
      );
      assert.match(r.stdout, /^Rejected: 0 of 1 request accepted/m);
    });
  });

  it('exit 1: a file with errors is refused, saying why, before any request', async () => {
    const f = file('broken.caseed.json', '{ "environment": "development", }');
    await withEmulator({}, async (em) => {
      const r = await caseed(['send', f, '--base-url', em.url]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /Not sent: the file has \d+ errors?/);
      assert.equal(em.received.length, 0);
    });
  });

  it('exit 1: wrong credentials (403), with a hint', async () => {
    const f = file('auth.caseed.json', userText(0));
    await withEmulator({}, async (em) => {
      const r = await caseed(['send', f, '--base-url', em.url], {
        MPARTICLE_API_SECRET: `${SECRET}-old`,
      });
      assert.equal(r.status, 1);
      assert.match(r.stdout, /403 Forbidden/);
      assert.match(r.stderr, /check MPARTICLE_API_KEY/);
      assert.ok(!(r.stdout + r.stderr).includes(`${SECRET}-old`));
    });
  });

  it('exit 2: bad usage, http:// to a non-loopback host, no credentials, production without --yes', async () => {
    const f = file('u.caseed.json', userText(0));
    const prod = file('prod.caseed.json', userText(0, { env: 'production' }));
    await withEmulator({}, async (em) => {
      const runs = await Promise.all([
        caseed(['send']),
        caseed(['send', f, '--pod', 'xx9']),
        caseed(['send', f, '--max-users', 'ten']),
        caseed(['send', f, '--base-url', 'http://example.com']),
        caseed(['send', f, '--base-url', em.url], { MPARTICLE_API_SECRET: '' }),
        caseed(['send', prod, '--base-url', em.url]),
      ]);
      for (const r of runs) {
        assert.equal(r.status, 2, r.stderr);
        assert.match(r.stderr, /^caseed: [^\n]+\n$/);
      }
      assert.match(runs[3].stderr, /Refusing to send credentials over plain http to example\.com/);
      assert.match(runs[5].stderr, /production records: pass --yes/);
      assert.equal(em.received.length, 0);
      const yes = await caseed(['send', prod, '--base-url', em.url, '--yes']);
      assert.equal(yes.status, 0, yes.stderr);
    });
  });

  it('exit 3: gives up after the bounded attempts, and on a refused connection', async () => {
    const f = file('down.caseed.json', bulkText(2));
    await withEmulator(
      { faults: { failFirst: 1000, failStatus: 503, retryAfter: 0 } },
      async (em) => {
        const r = await caseed(['send', f, '--base-url', em.url, '--max-attempts', '3']);
        assert.equal(r.status, 3, r.stdout + r.stderr);
        assert.match(r.stdout, /gave up after 3 attempts; last: HTTP 503/);
        assert.match(r.stdout, /^Gave up/m);
        assert.equal(em.received.length, 3);
      },
    );
    const closed = await withEmulator({}, async (em) => em.url);
    const r = await caseed(['send', f, '--base-url', closed, '--max-attempts', '1']);
    assert.equal(r.status, 3);
    assert.match(r.stdout, /connection failed/);
  });
});

describe('caseed emulator', () => {
  it('prints its URL, accepts a send, serves /emulator/seeds and stops on SIGTERM', async () => {
    const p = startCli(['emulator', '--port', '0'], outputs);
    try {
      await waitFor(
        () => /listening on http:\/\/127\.0\.0\.1:\d+/.test(p.out()),
        'the emulator URL',
      );
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(p.out())![0];
      const f = file('em.caseed.json', userText(0, { mpid: BIG_MPID }));
      const r = await caseed(['send', f, '--base-url', url]);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const seeds = await fetch(`${url}/emulator/seeds`, { headers: AUTH }).then((res) =>
        res.text(),
      );
      assert.ok(seeds.includes(`"mpid":"${BIG_MPID}"`));
      assert.ok(seeds.includes(`\\"mpid\\":${BIG_MPID}`));
    } finally {
      p.child.kill('SIGTERM');
    }
    const stopped = await p.done;
    assert.equal(stopped.status, 0);
    assert.match(stopped.stdout, /caseed emulator stopped/);
  });
});
