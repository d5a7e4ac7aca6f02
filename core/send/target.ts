/**
 * Where a seed file goes: a data center (pod) from the facts, or a custom base URL. https is
 * required except for loopback (127.0.0.0/8, localhost, [::1]), where the local emulator runs.
 */
import { PODS } from '../facts';

export interface Target {
  /** The base URL without a trailing slash, e.g. `https://s2s.eu1.mparticle.com`. */
  baseUrl: string;
  /** The credentials profile: the pod id, or the custom base URL. */
  profile: string;
  /** A short label for messages (`EU1`, or the URL). */
  label: string;
}

/** True for 127.0.0.0/8, `localhost` and `[::1]`. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === 'localhost' || h === '[::1]' || h === '::1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m.slice(1).every((x) => Number(x) <= 255);
}

/** Checks a custom base URL; returns the normalized URL or a reason to refuse it. */
export function checkBaseUrl(
  raw: string,
): { ok: true; baseUrl: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return {
      ok: false,
      reason: `"${raw}" is not a URL (expected e.g. https://s2s.mparticle.com).`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `${url.protocol} URLs are not supported: use https://.` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'The base URL must not contain credentials.' };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, reason: 'The base URL must not have a query or fragment.' };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      reason: `Refusing to send credentials over plain http to ${url.hostname}: use https:// (http is allowed only for loopback, e.g. the local emulator).`,
    };
  }
  const baseUrl = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  return { ok: true, baseUrl };
}

/** The target for a pod id or a custom base URL (the base URL wins when both are given). */
export function resolveTarget(choice: {
  pod?: string;
  baseUrl?: string;
}): Target | { error: string } {
  if (choice.baseUrl !== undefined && choice.baseUrl !== '') {
    const r = checkBaseUrl(choice.baseUrl);
    if (!r.ok) return { error: r.reason };
    return { baseUrl: r.baseUrl, profile: r.baseUrl, label: r.baseUrl };
  }
  const id = (choice.pod ?? 'us1').toLowerCase();
  const pod = PODS.find((p) => p.id === id);
  if (pod === undefined) {
    return {
      error: `Unknown data center "${choice.pod}": use one of ${PODS.map((p) => p.id).join(', ')}.`,
    };
  }
  return { baseUrl: pod.baseUrl, profile: pod.id, label: pod.id.toUpperCase() };
}
