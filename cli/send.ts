/**
 * `caseed send <file>`: validate, split and send a seed file with the core's careful sender, over
 * undici. Credentials come from MPARTICLE_API_KEY / MPARTICLE_API_SECRET; every line printed goes
 * through `redact`, so neither the secret nor the Authorization header ever reaches the terminal.
 * Exit 0 all accepted, 1 rejected (validation or API 4xx), 2 bad usage, 3 gave up / network / cancelled.
 */
import { createInterface } from 'node:readline/promises';
import { podFromKey } from '../core/vocabulary';
import type { SendPlan } from '../core/send/plan';
import { attributeNames, planSend } from '../core/send/plan';
import { redact, secretsOf } from '../core/send/redact';
import { DEFAULT_CONCURRENCY, describeUsers, sendPlan } from '../core/send/sender';
import type { SendResult } from '../core/send/sender';
import type { Target } from '../core/send/target';
import { resolveTarget } from '../core/send/target';
import { createUndiciTransport } from '../transport/undici';
import { parseArgs } from './args';
import { DefinitionsFinder, describeDefinitions, recentlyChangedNotes } from './definitions';
import { CliError, EXIT } from './exitCodes';
import { problemLine } from './formatText';
import type { Io } from './io';
import { readText } from './readText';
import { reportAll } from './report';
import { SEND_USAGE } from './sendUsage';

export interface SendEnv {
  env: NodeJS.ProcessEnv;
  /** True when stdin and stdout are a terminal (a confirmation can be asked). */
  interactive: boolean;
  /** Asks a yes/no question on the terminal. */
  confirm(question: string): Promise<boolean>;
  /** Aborts the send (SIGINT in the real CLI). */
  signal?: AbortSignal;
}

const SPECS = {
  pod: { type: 'string' },
  'base-url': { type: 'string' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  'max-users': { type: 'string' },
  'max-bytes': { type: 'string' },
  concurrency: { type: 'string' },
  'max-attempts': { type: 'string' },
  deadline: { type: 'string' },
  verbose: { type: 'boolean' },
  definitions: { type: 'string' },
  'no-definitions': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function intOption(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) {
    throw new CliError(
      `--${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(s)})`,
    );
  }
  return Number(s);
}

export function formatPlan(plan: SendPlan, target: Target, file: string): string {
  const url = `${target.baseUrl}${plan.path}`;
  const names = plan.attributes;
  const attrs = `${names.length} attribute${names.length === 1 ? '' : 's'}${names.length > 0 ? `: ${attributeNames(names, 5)}` : ''}`;
  const lines = [
    `${file} → POST ${url}`,
    `  users: ${plan.users}, seeds: ${plan.seeds} (${attrs}), requests: ${plan.requests.length}, bytes: ${plan.bytes}`,
    `  production records: ${plan.production ? 'yes' : 'no'}`,
  ];
  for (const r of plan.requests) {
    lines.push(`  request ${r.index + 1}: ${describeUsers(r.users)}, ${r.bytes} bytes`);
  }
  return `${lines.join('\n')}\n`;
}

function exitCodeOf(result: SendResult): number {
  switch (result.outcome) {
    case 'accepted':
      return EXIT.OK;
    case 'rejected':
      return EXIT.PROBLEMS;
    default:
      return EXIT.SEND_FAILED;
  }
}

function defaultEnv(): SendEnv {
  return {
    env: process.env,
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
    confirm: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return /^y(es)?$/i.test((await rl.question(question)).trim());
      } finally {
        rl.close();
      }
    },
  };
}

