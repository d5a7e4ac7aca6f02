/**
 * Pulling a workspace's definitions from the Platform API, with the HTTP transport, clock and
 * random source passed in (undici in the CLI and the VS Code client; fakes never needed: tests run
 * it against the emulator over loopback). OAuth client credentials; the token is kept in memory
 * (`TokenCache`) until shortly before it expires and never leaves it. Every failure is one
 * sentence that says what to do; 5xx, 429 and network failures are retried with backoff.
 */
import type { Clock, HttpResponse, Transport } from '../send/transport';
import { systemClock } from '../send/transport';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay, verdictOf } from '../send/retry';
import { checkBaseUrl } from '../send/target';
import type { DefinitionsFile } from './model';
import { definitionsFromPlatform, serializeDefinitions } from './platform';

export const DEFAULT_API_URL = 'https://api.mparticle.com';
export const DEFAULT_TOKEN_URL = 'https://sso.auth.mparticle.com/oauth/token';
/** The documented audience of a Platform API token. */
export const AUDIENCE = 'https://api.mparticle.com';

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Tokens in memory only, per token endpoint and client id, until a minute before they expire. */
export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>();

  get(key: string, now: number): string | undefined {
    const t = this.tokens.get(key);
    if (t === undefined || t.expiresAt <= now) return undefined;
    return t.token;
  }

  set(key: string, token: string, expiresInSeconds: number, now: number): void {
    const margin = Math.min(60, expiresInSeconds / 10);
    this.tokens.set(key, { token, expiresAt: now + (expiresInSeconds - margin) * 1000 });
  }

  delete(key: string): void {
    this.tokens.delete(key);
  }
}

export interface PullOptions {
  workspaceId: string;
  clientId: string;
  clientSecret: string;
  apiUrl?: string;
  tokenUrl?: string;
  transport: Transport;
  tokens?: TokenCache;
  clock?: Clock;
  random?: () => number;
  /** Attempts per request, the first included (default 4). */
  maxAttempts?: number;
  signal?: AbortSignal;
  /** One line per retry (never a secret or a token). */
  log?: (line: string) => void;
}

export type PullResult =
  | { ok: true; file: DefinitionsFile; text: string; skipped: string[] }
  | { ok: false; reason: string; kind: 'usage' | 'auth' | 'api' | 'network' };

class PullError extends Error {
  constructor(
    message: string,
    readonly kind: 'usage' | 'auth' | 'api' | 'network',
  ) {
    super(message);
  }
}

function hostOf(url: string): string {
  return new URL(url).host;
}

function checked(url: string, what: string): string {
  const r = checkBaseUrl(url);
  if (!r.ok) throw new PullError(`${what}: ${r.reason}`, 'usage');
  return r.baseUrl;
}

/** Sends with retries for 408/429/5xx and network failures; resolves to the last response. */
async function withRetries(
  o: PullOptions,
  what: string,
  send: () => Promise<HttpResponse>,
): Promise<HttpResponse> {
  const clock = o.clock ?? systemClock;
  const random = o.random ?? Math.random;
  const attempts = Math.max(1, o.maxAttempts ?? 4);
  const policy = { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 30_000 };
  for (let attempt = 1; ; attempt++) {
    let res: HttpResponse | undefined;
    let failure: string | undefined;
    try {
      res = await send();
    } catch (err) {
      if (o.signal?.aborted === true) throw new PullError('cancelled', 'network');
      failure = err instanceof Error ? err.message.split('\n')[0] : String(err);
    }
    const retry = res === undefined || verdictOf(res.status) === 'retry';
    if (!retry && res !== undefined) return res;
    if (attempt >= attempts) {
      if (res !== undefined) return res;
      throw new PullError(
        `${what}: no answer after ${attempts} attempts (${failure ?? 'network error'})`,
        'network',
      );
    }
    const wait = retryDelay(
      attempt,
      parseRetryAfter(res?.headers['retry-after'], clock.now()),
      policy,
      random,
    );
    o.log?.(
      `${what}: ${res === undefined ? (failure ?? 'network error') : `HTTP ${res.status}`}; retrying in ${wait} ms (attempt ${attempt + 1} of ${attempts})`,
    );
    await clock.sleep(wait, o.signal);
    if (o.signal?.aborted === true) throw new PullError('cancelled', 'network');
  }
}

