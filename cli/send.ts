/**
 * `caseed send <file>`: validate, split and send a seed file with the core's careful sender, over
 * undici. Credentials come from MPARTICLE_API_KEY / MPARTICLE_API_SECRET; every line printed goes
 * through `redact`, so neither the secret nor the Authorization header ever reaches the terminal.
 * Every request is journaled (`<file>.journal`, cli/sendJournalFile.ts — the same file and writer as
 * VS Code's) before it leaves and once it has its outcome; `--resume` continues an interrupted send.
 * One send of a file at a time: `<journal>.lock` (cli/sendLock.ts), a second send exits 4. NDJSON files, files over 64 MB and `--stream` are read
 * streaming, in constant memory. Ctrl+C and SIGTERM stop the send and still print the summary.
 * Exit 0 all accepted, 1 rejected (validation or API 4xx), 2 bad usage, 3 gave up / network / cancelled,
 * 4 another send of the file is running.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { BULK_PATH, SINGLE_PATH } from '../core/facts';
import { podFromKey } from '../core/vocabulary';
import { mapApiErrorsOnNames } from '../core/send/apiErrors';
import type { JournalState } from '../core/send/journal';
import {
  JournalWriter,
  acceptedEarlier,
  acceptedUsers,
  readJournal,
  resumeCounts,
  resumeRefusal,
} from '../core/send/journal';
import type { PlannedRequest, SendPlan } from '../core/send/plan';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_USERS, attributeNames, planSend } from '../core/send/plan';
import type { ProgressSnapshot } from '../core/send/progress';
import { progressBar, progressLine } from '../core/send/progress';
import { UserRanges, describeRanges } from '../core/send/ranges';
import { redact, secretsOf } from '../core/send/redact';
import { DEFAULT_CONCURRENCY, describeUsers, sendRequests } from '../core/send/sender';
import type { RequestSource, SendResult } from '../core/send/sender';
import type { StreamedRequest } from '../core/send/stream';
import { StreamCheck } from '../core/send/stream';
import { StreamValidator } from '../core/stream/validate';
import { formatOfName } from '../core/stream/users';
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
import type { FileIdentity } from './sendFile';
import { identityOf, streamRequests } from './sendFile';
import { JournalFile, journalPathOf, readJournalFile } from './sendJournalFile';
import { acquireSendLock, lockPathOf } from './sendLock';
import { streamText } from './streamText';
import { SEND_USAGE } from './sendUsage';

export interface SendEnv {
  env: NodeJS.ProcessEnv;
  /** True when stdin and stdout are a terminal (a confirmation can be asked). */
  interactive: boolean;
  /** Asks a yes/no question on the terminal. */
  confirm(question: string): Promise<boolean>;
  /** Aborts the send (SIGINT in the real CLI). */
  signal?: AbortSignal;
  /** True when stderr is a terminal: a progress bar is drawn there (plain lines otherwise). */
  progressTty?: boolean;
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
  resume: { type: 'boolean' },
  journal: { type: 'string' },
  stream: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Files above this are sent streaming (as NDJSON files always are). */
const STREAM_ABOVE_BYTES = 64 * 1024 * 1024;

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
    progressTty: process.stderr.isTTY === true,
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

/** The file's plan, from whichever pass read it: the in-memory plan or the streaming check. */
interface Prepared {
  path: string;
  users: number;
  requests: number;
  bytes: number;
  production: boolean;
  /** The in-memory plan (small files), or undefined when the file is sent streaming. */
  plan: SendPlan | undefined;
  text: string | undefined;
}