export async function runSend(
  argv: readonly string[],
  io: Io,
  version: string,
  sendEnv?: SendEnv,
): Promise<number> {
  const { options, positionals } = parseArgs(argv, SPECS, 'send');
  if (options.help === true) {
    io.out(SEND_USAGE);
    return EXIT.OK;
  }
  if (positionals.length !== 1)
    throw new CliError('send needs exactly one file (see `caseed send --help`)');
  const env = sendEnv ?? defaultEnv();
  const maxUsers = intOption(options['max-users'], 'max-users', 1, 100_000);
  const maxBytes = intOption(options['max-bytes'], 'max-bytes', 1024, 1024 * 1024 * 1024);
  const concurrency = intOption(options.concurrency, 'concurrency', 1, 64);
  const maxAttempts = intOption(options['max-attempts'], 'max-attempts', 1, 100);
  const deadline = intOption(options.deadline, 'deadline', 1, 86_400);
  const apiKey = env.env.MPARTICLE_API_KEY ?? '';
  const apiSecret = env.env.MPARTICLE_API_SECRET ?? '';
  const secrets = secretsOf(apiKey, apiSecret);
  const out = (s: string): void => io.out(redact(s, secrets));
  const err = (s: string): void => io.err(redact(s, secrets));

  if (options.pod !== undefined && options['base-url'] !== undefined) {
    throw new CliError('give --pod or --base-url, not both');
  }
  const suggested = options.pod === undefined && options['base-url'] === undefined && apiKey !== '';
  const target = resolveTarget({
    pod: typeof options.pod === 'string' ? options.pod : suggested ? podFromKey(apiKey) : undefined,
    baseUrl: typeof options['base-url'] === 'string' ? options['base-url'] : undefined,
  });
  if ('error' in target) throw new CliError(target.error);

  const file = positionals[0];
  const text = readText(file);
  const loaded = new DefinitionsFinder(
    typeof options.definitions === 'string' ? options.definitions : undefined,
    options['no-definitions'] === true,
  ).forSeed(file);
  if (loaded?.broken !== undefined) {
    for (const d of loaded.broken.diagnostics) err(`${problemLine(loaded.display, d)}\n`);
    err(
      `caseed: the definitions file ${loaded.display} is broken: fix it, or pass --no-definitions\n`,
    );
    return EXIT.PROBLEMS;
  }
  if (loaded !== undefined) out(`${describeDefinitions(loaded)}\n`);
  const planned = planSend(text, { maxUsers, maxBytes, definitions: loaded?.definitions });
  if (!planned.ok) {
    for (const d of reportAll(text, planned.diagnostics)) {
      err(`${problemLine(file, d)}\n`);
    }
    err(`caseed: ${planned.reason}\n`);
    return EXIT.PROBLEMS;
  }
  const plan = planned.plan;
  out(formatPlan(plan, target, file));
  if (options['dry-run'] === true) {
    out('Dry run: nothing sent.\n');
    return EXIT.OK;
  }
  if (apiKey === '' || apiSecret === '') {
    throw new CliError('set MPARTICLE_API_KEY and MPARTICLE_API_SECRET to send (or use --dry-run)');
  }
  if (plan.production && options.yes !== true) {
    if (!env.interactive) {
      throw new CliError(
        'the file has production records: pass --yes to send them without a terminal',
      );
    }
    const ok = await env.confirm(
      `Send ${plan.users} users, including production records, to ${target.label}? [y/N] `,
    );
    if (!ok) {
      err('caseed: not sent.\n');
      return EXIT.PROBLEMS;
    }
  }

  const ctl = new AbortController();
  const onSigint = (): void => {
    err('caseed: cancelling…\n');
    ctl.abort();
  };
  env.signal?.addEventListener('abort', () => ctl.abort(), { once: true });
  if (sendEnv === undefined) process.on('SIGINT', onSigint);
  const undici = createUndiciTransport({ connections: concurrency ?? DEFAULT_CONCURRENCY });
  const total = plan.requests.length;
  try {
    const result = await sendPlan(plan, {
      baseUrl: target.baseUrl,
      credentials: { apiKey, apiSecret },
      transport: undici.transport,
      concurrency,
      signal: ctl.signal,
      retry: {
        ...(maxAttempts !== undefined ? { maxAttempts } : {}),
        ...(deadline !== undefined ? { deadlineMs: deadline * 1000 } : {}),
      },
      userAgent: `caseed/${version}`,
      log: (line) => {
        if (options.verbose === true || /retrying|acceleration/.test(line)) err(`${line}\n`);
      },
      onEvent: (e) => {
        if (e.type === 'done') {
          const o = e.outcome;
          out(`request ${o.index + 1}/${total} (${describeUsers(o.users)}): ${o.message}\n`);
        }
      },
    });
    for (const d of reportAll(text, result.diagnostics)) {
      out(`${problemLine(file, d)}\n`);
    }
    for (const u of result.unmatched) out(`request ${u.request + 1}: ${u.error.message}\n`);
    const messages = [...result.diagnostics, ...result.unmatched.map((u) => u.error)].map(
      (d) => d.message,
    );
    for (const line of recentlyChangedNotes(messages, loaded?.definitions, Date.now()))
      err(`caseed: ${line}\n`);
    if (result.authFailure !== undefined) {
      err(
        'caseed: check MPARTICLE_API_KEY / MPARTICLE_API_SECRET and the data center (--pod / --base-url).\n',
      );
    }
    out(`${result.summary}\n`);
    return exitCodeOf(result);
  } finally {
    if (sendEnv === undefined) process.off('SIGINT', onSigint);
    await undici.close();
  }
}
