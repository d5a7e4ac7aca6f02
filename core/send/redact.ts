/**
 * Keeping the API secret out of every line the product prints: the Authorization header value, the
 * base64 token, the secret itself and the key:secret pair are all replaced before anything is logged.
 */

export const REDACTED = '[redacted]';

/** The Basic Authorization header value for a key and secret (UTF-8, then base64). */
export function basicAuthorization(apiKey: string, apiSecret: string): string {
  return `Basic ${utf8Base64(`${apiKey}:${apiSecret}`)}`;
}

function utf8Base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The strings that must never appear in output for these credentials. */
export function secretsOf(apiKey: string, apiSecret: string): string[] {
  if (apiSecret === '') return [];
  const header = basicAuthorization(apiKey, apiSecret);
  return [header, header.slice('Basic '.length), `${apiKey}:${apiSecret}`, apiSecret];
}

/**
 * `text` with every secret replaced, and any `Authorization: …` header value masked whatever it
 * holds. Longer secrets are replaced first so a secret inside a token does not leave a tail.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(
    /(authorization["']?\s*[:=]\s*["']?)(basic|bearer)?\s*[^\s"',}]*/gi,
    (_m, p: string, scheme?: string) =>
      scheme === undefined ? `${p}${REDACTED}` : `${p}${scheme} ${REDACTED}`,
  );
  const sorted = [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  for (const s of sorted) out = out.split(s).join(REDACTED);
  return out;
}
