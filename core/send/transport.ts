/**
 * The side effects the sender needs, passed in as small function types: the HTTP transport (undici
 * in the product, see transport/undici.ts), the clock and the random source (fakes in tests).
 */

export interface HttpRequest {
  url: string;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  /** The request body (none for GET). */
  body?: string;
  /** Aborts the request (cancellation, or the attempt timeout). */
  signal: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** The response body as text (possibly truncated by the transport). */
  body: string;
  /**
   * Set when the connection failed while the body was being read (the status and headers had
   * arrived): what went wrong. A 2xx with a cut body leaves the outcome unknown.
   */
  incomplete?: string;
}

/** Sends one request. Connection failures and aborts reject; any HTTP status resolves. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts (it never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted === true) {
        resolve();
        return;
      }
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
};
