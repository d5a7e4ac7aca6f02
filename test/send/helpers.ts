/**
 * Shared pieces of the sender tests: seed documents, a fake clock whose sleeps pass instantly (and
 * are recorded), and an emulator started in-process on a free loopback port.
 */
import type { SendPlan } from '../../core/send/plan';
import { planSend } from '../../core/send/plan';
import type { SendOptions } from '../../core/send/sender';
import type { Clock, Transport } from '../../core/send/transport';
import type { EmulatorOptions } from '../../emulator/server';
import { startEmulator } from '../../emulator/server';
import type { Emulator } from '../../emulator/server';

export const KEY = 'us1-test-key';
export const SECRET = 'sEcReT-do-not-print-0123456789';
/** The emulator's credentials as request headers (GET /emulator/seeds needs them too). */
export const AUTH = {
  authorization: `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`,
};
export const BIG_MPID = '7346244611012968789';

/** One user object's text; `extra` seeds are added after the LTV seed. */
export function userText(
  i: number,
  options: { mpid?: string; env?: string; name?: string; padding?: number } = {},
): string {
  const list =
    options.padding !== undefined
      ? `,
        {
          "attribute_name": "Interests",
          "calculation_type": "unique_list",
          "cutoff_date": "2019-12-01",
          "seed": { "list": ["${'x'.repeat(options.padding)}"] }
        }`
      : '';
  return `{
    "environment": "${options.env ?? 'development'}",
    "mpid": ${options.mpid ?? String(1000 + i)},
    "calculated_attributes": {
      "workspace": [
        {
          "attribute_name": "${options.name ?? 'LTV'}",
          "calculation_type": "sum",
          "cutoff_date": "2019-12-01",
          "seed": { "value": ${i} }
        }${list}
      ]
    }
  }`;
}

/** A bulk file of `n` users. */
export function bulkText(n: number, options: Parameters<typeof userText>[1] = {}): string {
  const users: string[] = [];
  for (let i = 0; i < n; i++) users.push(`  ${userText(i, options)}`);
  return `[\n${users.join(',\n')}\n]\n`;
}

/** A clock whose sleeps return at once, advancing virtual time; every sleep is recorded. */
export function fakeClock(): Clock & { sleeps: number[] } {
  let t = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
      await new Promise((r) => setImmediate(r));
    },
  };
}

/** Retry settings for tests: fast, no per-attempt timer (the fake clock would fire it at once). */
export const FAST_RETRY = { baseDelayMs: 10, maxDelayMs: 100, attemptTimeoutMs: 0 };

export async function withEmulator<T>(
  options: Partial<EmulatorOptions>,
  fn: (emulator: Emulator) => Promise<T>,
): Promise<T> {
  const emulator = await startEmulator({ apiKey: KEY, apiSecret: SECRET, ...options });
  try {
    return await fn(emulator);
  } finally {
    await emulator.close();
  }
}

/** Polls `condition` until it holds or the deadline passes (no fixed sleeps). */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The plan of a text that must be sendable (throws with the refusal's reason otherwise). */
export function planOf(text: string, options: Parameters<typeof planSend>[1] = {}): SendPlan {
  const r = planSend(text, options);
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
}

/** Send options for tests: the test credentials, a fake clock, fast retries, a fixed jitter. */
export function testSendOptions(
  transport: Transport,
  baseUrl: string,
  extra: Partial<SendOptions> = {},
): SendOptions {
  return {
    baseUrl,
    credentials: { apiKey: KEY, apiSecret: SECRET },
    transport,
    clock: fakeClock(),
    random: () => 0.5,
    retry: FAST_RETRY,
    ...extra,
  };
}
