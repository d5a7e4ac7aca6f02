/**
 * Cancellation, concurrency, slowing down, bytes on the wire, the Authorization header and the
 * secret kept out of every output: over real HTTP on loopback against the in-process emulator.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { REDACTED, redact, secretsOf } from '../../core/send/redact';
import type { SendEvent, SendOptions } from '../../core/send/sender';
import { sendPlan } from '../../core/send/sender';
import { checkBaseUrl, resolveTarget } from '../../core/send/target';
import { systemClock } from '../../core/send/transport';
import { createUndiciTransport } from '../../transport/undici';
import {
  BIG_MPID,
  FAST_RETRY,
  AUTH,
  KEY,
  SECRET,
  bulkText,
  userText,
  waitFor,
  withEmulator,
  planOf,
  testSendOptions,
} from './helpers';

const undici = createUndiciTransport({ connections: 8 });
after(() => undici.close());

const plan = planOf;

function opts(baseUrl: string, extra: Partial<SendOptions> = {}): SendOptions {
  return testSendOptions(undici.transport, baseUrl, extra);
}

describe('sender flow', () => {
  it('cancels mid-flight: in-flight requests aborted, no request starts after the abort', async () => {
    await withEmulator({ faults: { delayMs: 60_000 } }, async (em) => {
      const ctl = new AbortController();
      const p = plan(bulkText(10), { maxUsers: 1 });
      const sending = sendPlan(
        p,
        opts(em.url, { signal: ctl.signal, concurrency: 2, clock: systemClock }),
      );
      await waitFor(() => em.stats().inFlight === 2, 'two requests in flight');
      const seenAtAbort = em.stats().seedingRequests;
      ctl.abort();
      const r = await sending;
      assert.equal(r.outcome, 'cancelled');
      assert.equal(seenAtAbort, 2);
      assert.equal(r.requests.filter((q) => q.state === 'cancelled').length, 10);
      assert.equal(r.requests.filter((q) => q.attempts > 0).length, 2);
      await waitFor(() => em.stats().inFlight === 0, 'the server to see the aborts');
      assert.equal(em.stats().seedingRequests, seenAtAbort, 'no request after the abort');
      assert.equal(em.accepted.length, 0);
    });
  });

  it('cancels during a retry wait', async () => {
    await withEmulator(
      { faults: { failFirst: 1, failStatus: 503, retryAfter: 3600 } },
      async (em) => {
        const ctl = new AbortController();
        const events: SendEvent[] = [];
        const sending = sendPlan(
          plan(userText(0)),
          opts(em.url, {
            signal: ctl.signal,
            clock: systemClock,
            onEvent: (e) => events.push(e),
            retry: { ...FAST_RETRY, maxRetryAfterMs: 3_600_000, deadlineMs: 7_200_000 },
          }),
        );
        await waitFor(() => events.some((e) => e.type === 'retry'), 'the retry wait');
        ctl.abort();
        const r = await sending;
        assert.equal(r.outcome, 'cancelled');
        assert.equal(em.received.length, 1);
      },
    );
  });

  it('runs split requests concurrently, never above the limit', async () => {
    await withEmulator({ faults: { releaseWhenInFlight: 4 } }, async (em) => {
      const r = await sendPlan(
        plan(bulkText(12), { maxUsers: 1 }),
        opts(em.url, { concurrency: 4 }),
      );
      assert.equal(r.outcome, 'accepted');
      assert.equal(em.stats().maxInFlight, 4);
      assert.equal(em.accepted.length, 12);
    });
    await withEmulator({ faults: { delayMs: 5 } }, async (em) => {
      const r = await sendPlan(
        plan(bulkText(12), { maxUsers: 1 }),
        opts(em.url, { concurrency: 1 }),
      );
      assert.equal(r.outcome, 'accepted');
      assert.equal(em.stats().maxInFlight, 1);
    });
  });

  it('drops to one request at a time on an acceleration limit', async () => {
    await withEmulator(
      {
        faults: {
          failFirst: 1,
          failStatus: 429,
          retryAfter: 0,
          rateLimitExceeded: 'acceleration',
          delayMs: 5,
        },
      },
      async (em) => {
        const lines: string[] = [];
        const events: SendEvent[] = [];
        const r = await sendPlan(
          plan(bulkText(8), { maxUsers: 1 }),
          opts(em.url, {
            concurrency: 4,
            log: (l) => lines.push(l),
            onEvent: (e) => events.push(e),
          }),
        );
        assert.equal(r.outcome, 'accepted');
        assert.ok(lines.some((l) => /acceleration.*concurrency down to 1/.test(l)));
        assert.equal(em.accepted.length, 8);
        // The first four went out together; one got the acceleration 429 and the limit dropped to
        // one, ramping up by one per three successes. So the fifth request waits until at most one
        // other is in flight (at a concurrency of 4 it starts as soon as any of them finishes).
        const inFlight = new Set<number>();
        let atFirstNew: number[] | undefined;
        for (const e of events) {
          if (e.type === 'attempt') {
            if (e.request >= 4 && atFirstNew === undefined) atFirstNew = [...inFlight];
            inFlight.add(e.request);
          } else if (e.type === 'done') inFlight.delete(e.outcome.index);
        }
        const trace = JSON.stringify(
          events.map((e) => [e.type, e.type === 'done' ? e.outcome.index : e.request]),
        );
        assert.ok(atFirstNew !== undefined && atFirstNew.length <= 1, trace);
      },
    );
  });

  it('sends every digit of a 64-bit mpid and the user’s own bytes', async () => {
    await withEmulator({}, async (em) => {
      const text = bulkText(3, { mpid: BIG_MPID });
      const p = plan(text, { maxUsers: 2 });
      const r = await sendPlan(p, opts(em.url));
      assert.equal(r.outcome, 'accepted');
      const bodies = em.accepted.map((a) => a.body).sort();
      assert.deepEqual(bodies, p.requests.map((q) => q.body).sort());
      for (const b of bodies) assert.ok(b.includes(`"mpid":${BIG_MPID}`));
      const served = await fetch(`${em.url}/emulator/seeds`, { headers: AUTH }).then((res) =>
        res.text(),
      );
      assert.ok(served.includes(`"mpid":"${BIG_MPID}"`));
      assert.ok(!served.includes('7346244611012969000'));
    });
  });

  it('builds the Authorization header as Basic base64(key:secret)', async () => {
    await withEmulator({}, async (em) => {
      await sendPlan(plan(userText(0)), opts(em.url));
      const expected = `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`;
      assert.equal(em.received[0].authorization, expected);
      assert.equal(em.received[0].status, 202);
    });
  });

  it('keeps the secret out of every log line, event and result', async () => {
    await withEmulator({ faults: { failFirst: 1, failStatus: 503, retryAfter: 0 } }, async (em) => {
      const lines: string[] = [];
      const events: SendEvent[] = [];
      const ok = await sendPlan(
        plan(bulkText(3), { maxUsers: 1 }),
        opts(em.url, { log: (l) => lines.push(l), onEvent: (e) => events.push(e) }),
      );
      const bad = await sendPlan(
        plan(userText(0)),
        opts(em.url, {
          credentials: { apiKey: KEY, apiSecret: `${SECRET}x` },
          log: (l) => lines.push(l),
        }),
      );
      const all = [...lines, JSON.stringify(events), JSON.stringify(ok), JSON.stringify(bad)].join(
        '\n',
      );
      const token = Buffer.from(`${KEY}:${SECRET}`).toString('base64');
      for (const secret of [SECRET, token, `${KEY}:${SECRET}`]) assert.ok(!all.includes(secret));
      assert.ok(lines.some((l) => l.includes(`Authorization: Basic ${REDACTED}`)));
    });
  });

  it('redacts what a server echoes back (a 400 quoting the Authorization header)', async () => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const auth = req.headers.authorization ?? '';
        const token = auth.replace(/^Basic /, '');
        const decoded = Buffer.from(token, 'base64').toString();
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            errors: [{ code: 'BAD_REQUEST', message: `LTV: bad ${auth} ${decoded} ${token}` }],
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const lines: string[] = [];
      const events: SendEvent[] = [];
      const r = await sendPlan(
        plan(userText(0)),
        opts(`http://127.0.0.1:${port}`, {
          log: (l) => lines.push(l),
          onEvent: (e) => events.push(e),
        }),
      );
      assert.equal(r.outcome, 'rejected');
      assert.equal(r.diagnostics.length, 1);
      const all = [...lines, JSON.stringify(events), JSON.stringify(r)].join('\n');
      const token = Buffer.from(`${KEY}:${SECRET}`).toString('base64');
      for (const secret of [SECRET, token]) assert.ok(!all.includes(secret), 'secret echoed');
      assert.match(r.diagnostics[0].message, /^LTV: bad /);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('redacts headers, tokens and secrets in any text', () => {
    const s = secretsOf(KEY, SECRET);
    const token = Buffer.from(`${KEY}:${SECRET}`).toString('base64');
    const text = `authorization: Basic ${token}\n{"Authorization":"Basic abc"} secret=${SECRET}`;
    const out = redact(text, s);
    assert.ok(!out.includes(SECRET) && !out.includes(token) && !out.includes('abc"'));
  });

  it('refuses http:// to a non-loopback host before any request', async () => {
    for (const url of ['http://s2s.mparticle.com', 'http://10.0.0.1:8080', 'ftp://127.0.0.1']) {
      const c = checkBaseUrl(url);
      assert.equal(c.ok, false, url);
    }
    for (const url of [
      'http://127.0.0.1:1234',
      'http://localhost:9',
      'http://[::1]:80',
      'https://example.com/',
    ]) {
      assert.equal(checkBaseUrl(url).ok, true, url);
    }
    const t = resolveTarget({ baseUrl: 'http://example.com' });
    assert.ok('error' in t && /https/.test(t.error));
    const pod = resolveTarget({ pod: 'eu1' });
    assert.ok('baseUrl' in pod && pod.baseUrl === 'https://s2s.eu1.mparticle.com');
  });
});