function intOr(value: number | undefined, fallback: number): number {
  return value ?? fallback;
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
  const maxUsersOpt = intOption(options['max-users'], 'max-users', 1, 100_000);
  const maxBytesOpt = intOption(options['max-bytes'], 'max-bytes', 1024, 1024 * 1024 * 1024);
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
  const resume = options.resume === true;
  const journalPath = typeof options.journal === 'string' ? options.journal : journalPathOf(file);
  // One send of a file at a time: its lock is taken before the journal is read or written.
  const lock =
    options['dry-run'] === true
      ? undefined
      : acquireSendLock(lockPathOf(journalPath), basename(file), 'caseed send');
  if (lock?.tookOver !== undefined) err(`caseed: ${lock.tookOver}\n`);
  // process.exit (a second Ctrl+C) skips `finally`: the lock goes with the process's exit.
  const releaseOnExit = (): void => lock?.release();
  process.on('exit', releaseOnExit);
  try {
    // A resume cuts the file as the interrupted send did.
    let earlier: JournalState | undefined;
    if (resume) {
      const text = readJournalFile(journalPath);
      if (text === undefined) {
        throw new CliError(
          `no interrupted send of ${file} to resume (no journal at ${journalPath}): send it without --resume`,
        );
      }
      const read = readJournal(text);
      if (!read.ok) throw new CliError(`cannot resume from ${journalPath}: ${read.reason}`);
      earlier = read.state;
    }
    const maxUsers = intOr(maxUsersOpt, earlier?.start.maxUsers ?? DEFAULT_MAX_USERS);
    const maxBytes = intOr(maxBytesOpt, earlier?.start.maxBytes ?? DEFAULT_MAX_BYTES);

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

    const format = formatOfName(file);
    const streaming =
      format === 'ndjson' || options.stream === true || sizeOf(file) > STREAM_ABOVE_BYTES;
    let prepared: Prepared;
    let identity: FileIdentity;
    if (!streaming) {
      const text = readText(file);
      identity = await identityOf(file);
      const planned = planSend(text, { maxUsers, maxBytes, definitions: loaded?.definitions });
      if (!planned.ok) {
        for (const d of reportAll(text, planned.diagnostics)) {
          err(`${problemLine(file, d)}\n`);
        }
        err(`caseed: ${planned.reason}\n`);
        return EXIT.PROBLEMS;
      }
      const plan = planned.plan;
      prepared = {
        path: plan.path,
        users: plan.users,
        requests: plan.requests.length,
        bytes: plan.bytes,
        production: plan.production,
        plan,
        text,
      };
      out(formatPlan(plan, target, file));
    } else {
      // The first pass: the streaming validator (the same diagnostics as `caseed validate`), each
      // user counted and measured as a plan would; the file's identity read alongside.
      const check = new StreamCheck({ maxUsers, maxBytes });
      let errors = 0;
      const validator = new StreamValidator({
        format,
        // Small parse windows: fewer user trees held at once (the diagnostics do not depend on it).
        windowSize: 1 << 16,
        definitions: loaded?.definitions,
        onDiagnostic: (d, range) => {
          if (d.severity !== 'error') return;
          errors++;
          err(
            `${problemLine(file, { severity: d.severity, code: d.code, message: d.message, range })}\n`,
          );
        },
        onUser: (u) => check.user(u.node, u.text, u.index, u.start.line),
      });
      identity = await identityOf(file);
      streamText(file, file, (t) => validator.push(t), 1 << 16);
      const end = validator.end();
      if (errors > 0) {
        err(
          `caseed: Not sent: the file has ${errors} error${errors === 1 ? '' : 's'} (listed above).\n`,
        );
        return EXIT.PROBLEMS;
      }
      if (check.users === 0) {
        err('caseed: Not sent: the file holds no users.\n');
        return EXIT.PROBLEMS;
      }
      if (check.oversized !== undefined) {
        const o = check.oversized;
        err(
          `caseed: Not sent: User ${o.index + 1} (line ${o.line + 1}) takes ${o.bytes} bytes on its own, above the limit of ${maxBytes} bytes per request; shorten its lists or attributes (or raise the limit if your account allows).\n`,
        );
        return EXIT.PROBLEMS;
      }
      const single = format === 'json' && end.root?.type === 'object';
      prepared = {
        path: single ? SINGLE_PATH : BULK_PATH,
        users: check.users,
        requests: check.requests,
        bytes: single ? check.bytes - 2 : check.bytes,
        production: check.production,
        plan: undefined,
        text: undefined,
      };
      const names = [...check.names];
      const attrs = `${names.length} attribute${names.length === 1 ? '' : 's'}${names.length > 0 ? `: ${attributeNames(names, 5)}` : ''}`;
      out(
        `${file} → POST ${target.baseUrl}${prepared.path} (streaming)\n  users: ${check.users}, seeds: ${check.seeds} (${attrs}), requests: ${check.requests}, bytes: ${prepared.bytes}\n  production records: ${check.production ? 'yes' : 'no'}\n`,
      );
    }

    if (earlier !== undefined) {
      const refusal = resumeRefusal(earlier.start, {
        ...identity,
        path: prepared.path,
        target: target.baseUrl,
        maxUsers,
        maxBytes,
      });
      if (refusal !== undefined) throw new CliError(`cannot resume: ${refusal}`);
      if (earlier.start.requests !== prepared.requests || earlier.start.users !== prepared.users) {
        throw new CliError(
          `cannot resume: ${file} now cuts into ${prepared.requests} requests of ${prepared.users} users, the journal says ${earlier.start.requests} of ${earlier.start.users}; send it from the start without --resume`,
        );
      }
    }

    if (options['dry-run'] === true) {
      out('Dry run: nothing sent.\n');
      return EXIT.OK;
    }
    if (apiKey === '' || apiSecret === '') {
      throw new CliError(
        'set MPARTICLE_API_KEY and MPARTICLE_API_SECRET to send (or use --dry-run)',
      );
    }
    if (prepared.production && options.yes !== true) {
      if (!env.interactive) {
        throw new CliError(
          'the file has production records: pass --yes to send them without a terminal',
        );
      }
      const ok = await env.confirm(
        `Send ${prepared.users} users, including production records, to ${target.label}? [y/N] `,
      );
      if (!ok) {
        err('caseed: not sent.\n');
        return EXIT.PROBLEMS;
      }
    }

    // The journal: a new one, or the interrupted one continued (the same writer as VS Code's).
    let journal: JournalFile;
    let writer: JournalWriter;
    const acceptedBefore = earlier !== undefined ? acceptedUsers(earlier) : new UserRanges();
    if (earlier !== undefined) {
      journal = JournalFile.continue(journalPath);
      writer = new JournalWriter(journal);
      await writer.resume();
      const c = resumeCounts(earlier);
      const again: string[] = [];
      if (c.unknown > 0)
        again.push(
          `${c.unknown} with outcome unknown (sent again: a resend overwrites, so it is safe)`,
        );
      if (c.rejected > 0) again.push(`${c.rejected} rejected (sent again)`);
      if (c['not-sent'] + c.never > 0) again.push(`${c['not-sent'] + c.never} not sent yet`);
      out(
        `Resuming (run ${earlier.runs + 1}, journal ${journalPath}): ${c.accepted} of ${earlier.start.requests} requests (${acceptedBefore.total} users) accepted earlier are skipped${again.length > 0 ? `; ${again.join(', ')}` : ''}.\n`,
      );
    } else {
      const old = readJournalFile(journalPath);
      if (old !== undefined) {
        const r = readJournal(old);
        if (r.ok && !r.state.ended) {
          err(
            `caseed: an earlier send of ${file} was interrupted (journal ${journalPath}); this send starts over (--resume would send only what is left)\n`,
          );
        }
      }
      journal = JournalFile.create(journalPath);
      writer = new JournalWriter(journal);
      await writer.start({
        file: basename(file),
        size: identity.size,
        sha256: identity.sha256,
        path: prepared.path,
        target: target.baseUrl,
        maxUsers,
        maxBytes,
        users: prepared.users,
        requests: prepared.requests,
      });
    }
    const skip = (r: number): boolean => earlier !== undefined && acceptedEarlier(earlier, r);

    // Ctrl+C and SIGTERM stop the send; the summary is still printed. A second one stops at once.
    const ctl = new AbortController();
    let signals = 0;
    const onSignal = (name: string) => (): void => {
      signals++;
      if (signals > 1) {
        err(`caseed: ${name} again: stopping now; the journal has every request sent so far.\n`);
        journal.close();
        process.exit(EXIT.SEND_FAILED);
      }
      err(`caseed: ${name}: cancelling (requests in flight end as "outcome unknown")…\n`);
      ctl.abort();
    };
    const onSigint = onSignal('interrupted');
    const onSigterm = onSignal('terminated');
    env.signal?.addEventListener('abort', () => ctl.abort(), { once: true });
    if (sendEnv === undefined) {
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigterm);
    }

    // The requests: from the in-memory plan, or read from the file again as they are sent.
    const streamedIdentity: { value?: FileIdentity } = {};
    let generator: AsyncGenerator<StreamedRequest> | undefined;
    let source: RequestSource;
    let drain: (() => PlannedRequest[]) | undefined;
    const inFlight = new Map<number, PlannedRequest>();
    if (prepared.plan !== undefined) {
      const all = prepared.plan.requests;
      let next = 0;
      source = {
        next: () => {
          while (next < all.length && skip(all[next].index)) next++;
          return all[next++];
        },
      };
      drain = () => all.slice(next).filter((r) => !skip(r.index));
    } else {
      const gen = streamRequests(
        file,
        format,
        prepared.path === BULK_PATH,
        maxUsers,
        maxBytes,
        streamedIdentity,
      );
      generator = gen;
      source = {
        next: async () => {
          for (;;) {
            const r = await gen.next();
            if (r.done === true) return undefined;
            if (!skip(r.value.index)) return r.value;
          }
        },
      };
    }

    // Progress: a bar on a terminal, a plain line every few seconds otherwise.
    const total = prepared.users;
    let doneThisRun = 0;
    const startedAt = Date.now();
    const snapshot = (): ProgressSnapshot => ({
      done: acceptedBefore.total + doneThisRun,
      doneThisRun,
      total,
      elapsedMs: Date.now() - startedAt,
    });
    const tty = env.progressTty === true;
    let drawn = false;
    let lastPrinted = -1;
    const draw = (): void => {
      const p = snapshot();
      if (tty) {
        io.err(`\r\x1b[2K${progressBar(p)}`);
        drawn = true;
      } else if (p.done !== lastPrinted) {
        lastPrinted = p.done;
        io.err(`${progressLine(p)}\n`);
      }
    };
    const clearBar = (): void => {
      if (drawn) io.err('\r\x1b[2K');
      drawn = false;
    };
    const timer = setInterval(draw, tty ? 200 : 5000);
    timer.unref();
    const perRequest = options.verbose === true || prepared.requests <= 50;
    const printLine = (line: string): void => {
      clearBar();
      out(line);
    };
    const printErr = (line: string): void => {
      clearBar();
      err(line);
    };

    const undici = createUndiciTransport({ connections: concurrency ?? DEFAULT_CONCURRENCY });
    const streamedDiagnostics: string[] = [];
    try {
      const result = await sendRequests(
        prepared.path,
        source,
        {
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
          keepAccepted: false,
          journal: {
            sending: (r) => {
              inFlight.set(r.index, r);
              return writer.hooks.sending(r);
            },
            done: writer.hooks.done,
          },
          log: (line) => {
            if (options.verbose === true || /retrying|acceleration|pacing/.test(line))
              printErr(`${line}\n`);
          },
          onEvent: (e) => {
            if (e.type !== 'done') return;
            const o = e.outcome;
            doneThisRun += o.users.length;
            const request = inFlight.get(o.index);
            inFlight.delete(o.index);
            if (perRequest || o.outcome !== 'accepted')
              printLine(
                `request ${o.index + 1}/${prepared.requests} (${describeUsers(o.users)}): ${o.message}\n`,
              );
            // Streamed: API errors are placed now, while the request still knows its users' text.
            if (prepared.plan === undefined && request !== undefined && o.errors.length > 0) {
              const mapped = mapApiErrorsOnNames(o.errors, request.attributes);
              const positionOf = (request as StreamedRequest).positionOf;
              for (const d of mapped.diagnostics) {
                const at = positionOf(d.offset);
                if (at !== undefined)
                  streamedDiagnostics.push(
                    `${file}:${at.line + 1}:${at.character + 1} error ${d.code} ${d.message}`,
                  );
              }
            }
          },
        },
        {
          requests: prepared.requests,
          users: prepared.users,
          bytes: prepared.bytes,
          drain,
        },
      );
      clearInterval(timer);
      clearBar();
      if (!tty && doneThisRun > 0) io.err(`${progressLine(snapshot())}\n`);
      if (prepared.text !== undefined) {
        for (const d of reportAll(prepared.text, result.diagnostics)) {
          out(`${problemLine(file, d)}\n`);
        }
      }
      for (const line of streamedDiagnostics) out(`${line}\n`);
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

      // The users of each named outcome, over the whole file (earlier runs included).
      const users = result.users;
      const accepted = new UserRanges();
      for (const [s, e] of acceptedBefore.ranges) accepted.add(s, e - s);
      for (const [s, e] of users.accepted.ranges) accepted.add(s, e - s);
      const seen = new UserRanges();
      for (const set of [accepted, users.rejected, users.unknown])
        for (const [s, e] of set.ranges) seen.add(s, e - s);
      const notSent = seen.complement(total);
      const named: Array<[string, UserRanges, string]> = [
        [
          'accepted',
          accepted,
          acceptedBefore.total > 0 ? ` (${acceptedBefore.total} in earlier runs)` : '',
        ],
        ['rejected', users.rejected, ' (the API said why, above)'],
        [
          'outcome unknown',
          users.unknown,
          ' (sent, no answer came back: the server may have stored them)',
        ],
        ['not sent', notSent, ''],
      ];
      for (const [label, set, note] of named) {
        if (set.total === 0) continue;
        out(`  ${label}: ${set.total} — ${describeRanges(set)}${note}\n`);
      }
      const complete = accepted.total >= total;
      if (generator !== undefined && streamedIdentity.value !== undefined) {
        const v = streamedIdentity.value;
        if (v.sha256 !== identity.sha256) {
          err(
            `caseed: ${file} changed while it was being sent: what was sent may mix the old and new file; check it and send it again from the start\n`,
          );
        }
      }
      await writer.end(result.outcome);
      if (complete) {
        journal.remove();
      } else {
        journal.close();
        const again = [
          users.unknown.total > 0 ? 'outcome unknown' : '',
          users.rejected.total > 0 ? 'rejected' : '',
          notSent.total > 0 ? 'not sent' : '',
        ]
          .filter((x) => x !== '')
          .join(', ');
        out(
          `To send the rest (${again}): caseed send --resume ${file}${options['base-url'] !== undefined ? ` --base-url ${target.baseUrl}` : options.pod !== undefined ? ` --pod ${String(options.pod)}` : ''} (journal: ${journalPath})\n`,
        );
      }
      return complete ? EXIT.OK : exitCodeOf(result);
    } finally {
      clearInterval(timer);
      journal.close();
      if (sendEnv === undefined) {
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigterm);
      }
      await generator?.return(undefined);
      await undici.close();
    }
  } finally {
    lock?.release();
    process.off('exit', releaseOnExit);
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
