/**
 * The local emulator of the Calculated Attributes Seeding API: a real node:http server on loopback
 * that answers as the documented API does (202/400/401/403), with fault injection, and a read-only
 * `GET /emulator/seeds` listing what it accepted. Tests start it in-process on port 0.
 *
 * Every request is checked before a byte of its body is read: the `Host` must be this loopback
 * address and port (a web page cannot reach it through DNS rebinding: 421), then the route (404),
 * the method (405) and the Basic credentials (401/403) — the inspection endpoint needs the same
 * credentials as the API. A refused request's body is never buffered or kept; its connection is
 * closed after the answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import type { AcceptedUser, Definition } from './check';
import { checkBody } from './check';
import type { FaultOptions } from './faults';
import { faultFor } from './faults';
import type { PlatformOptions } from './platform';
import { createPlatform } from './platform';

export interface EmulatorOptions {
  /** Port on 127.0.0.1 (0 = any free port). */
  port?: number;
  apiKey: string;
  apiSecret: string;
  definitions?: Definition[];
  /** Also serve the Platform API (token endpoint, CA list) from a definitions file. */
  platform?: PlatformOptions;
  faults?: FaultOptions;
  /** Request bodies above this are answered 413 (default 32 MB). */
  maxBodyBytes?: number;
  /**
   * Answer cross-origin requests (CORS), as a browser needs to send from VS Code for the Web:
   * preflights (`OPTIONS`) get 204 allowing POST with Authorization, every answer allows any
   * origin. Off by default, like mParticle's API, which is not documented to answer CORS.
   */
  cors?: boolean;
  /** Receives one line per request (never credentials). */
  log?: (line: string) => void;
  /**
   * Counting mode, for sends of millions of users: no body is kept, only how many times each user
   * (its mpid digits, or its identities) was accepted. `accepted` and `received` stay empty.
   */
  counting?: boolean;
}

/** What counting mode has seen. */
export interface Counts {
  /** Times each user was accepted, by `mpid:<digits>` or `identities:<json>`. */
  perUser: Map<string, number>;
  /** Users accepted, repeats included. */
  acceptedUsers: number;
  /** Requests accepted (202). */
  acceptedRequests: number;
}

export interface AcceptedRequest {
  path: string;
  /** The exact body received. */
  body: string;
  users: AcceptedUser[];
}

export interface ReceivedRequest {
  method: string;
  path: string;
  /** The status answered, or `dropped`. */
  status: number | 'dropped';
  body: string;
  /** The Authorization header as received (kept in memory for tests; never printed or served). */
  authorization: string | undefined;
  /** Other seeding requests in flight when this one arrived. */
  inFlightAtArrival?: number;
}

export interface Emulator {
  url: string;
  port: number;
  accepted: AcceptedRequest[];
  received: ReceivedRequest[];
  /** The Platform API's issued tokens (when `platform` is given). */
  platformTokens: readonly string[];
  /** Seeding requests being handled right now, and the most at once. */
  stats(): { inFlight: number; maxInFlight: number; seedingRequests: number };
  /** Per-user counts (counting mode; also kept otherwise). */
  counts: Counts;
  close(): Promise<void>;
}

const ROUTES: Record<string, 'single' | 'bulk'> = {
  '/v2/calculatedattributes': 'single',
  '/v2/bulkcalculatedattributes': 'bulk',
};

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

