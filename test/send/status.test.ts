/**
 * Every status path of the sender, over real HTTP on loopback against the in-process emulator.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { parse } from '../../core/parser';
import { LineIndex } from '../../core/positions';
import { attributeNamesOf } from '../../core/send/cut';
import { minifyJson } from '../../core/send/minify';
import type { SendPlan } from '../../core/send/plan';
import type { SendOptions } from '../../core/send/sender';
import { sendPlan } from '../../core/send/sender';
import { systemClock } from '../../core/send/transport';
import { createUndiciTransport } from '../../transport/undici';
import {
  FAST_RETRY,
  KEY,
  bulkText,
  fakeClock,
  userText,
  waitFor,
  withEmulator,
  planOf,
  testSendOptions,
} from './helpers';

const undici = createUndiciTransport();
after(() => undici.close());

const plan = planOf;

function opts(baseUrl: string, extra: Partial<SendOptions> = {}): SendOptions {
  return testSendOptions(undici.transport, baseUrl, extra);
}

describe('sender status paths', () => {
  it('a throwing log or progress callback does not break the send', async () => {
    await withEmulator({}, async (em) => {
      const boom = (): void => {
        throw new Error('callback failed');
      };
      const r = await sendPlan(
        plan(bulkText(3), { maxUsers: 1 }),
        opts(em.url, { log: boom, onEvent: boom }),
      );
      assert.equal(r.outcome, 'accepted');
      assert.equal(em.accepted.length, 3);
    });
  });

  it('202: accepted, single user on the single path', async () => {
    await withEmulator({}, async (em) => {
      const r = await sendPlan(plan(userText(0)), opts(em.url));
      assert.equal(r.outcome, 'accepted');
      assert.equal(r.requests[0].status, 202);
      assert.equal(em.received[0].path, '/v2/calculatedattributes');
      assert.equal(em.accepted.length, 1);
    });
  });

  it('400: errors land on the attribute_name of the right users, in that request only', async () => {
    const defs = [{ name: 'LTV', calculation_type: 'sum' }];
    // Users 0-1 in request 0; users 2-3 in request 1, where user 3 seeds an undefined attribute.
    const users = [userText(0), userText(1), userText(2), userText(3, { name: 'test sum' })];
    const text = `[\n${users.join(',\n')}\n]`;
    await withEmulator({ definitions: defs }, async (em) => {
      const p = plan(text, { maxUsers: 2 });
      const r = await sendPlan(p, opts(em.url));
      assert.equal(r.outcome, 'rejected');
      assert.deepEqual(
        r.requests.map((q) => q.state),
        ['accepted', 'rejected'],
      );
      assert.equal(r.requests[1].status, 400);
      assert.equal(r.diagnostics.length, 1);
      const d = r.diagnostics[0];
      assert.equal(d.code, 'api-error');
      assert.equal(d.message, 'test sum: No matching calculated attribute definition found');
      assert.equal(text.slice(d.offset, d.offset + d.length), '"test sum"');
      const lines = new LineIndex(text);
      const expectedLine = text.split('\n').findIndex((l) => l.includes('"test sum"'));
      assert.equal(lines.positionAt(d.offset).line, expectedLine);
      assert.equal(r.unmatched.length, 0);
      assert.equal(em.accepted.length, 1, 'all-or-nothing: the rejected request stored nothing');
    });
  });

  it('400: the same error from two requests lands once on each request’s own user', async () => {
    const defs = [{ name: 'LTV', calculation_type: 'sum' }];
    // User 0 (request 0) and user 3 (request 1) seed the same undefined attribute.
    const users = [
      userText(0, { name: 'test sum' }),
      userText(1),
      userText(2),
      userText(3, { name: 'test sum' }),
    ];
    const text = `[\n${users.join(',\n')}\n]`;
    await withEmulator({ definitions: defs }, async (em) => {
      const r = await sendPlan(plan(text, { maxUsers: 2 }), opts(em.url));
      assert.deepEqual(
        r.requests.map((q) => q.state),
        ['rejected', 'rejected'],
      );
      const first = text.indexOf('"test sum"');
      const second = text.lastIndexOf('"test sum"');
      assert.deepEqual(
        r.diagnostics.map((d) => d.offset),
        [first, second],
        'each request’s error on its own user only, not on the other request’s',
      );
    });
  });

  it('400 "Seed value must be numeric" lands on that attribute (plan built past the validator)', async () => {
    await withEmulator({}, async (em) => {
      // The validator refuses this seed before sending, so the plan is built by hand here.
      const text = userText(0).replace('"value": 0', '"value": "12abc"');
      const body = minifyJson(text);
      const p: SendPlan = {
        shape: 'single',
        path: '/v2/calculatedattributes',
        requests: [
          {
            index: 0,
            users: [0],
            body,
            bytes: Buffer.byteLength(body),
            attributes: attributeNamesOf(parse(text).root!),
          },
        ],
        users: 1,
        seeds: 1,
        attributes: ['LTV'],
        bytes: Buffer.byteLength(body),
        production: false,
      };
      const r = await sendPlan(p, opts(em.url));
      assert.equal(r.outcome, 'rejected');
      assert.equal(r.diagnostics.length, 1);
      assert.equal(r.diagnostics[0].message, 'LTV: Seed value must be numeric');
      const d = r.diagnostics[0];
      assert.equal(text.slice(d.offset, d.offset + d.length), '"LTV"');
      assert.equal(em.accepted.length, 0);
    });
  });

  it('401 without credentials and 403 with wrong ones: never retried, the rest not sent', async () => {
    await withEmulator({}, async (em) => {
      const r403 = await sendPlan(
        plan(bulkText(6), { maxUsers: 2 }),
        opts(em.url, { credentials: { apiKey: KEY, apiSecret: 'wrong' }, concurrency: 1 }),
      );
      assert.equal(r403.outcome, 'rejected');
      assert.equal(r403.authFailure, 403);
      assert.deepEqual(
        r403.requests.map((q) => q.state),
        ['rejected', 'skipped', 'skipped'],
      );
      assert.equal(r403.requests[0].attempts, 1);
      assert.equal(em.received.length, 1);
      const r401 = await sendPlan(
        plan(userText(0)),
        opts(em.url, { credentials: { apiKey: '', apiSecret: '' } }),
      );
      // An empty key and secret still send a header; strip it with a transport wrapper for 401.
      assert.equal(r401.authFailure, 403);
      const noHeader = await sendPlan(
        plan(userText(0)),
        opts(em.url, {
          transport: (req) => {
            const headers = { ...req.headers };
            delete headers.authorization;
            return undici.transport({ ...req, headers });
          },
        }),
      );
      assert.equal(noHeader.authFailure, 401);
      assert.equal(noHeader.requests[0].attempts, 1);
    });
  });

  it('429 with Retry-After, then success: the wait is the server’s', async () => {
    await withEmulator({ faults: { failFirst: 2, failStatus: 429, retryAfter: 1 } }, async (em) => {
      const clock = fakeClock();
      const r = await sendPlan(plan(userText(0)), opts(em.url, { clock }));
      assert.equal(r.outcome, 'accepted');
      assert.equal(r.requests[0].attempts, 3);
      assert.deepEqual(clock.sleeps, [1000, 1000]);
      assert.deepEqual(
        em.received.map((q) => q.status),
        [429, 429, 202],
      );
    });
  });

  for (const status of [503, 500, 502]) {
    it(`${status}: retried with jittered backoff, then accepted`, async () => {
      await withEmulator({ faults: { failFirst: 3, failStatus: status } }, async (em) => {
        const clock = fakeClock();
        const r = await sendPlan(plan(userText(0)), opts(em.url, { clock, random: () => 0.5 }));
        assert.equal(r.outcome, 'accepted');
        assert.equal(r.requests[0].attempts, 4);
        // Full jitter with random() = 0.5: half of base × 2^(n-1).
        assert.deepEqual(clock.sleeps, [5, 10, 20]);
      });
    });
  }

  it('a dropped connection is retried', async () => {
    await withEmulator({ faults: { dropEvery: 2 } }, async (em) => {
      const r = await sendPlan(
        plan(bulkText(4), { maxUsers: 1 }),
        opts(em.url, { concurrency: 1 }),
      );
      assert.equal(r.outcome, 'accepted');
      assert.ok(em.received.some((q) => q.status === 'dropped'));
      assert.equal(em.accepted.length, 4);
      assert.ok(r.requests.some((q) => q.attempts > 1));
    });
  });

  it('gives up after the bounded attempts and says so; later requests are not sent', async () => {
    await withEmulator({ faults: { failFirst: 1000, failStatus: 503 } }, async (em) => {
      const r = await sendPlan(
        plan(bulkText(3), { maxUsers: 1 }),
        opts(em.url, { concurrency: 1, retry: { ...FAST_RETRY, maxAttempts: 3 } }),
      );
      assert.equal(r.outcome, 'failed');
      assert.equal(r.requests[0].state, 'failed');
      assert.equal(r.requests[0].attempts, 3);
      assert.match(r.requests[0].message, /gave up after 3 attempts; last: HTTP 503/);
      assert.deepEqual(
        r.requests.slice(1).map((q) => q.state),
        ['skipped', 'skipped'],
      );
      assert.equal(em.received.length, 3);
      assert.match(r.summary, /^Gave up/);
    });
  });

  it('gives up when the next wait would pass the total deadline', async () => {
    await withEmulator(
      { faults: { failFirst: 1000, failStatus: 429, retryAfter: 30 } },
      async (em) => {
        const r = await sendPlan(
          plan(userText(0)),
          opts(em.url, { retry: { ...FAST_RETRY, maxAttempts: 100, deadlineMs: 100_000 } }),
        );
        assert.equal(r.outcome, 'failed');
        assert.match(r.requests[0].message, /deadline/);
        assert.equal(em.received.length, 4);
      },
    );
  });

  it('an attempt without a response in time is abandoned and retried, then given up', async () => {
    await withEmulator({ faults: { delayMs: 60_000 } }, async (em) => {
      const r = await sendPlan(
        plan(userText(0)),
        opts(em.url, {
          clock: systemClock,
          retry: { ...FAST_RETRY, attemptTimeoutMs: 100, maxAttempts: 2 },
        }),
      );
      assert.equal(r.outcome, 'failed');
      assert.match(
        r.requests[0].message,
        /gave up after 2 attempts; last: no response within 100 ms/,
      );
      await waitFor(() => em.stats().inFlight === 0, 'the server to see both aborts');
      assert.equal(em.stats().seedingRequests, 2);
      // It left and no answer came back: the server may have stored it.
      assert.equal(r.requests[0].outcome, 'unknown');
      assert.equal(r.users.unknown.total, r.requests[0].users.length);
    });
  });

  it('a connection refused is retried, then reported as a network failure', async () => {
    const em = await withEmulator({}, async (e) => e.url);
    const r = await sendPlan(
      plan(userText(0)),
      opts(em, { retry: { ...FAST_RETRY, maxAttempts: 2 } }),
    );
    assert.equal(r.outcome, 'failed');
    assert.match(r.requests[0].message, /connection failed/);
    // Nothing reached a server: not sent (not "unknown").
    assert.equal(r.requests[0].outcome, 'not-sent');
  });
});
