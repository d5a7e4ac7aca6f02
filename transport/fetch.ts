/**
 * The sender's HTTP transport where there is no Node (VS Code for the Web): the platform's `fetch`.
 * The browser adds its own rules: a cross-origin request is only made when the target answers CORS
 * (`probeCors`), and connection reuse is the browser's business. Response bodies are read up to a
 * cap, as in transport/undici.ts.
 */
import type { HttpRequest, HttpResponse, Transport } from '../core/send/transport';

export interface FetchTransportOptions {
  /** Response bodies are cut after this many bytes. Default 1 MB. */
  maxResponseBytes?: number;
  /** The fetch to use (the global one by default). */
  fetch?: typeof fetch;
}

async function readCapped(res: Response, maxBytes: number): Promise<string> {
  if (res.body === null) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value.subarray(0, Math.max(0, maxBytes - size)));
      size += value.length;
      if (size >= maxBytes) break;
    }
  } finally {
    // Past the cap (or on an error): stop reading, so an endless body cannot hold the request.
    void reader.cancel().catch(() => undefined);
  }
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(all);
}

export function createFetchTransport(options: FetchTransportOptions = {}): Transport {
  const maxBytes = options.maxResponseBytes ?? 1024 * 1024;
  const doFetch = options.fetch ?? fetch;
  return async (req: HttpRequest): Promise<HttpResponse> => {
    const res = await doFetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: req.signal,
      // The Authorization header is the credential; no cookies, no redirects to elsewhere.
      credentials: 'omit',
      redirect: 'error',
    });
    const headers: Record<string, string | undefined> = {};
    res.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    try {
      return { status: res.status, headers, body: await readCapped(res, maxBytes) };
    } catch (err) {
      // The status and headers arrived, then the body failed: the answer is cut.
      if (req.signal.aborted) throw err;
      const incomplete = err instanceof Error ? err.message : String(err);
      return { status: res.status, headers, body: '', incomplete };
    }
  };
}

/**
 * Whether a browser may POST seeds to `url`. A browser does not let a page ask for a CORS preflight
 * alone, so this makes the request a send makes (POST, JSON, `Authorization`) with no credentials in
 * it (`Basic Og==` is an empty key and secret) and no body: the browser sends it only when the
 * target's preflight allows it, and the target answers it 401/403. Resolves true when the target
 * answered at all (any status), false when the browser refused (no CORS) or could not reach it —
 * `fetch` does not say which.
 */
export async function probeCors(
  url: string,
  doFetch: typeof fetch = fetch,
  timeoutMs = 10_000,
): Promise<boolean> {
  try {
    await doFetch(url, {
      method: 'POST',
      headers: { authorization: 'Basic Og==', 'content-type': 'application/json' },
      body: '',
      credentials: 'omit',
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return true;
  } catch {
    return false;
  }
}