async function fetchToken(
  o: PullOptions,
  tokenUrl: string,
  key: string,
  tokens: TokenCache,
): Promise<string> {
  const clock = o.clock ?? systemClock;
  const cached = tokens.get(key, clock.now());
  if (cached !== undefined) return cached;
  const res = await withRetries(o, `token request to ${hostOf(tokenUrl)}`, () =>
    o.transport({
      url: tokenUrl,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        client_id: o.clientId,
        client_secret: o.clientSecret,
        audience: AUDIENCE,
        grant_type: 'client_credentials',
      }),
      signal: o.signal ?? new AbortController().signal,
    }),
  );
  if (res.status === 400 || res.status === 401 || res.status === 403)
    throw new PullError(
      `the token endpoint ${hostOf(tokenUrl)} refused the client id and secret (HTTP ${res.status}): check the Platform API credentials (MPARTICLE_CLIENT_ID / MPARTICLE_CLIENT_SECRET — not the seeding API key and secret)`,
      'auth',
    );
  if (res.status < 200 || res.status > 299)
    throw new PullError(
      `the token endpoint ${hostOf(tokenUrl)} answered HTTP ${res.status}; try again later`,
      'api',
    );
  let body: { access_token?: unknown; expires_in?: unknown } | undefined;
  try {
    body = JSON.parse(res.body) as typeof body;
  } catch {
    body = undefined;
  }
  const token = body?.access_token;
  if (typeof token !== 'string' || token === '')
    throw new PullError(
      `the token endpoint ${hostOf(tokenUrl)} answered without an access_token`,
      'api',
    );
  const ttl = typeof body?.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600;
  tokens.set(key, token, ttl, clock.now());
  return token;
}

/** Pulls the definitions of one workspace; never throws for an HTTP or network failure. */
export async function pullDefinitions(o: PullOptions): Promise<PullResult> {
  try {
    if (!/^\d+$/.test(o.workspaceId))
      throw new PullError(
        `the workspace id must be a number (got ${JSON.stringify(o.workspaceId)})`,
        'usage',
      );
    if (o.clientId === '' || o.clientSecret === '')
      throw new PullError('the Platform API client id and secret are needed', 'usage');
    const apiUrl = checked(o.apiUrl ?? DEFAULT_API_URL, 'the API URL');
    const tokenUrl = checked(o.tokenUrl ?? DEFAULT_TOKEN_URL, 'the token URL');
    const tokens = o.tokens ?? new TokenCache();
    const key = `${tokenUrl} ${o.clientId}`;
    const listUrl = `${apiUrl}/platform/v2/workspaces/${o.workspaceId}/calculatedattributes`;
    const what = `calculated attribute list of workspace ${o.workspaceId}`;
    let res: HttpResponse | undefined;
    for (let fresh = 0; fresh < 2; fresh++) {
      const token = await fetchToken(o, tokenUrl, key, tokens);
      res = await withRetries(o, what, () =>
        o.transport({
          url: listUrl,
          method: 'GET',
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
          signal: o.signal ?? new AbortController().signal,
        }),
      );
      if (res.status !== 401) break;
      tokens.delete(key); // expired or revoked meanwhile: one more try with a new token
    }
    if (res === undefined) throw new PullError('no answer', 'network');
    const ws = `workspace ${o.workspaceId}`;
    switch (true) {
      case res.status === 401:
        throw new PullError(
          `the Platform API refused the token for ${ws} (HTTP 401): check the client id and secret`,
          'auth',
        );
      case res.status === 403:
        throw new PullError(
          `no access to ${ws} (HTTP 403): the API client needs a role with calculated_attributes:view in that workspace`,
          'auth',
        );
      case res.status === 404:
        throw new PullError(
          `${ws} was not found, or this API client cannot see it (HTTP 404): check the workspace id`,
          'api',
        );
      case res.status >= 500 || res.status === 429:
        throw new PullError(
          `the Platform API answered HTTP ${res.status} for ${ws} after ${Math.max(1, o.maxAttempts ?? 4)} attempts; try again later`,
          'network',
        );
      case res.status < 200 || res.status > 299:
        throw new PullError(`the Platform API answered HTTP ${res.status} for ${ws}`, 'api');
    }
    let list: unknown;
    try {
      list = JSON.parse(res.body);
    } catch {
      throw new PullError(
        `the Platform API's answer for ${ws} is not JSON (${res.body.length} bytes); nothing was written`,
        'api',
      );
    }
    const converted = definitionsFromPlatform(list, {
      workspaceId: o.workspaceId,
      pulledAt: new Date((o.clock ?? systemClock).now()).toISOString(),
      pulledFrom: apiUrl,
    });
    if (!converted.ok)
      throw new PullError(
        `the Platform API's answer for ${ws} is not what was expected: ${converted.reason}; nothing was written`,
        'api',
      );
    return {
      ok: true,
      file: converted.file,
      text: serializeDefinitions(converted.file),
      skipped: converted.skipped,
    };
  } catch (err) {
    if (err instanceof PullError) return { ok: false, reason: err.message, kind: err.kind };
    throw err;
  }
}
