/**
 * The product's HTTP transport for the sender: undici, one keep-alive `Pool` per target origin, so
 * split requests reuse their connections. Response bodies are read up to a cap (error bodies are
 * small; a misbehaving server must not fill memory or hold a request open).
 */
import { Pool } from 'undici';
import type { HttpRequest, HttpResponse, Transport } from '../core/send/transport';

export interface UndiciTransportOptions {
  /** Connections per origin (match the sender's concurrency). Default 4. */
  connections?: number;
  /** Response bodies are cut after this many bytes. Default 1 MB. */
  maxResponseBytes?: number;
  /** How long an idle connection is kept open. Default 10 s. */
  keepAliveTimeoutMs?: number;
}

export interface UndiciTransport {
  transport: Transport;
  /** Closes every pool (pending requests finish first). */
  close(): Promise<void>;
}

export function createUndiciTransport(options: UndiciTransportOptions = {}): UndiciTransport {
  const pools = new Map<string, Pool>();
  const maxBytes = options.maxResponseBytes ?? 1024 * 1024;
  const poolFor = (origin: string): Pool => {
    let pool = pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(origin, {
        connections: Math.max(1, options.connections ?? 4),
        keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
        pipelining: 1,
      });
      pools.set(origin, pool);
    }
    return pool;
  };

  const transport: Transport = async (req: HttpRequest): Promise<HttpResponse> => {
    const url = new URL(req.url);
    const res = await poolFor(url.origin).request({
      path: `${url.pathname}${url.search}`,
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: req.signal,
    });
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value === undefined) continue;
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let incomplete: string | undefined;
    try {
      for await (const chunk of res.body) {
        const buf = chunk as Buffer;
        chunks.push(buf.subarray(0, maxBytes - size));
        size += buf.length;
        // Past the cap: stop reading (leaving the loop destroys the body and drops the connection),
        // so an endless body cannot hold the request open.
        if (size >= maxBytes) break;
      }
    } catch (err) {
      // The status and headers arrived, then the connection failed: the answer is cut.
      if (req.signal.aborted) throw err;
      const e = err as { code?: unknown; message?: unknown };
      incomplete = `${typeof e.code === 'string' ? `${e.code} ` : ''}${typeof e.message === 'string' ? e.message : String(err)}`;
    }
    const body = Buffer.concat(chunks).toString('utf8');
    return incomplete === undefined
      ? { status: res.statusCode, headers, body }
      : { status: res.statusCode, headers, body, incomplete };
  };

  return {
    transport,
    close: async () => {
      const all = [...pools.values()];
      pools.clear();
      await Promise.all(all.map((p) => p.close()));
    },
  };
}
