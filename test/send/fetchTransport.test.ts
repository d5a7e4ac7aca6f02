/**
 * The web transport (transport/fetch.ts) over real loopback HTTP, and the emulator's CORS answers
 * that let a browser send to it. Node's `fetch` does not enforce CORS, so what a browser does with
 * these headers is tested in the browser (test/web); here: the headers themselves, and that a send
 * through `fetch` reaches the API exactly as one through undici does.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { sendPlan } from '../../core/send/sender';
import { createFetchTransport } from '../../transport/fetch';
import { BIG_MPID, bulkText, planOf, testSendOptions, userText, withEmulator } from './helpers';

/** A raw request (no fetch, no CORS logic): status and headers as the server sent them. */
function raw(
  url: string,
  method: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const PREFLIGHT = {
  origin: 'https://vscode.dev',
  'access-control-request-method': 'POST',
  'access-control-request-headers': 'authorization,content-type',
};

describe('the fetch transport and the emulator’s CORS', () => {
  it('sends a split bulk file through fetch: accepted, 19-digit mpid exact', async () => {
    await withEmulator({}, async (em) => {
      const text = bulkText(5).replace('"mpid": 1000,', `"mpid": ${BIG_MPID},`);
      const plan = planOf(text, { maxUsers: 2 });
      const result = await sendPlan(plan, testSendOptions(createFetchTransport(), em.url));
      assert.equal(result.outcome, 'accepted', result.summary);
      assert.equal(em.accepted.length, 3);
      assert.ok(em.accepted[0].body.includes(`"mpid":${BIG_MPID}`));
    });
  });

  it('reads error bodies (a 400 lands on its attribute) and caps a huge body', async () => {
    await withEmulator({ definitions: [{ name: 'LTV', calculation_type: 'sum' }] }, async (em) => {
      const plan = planOf(`[${userText(1, { name: 'Unknown' })}]`);
      const result = await sendPlan(plan, testSendOptions(createFetchTransport(), em.url));
      assert.equal(result.outcome, 'rejected');
      assert.ok(result.diagnostics.length > 0, 'the 400 body was read and mapped');
      const capped = await createFetchTransport({ maxResponseBytes: 10 })({
        url: `${em.url}/emulator/seeds`,
        method: 'POST',
        headers: {},
        body: '',
        signal: new AbortController().signal,
      });
      assert.ok(capped.body.length <= 10, `body cut at the cap: ${capped.body.length}`);
    });
  });

  it('with cors: a preflight gets 204 allowing POST with Authorization; answers allow any origin', async () => {
    await withEmulator({ cors: true }, async (em) => {
      const pre = await raw(`${em.url}/v2/bulkcalculatedattributes`, 'OPTIONS', PREFLIGHT);
      assert.equal(pre.status, 204);
      assert.equal(pre.headers['access-control-allow-origin'], '*');
      assert.match(String(pre.headers['access-control-allow-methods']), /POST/);
      assert.match(String(pre.headers['access-control-allow-headers']), /authorization/);
      assert.match(String(pre.headers['access-control-allow-headers']), /content-type/);
      const post = await raw(`${em.url}/v2/bulkcalculatedattributes`, 'POST', {
        origin: 'https://vscode.dev',
      });
      assert.equal(post.status, 401);
      assert.equal(post.headers['access-control-allow-origin'], '*');
      assert.match(String(post.headers['access-control-expose-headers']), /retry-after/);
      assert.equal(em.received.length, 1, 'the preflight is not a seeding request');
    });
  });

  it('without cors (the default, like mParticle): no CORS headers, so a browser may not send', async () => {
    await withEmulator({}, async (em) => {
      const pre = await raw(`${em.url}/v2/bulkcalculatedattributes`, 'OPTIONS', PREFLIGHT);
      assert.notEqual(pre.status, 204);
      assert.equal(pre.headers['access-control-allow-origin'], undefined);
    });
  });
});