/** The seeds list served by GET /emulator/seeds; mpids are written as their exact digits. */
function seedsDocument(accepted: readonly AcceptedRequest[]): unknown {
  return {
    requests: accepted.map((r) => ({
      path: r.path,
      body: r.body,
      users: r.users.map((u) => ({
        mpid: u.mpid,
        environment: u.environment,
        identities: u.identities,
        attributes: u.attributes,
      })),
    })),
  };
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const faults = options.faults ?? {};
  const maxBody = options.maxBodyBytes ?? 32 * 1024 * 1024;
  const expected = `Basic ${Buffer.from(`${options.apiKey}:${options.apiSecret}`, 'utf8').toString('base64')}`;
  const accepted: AcceptedRequest[] = [];
  const received: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const held: Array<() => void> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const counting = options.counting === true;
  const counts: Counts = { perUser: new Map(), acceptedUsers: 0, acceptedRequests: 0 };
  const store = (path: string, body: string, users: AcceptedUser[]): void => {
    counts.acceptedRequests++;
    for (const u of users) {
      const key =
        u.mpid !== undefined
          ? `mpid:${u.mpid}`
          : `identities:${JSON.stringify(u.identities ?? {})}`;
      counts.perUser.set(key, (counts.perUser.get(key) ?? 0) + 1);
      counts.acceptedUsers++;
    }
    if (!counting) accepted.push({ path, body, users });
  };
  let seedingRequests = 0;
  const log = options.log ?? ((): void => undefined);
  const platform = options.platform === undefined ? undefined : createPlatform(options.platform);
  const arrivalInFlight = new WeakMap<IncomingMessage, number>();
  /** The `Host` values accepted (set once the port is known). */
  let loopbackHosts = new Set<string>();

  const pathOf = (req: IncomingMessage): string =>
    (req.url ?? '/').split('?')[0].replace(/\/+$/, '') || '/';
  const recordOf =
    (req: IncomingMessage, body: string) =>
    (status: number | 'dropped'): void => {
      const path = pathOf(req);
      if (!counting)
        received.push({
          method: req.method ?? '',
          path,
          status,
          body,
          authorization: req.headers.authorization,
          inFlightAtArrival: arrivalInFlight.get(req),
        });
      log(`${req.method} ${path} → ${status}`);
    };

  /**
   * The answer to a request refused on its headers alone, or undefined when its body may be read.
   * Sent with `Connection: close`, before any of the body is read.
   */
  const refuse = (
    req: IncomingMessage,
  ): { status: number; body?: unknown; headers?: Record<string, string> } | undefined => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!loopbackHosts.has(host)) {
      return {
        status: 421,
        body: {
          errors: [
            { code: 'MISDIRECTED', message: 'This emulator answers only to its loopback address' },
          ],
        },
      };
    }
    const path = pathOf(req);
    // The Platform API's routes check their own credentials (client id/secret, bearer token).
    if (platform?.owns(path) === true) return undefined;
    const seeds = path === '/emulator/seeds' || path === '/emulator/counts';
    if (!seeds && ROUTES[path] === undefined) {
      return {
        status: 404,
        body: { errors: [{ code: 'NOT_FOUND', message: `No route ${req.method} ${path}` }] },
      };
    }
    const method = seeds ? 'GET' : 'POST';
    if (req.method !== method) {
      return {
        status: 405,
        body: { errors: [{ code: 'METHOD_NOT_ALLOWED', message: `Use ${method}` }] },
        headers: { allow: method },
      };
    }
    const auth = req.headers.authorization;
    // The inspection endpoint asks a browser to prompt for the credentials.
    const challenge = seeds ? { 'www-authenticate': 'Basic realm="caseed emulator"' } : undefined;
    if (auth === undefined || auth === '') return { status: 401, headers: challenge };
    if (auth !== expected) return { status: 403 };
    return undefined;
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    const path = pathOf(req);
    const record = recordOf(req, body);
    if (path === '/emulator/seeds') {
      json(res, 200, seedsDocument(accepted));
      return;
    }
    if (path === '/emulator/counts') {
      const repeated = [...counts.perUser.values()].filter((n) => n > 1).length;
      json(res, 200, {
        users: counts.perUser.size,
        acceptedUsers: counts.acceptedUsers,
        acceptedRequests: counts.acceptedRequests,
        usersAcceptedMoreThanOnce: repeated,
      });
      return;
    }
    const answer = platform?.handle(req.method ?? '', path, req.headers.authorization, body);
    if (answer !== undefined) {
      // The token request's body holds the client secret: never kept.
      recordOf(req, path === '/oauth/token' ? '' : body)(answer.status);
      if (answer.raw !== undefined) {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.raw);
      } else json(res, answer.status, answer.body);
      return;
    }
    const shape = ROUTES[path];
    seedingRequests++;
    arrivalInFlight.set(req, inFlight);
    const othersInFlight = inFlight;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let settled = false;
    const finish = (): void => {
      if (!settled) {
        settled = true;
        inFlight--;
      }
    };
    res.on('close', finish);
    // The fault is chosen by the request's own number, whenever it is answered.
    const n = seedingRequests;
    const respond = (): void => {
      if (res.destroyed) return;
      const fault = faultFor(n, faults);
      if (fault.kind === 'drop') {
        record('dropped');
        req.socket.destroy();
        return;
      }
      if (faults.throttleInFlight !== undefined && othersInFlight > faults.throttleInFlight) {
        record(429);
        json(res, 429, undefined, {
          'x-mp-rate-limit-exceeded': 'app',
          ...(faults.retryAfter !== undefined ? { 'retry-after': String(faults.retryAfter) } : {}),
        });
        return;
      }
      if (fault.kind === 'status') {
        record(fault.status);
        json(res, fault.status, undefined, fault.headers);
        return;
      }
      const result = checkBody(body, shape, options.definitions);
      if (!result.ok) {
        record(400);
        json(res, 400, { errors: result.errors });
        return;
      }
      store(path, body, result.users);
      if (fault.kind === 'store-then-drop') {
        record('dropped');
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'store-then-cut') {
        record('dropped');
        // Headers promise a body that never comes in full.
        res.writeHead(202, { 'content-type': 'application/json', 'content-length': '64' });
        res.write('{"accepted":');
        setImmediate(() => req.socket.destroy());
        return;
      }
      record(202);
      const used: Record<string, string> =
        faults.rateLimitUsed === undefined
          ? {}
          : { 'x-mp-rate-limit-percentage-used': String(faults.rateLimitUsed) };
      json(res, 202, undefined, used);
    };
    const afterDelay = (): void => {
      if (faults.releaseWhenInFlight === undefined) {
        respond();
        return;
      }
      held.push(respond);
      if (inFlight >= faults.releaseWhenInFlight) held.splice(0).forEach((f) => f());
    };
    if (faults.delayMs !== undefined && faults.delayMs > 0) {
      const t = setTimeout(() => {
        timers.delete(t);
        afterDelay();
      }, faults.delayMs);
      timers.add(t);
    } else afterDelay();
  };

  const server = createServer((req, res) => {
    if (options.cors === true) {
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('access-control-expose-headers', 'retry-after, x-mp-rate-limit-exceeded');
      if (req.method === 'OPTIONS') {
        // A preflight: allowed, and not a seeding request.
        res.writeHead(204, {
          'access-control-allow-methods': 'POST, GET',
          'access-control-allow-headers': 'authorization, content-type, accept, user-agent',
          'access-control-max-age': '600',
          // From a public page (vscode.dev) to this loopback server, Chrome asks this too.
          ...(req.headers['access-control-request-private-network'] === 'true'
            ? { 'access-control-allow-private-network': 'true' }
            : {}),
        });
        res.end();
        log(`OPTIONS ${req.url ?? '/'} → 204 (CORS)`);
        return;
      }
    }
    const refused = refuse(req);
    if (refused !== undefined) {
      // Answered on the headers alone: the body is never read into memory, the connection closed.
      if (!pathOf(req).startsWith('/emulator/')) recordOf(req, '')(refused.status);
      json(res, refused.status, refused.body, { ...refused.headers, connection: 'close' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= maxBody) chunks.push(c);
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      if (size > maxBody) {
        json(res, 413, {
          errors: [{ code: 'PAYLOAD_TOO_LARGE', message: 'Request body too large' }],
        });
        return;
      }
      handle(req, res, Buffer.concat(chunks).toString('utf8'));
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  loopbackHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    accepted,
    received,
    platformTokens: platform?.tokens ?? [],
    stats: () => ({ inFlight, maxInFlight, seedingRequests }),
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        held.length = 0;
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
