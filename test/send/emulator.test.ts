/**
 * The emulator's guards, over real loopback HTTP: the inspection endpoint needs the API's
 * credentials, a `Host` that is not this loopback address is refused (DNS rebinding), and a refused
 * request is answered from its headers alone — its body is never read or kept.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { AUTH, KEY, userText, withEmulator } from './helpers';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with exactly these headers (node:http lets a test set `Host`). */
function send(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends only the head of a request announcing a 50 MB body, and resolves with the status line the
 * emulator answers — which it can only do if it does not wait for (or read) the body.
 */
function headOnly(port: number, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer: the emulator waited for the body'));
    }, 10_000);
    socket.on('data', (c: Buffer) => {
      got += c.toString('latin1');
      if (got.includes('\r\n')) {
        clearTimeout(timer);
        socket.destroy();
        resolve(got.slice(0, got.indexOf('\r\n')));
      }
    });
    socket.on('error', reject);
    socket.write(
      `${[...lines, 'Content-Type: application/json', 'Content-Length: 50000000'].join('\r\n')}\r\n\r\n`,
    );
  });
}

describe('emulator: GET /emulator/seeds', () => {
  it('needs the same credentials as the API (401 without, 403 wrong, 200 right)', async () => {
    await withEmulator({}, async (em) => {
      const host = `127.0.0.1:${em.port}`;
      const none = await send(em.url, 'GET', '/emulator/seeds', { host });
      assert.equal(none.status, 401);
      assert.match(String(none.headers['www-authenticate']), /^Basic /);
      assert.doesNotMatch(none.body, /requests/);
      const wrong = await send(em.url, 'GET', '/emulator/seeds', {
        host,
        authorization: `Basic ${Buffer.from(`${KEY}:nope`).toString('base64')}`,
      });
      assert.equal(wrong.status, 403);
      assert.doesNotMatch(wrong.body, /requests/);
      const right = await send(em.url, 'GET', '/emulator/seeds', { host, ...AUTH });
      assert.equal(right.status, 200);
      assert.deepEqual(JSON.parse(right.body), { requests: [] });
    });
  });
});

describe('emulator: loopback Host only (DNS rebinding)', () => {
  it('refuses a foreign Host with the right credentials, on every route', async () => {
    await withEmulator({}, async (em) => {
      for (const host of [`evil.example:${em.port}`, 'localhost', `127.0.0.1:${em.port + 1}`]) {
        const seeds = await send(em.url, 'GET', '/emulator/seeds', { host, ...AUTH });
        assert.equal(seeds.status, 421, `GET seeds with Host ${host}`);
        const post = await send(
          em.url,
          'POST',
          '/v2/calculatedattributes',
          { host, ...AUTH, 'content-type': 'application/json' },
          userText(0),
        );
        assert.equal(post.status, 421, `POST with Host ${host}`);
      }
      assert.equal(em.accepted.length, 0);
    });
  });

  it('answers 127.0.0.1, localhost and [::1] with the port', async () => {
    await withEmulator({}, async (em) => {
      for (const host of [
        `127.0.0.1:${em.port}`,
        `localhost:${em.port}`,
        `[::1]:${em.port}`,
        `LOCALHOST:${em.port}`,
      ]) {
        const r = await send(em.url, 'GET', '/emulator/seeds', { host, ...AUTH });
        assert.equal(r.status, 200, host);
      }
    });
  });
});

describe('emulator: a refused request’s body is never read', () => {
  it('answers bad credentials, a foreign Host, an unknown path and a wrong method before the body', async () => {
    await withEmulator({}, async (em) => {
      const host = `Host: 127.0.0.1:${em.port}`;
      const bad = `Authorization: Basic ${Buffer.from(`${KEY}:nope`).toString('base64')}`;
      assert.match(
        await headOnly(em.port, ['POST /v2/calculatedattributes HTTP/1.1', host]),
        / 401 /,
      );
      assert.match(
        await headOnly(em.port, ['POST /v2/calculatedattributes HTTP/1.1', host, bad]),
        / 403 /,
      );
      assert.match(
        await headOnly(em.port, [
          'POST /v2/calculatedattributes HTTP/1.1',
          'Host: attacker.example',
          `Authorization: ${AUTH.authorization}`,
        ]),
        / 421 /,
      );
      assert.match(
        await headOnly(em.port, [
          'POST /elsewhere HTTP/1.1',
          host,
          `Authorization: ${AUTH.authorization}`,
        ]),
        / 404 /,
      );
      assert.match(
        await headOnly(em.port, [
          'PUT /v2/calculatedattributes HTTP/1.1',
          host,
          `Authorization: ${AUTH.authorization}`,
        ]),
        / 405 /,
      );
      // What the emulator kept of them: no body at all.
      assert.deepEqual(
        em.received.map((q) => [q.status, q.body]),
        [
          [401, ''],
          [403, ''],
          [421, ''],
          [404, ''],
          [405, ''],
        ],
      );
    });
  });
});
