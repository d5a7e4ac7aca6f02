/**
 * `caseed: Send Seed File`: validate and split the file, show a summary (and ask explicitly when any
 * record is production), send with a cancellable progress notification (users/s and time left),
 * then report: API errors as diagnostics in the file, 401/403 with an offer to re-enter credentials,
 * the users of each named outcome in a redacted log. Every request is journaled as `caseed send`
 * journals it (client/sendJournal.ts: `<file>.journal` beside a local file): when the file is sent
 * again after an interrupted send — from here or from the CLI — the same modal offers to resume it,
 * unless the file changed since, which it says. A second send of the file while one runs (here, in
 * another window or by the CLI) is refused.
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../contract/commands';
import { LANGUAGE_ID } from '../../contract/protocol';
import { attributeNames, planSend } from '../../core/send/plan';
import type { SendPlan } from '../../core/send/plan';
import { redact, secretsOf } from '../../core/send/redact';
import type { JournalState } from '../../core/send/journal';
import {
  JournalWriter,
  acceptedEarlier,
  readJournal,
  resumeCounts,
  resumeRefusal,
} from '../../core/send/journal';
import { formatDuration } from '../../core/send/progress';
import { UserRanges, describeRanges } from '../../core/send/ranges';
import { OUTCOME_LABELS, describeUsers, sendRequests } from '../../core/send/sender';
import type { Outcome, SendResult } from '../../core/send/sender';
import type { JournalPlace } from '../sendJournal';
import { identityOfDocument, journalPlaceOf } from '../sendJournal';
import type { Target } from '../../core/send/target';
import type { Ctx } from '../context';
import { askForCredentials } from './credentialsSet';
import { refusedUntrusted } from '../trust';

/**
 * The argument: a Uri (CodeLens, explorer) or `{ uri }`; the palette passes nothing (the active
 * editor's file). No argument skips the confirmation: every send, whoever runs the command, is
 * confirmed by the user in the modal summary (with an explicit button for production records).
 */
function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const uri = (arg as { uri?: unknown } | null | undefined)?.uri;
  return uri instanceof vscode.Uri ? uri : undefined;
}

async function documentToSend(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = uriOf(arg);
  if (uri !== undefined) return vscode.workspace.openTextDocument(uri);
  const doc = vscode.window.activeTextEditor?.document;
  if (
    doc === undefined ||
    (doc.languageId !== LANGUAGE_ID && !doc.fileName.endsWith('.caseed.json'))
  ) {
    void vscode.window.showErrorMessage('caseed: open a seed file (*.caseed.json) to send it.');
    return undefined;
  }
  return doc;
}

/** What an earlier, interrupted send of this file allows: a resume, or why not. */
type Earlier =
  | { kind: 'resumable'; state: JournalState; acceptedUsers: number }
  | { kind: 'changed'; reason: string }
  | undefined;

/**
 * The modal summary; resolves to what the user chose. After an interrupted send, the same modal
 * offers to resume it (or says why it cannot be resumed).
 */
async function confirm(
  plan: SendPlan,
  target: Target,
  earlier: Earlier,
): Promise<'send' | 'resume' | undefined> {
  const url = `${target.baseUrl}${plan.path}`;
  const names = attributeNames(plan.attributes, 8);
  const lines = [
    `Target: ${url}`,
    `Users: ${plan.users}`,
    `Attributes: ${plan.seeds} seeds of ${plan.attributes.length} (${names})`,
    `Requests: ${plan.requests.length} (each all-or-nothing)`,
    `Bytes: ${plan.bytes}`,
    plan.production ? '\nThis file has PRODUCTION records: they change live user profiles.' : '',
  ];
  const send = plan.production ? 'Send, including production' : 'Send';
  if (earlier?.kind === 'changed') {
    lines.unshift(
      `An earlier send of this file was interrupted, but it cannot be resumed: ${earlier.reason}\n`,
    );
  }
  if (earlier?.kind === 'resumable') {
    const c = resumeCounts(earlier.state);
    const left = plan.users - earlier.acceptedUsers;
    lines.unshift(
      `An earlier send of this file was interrupted: ${c.accepted} of ${plan.requests.length} requests (${earlier.acceptedUsers} users) were accepted${c.unknown > 0 ? `, ${c.unknown} have an unknown outcome (resent: a resend overwrites, so it is safe)` : ''}${c.rejected > 0 ? `, ${c.rejected} were rejected (resent)` : ''}. Resume sends the ${left} users left; Send All Again starts over.\n`,
    );
    const resume = `Resume (${left} user${left === 1 ? '' : 's'} left)`;
    const again = plan.production ? 'Send All Again, including production' : 'Send All Again';
    const choice = await vscode.window.showWarningMessage(
      `Resume the interrupted send of ${plan.users} user${plan.users === 1 ? '' : 's'} to ${target.label}?`,
      { modal: true, detail: lines.join('\n') },
      resume,
      again,
    );
    return choice === resume ? 'resume' : choice === again ? 'send' : undefined;
  }
  const choice = await vscode.window.showWarningMessage(
    `Send ${plan.users} user${plan.users === 1 ? '' : 's'} to ${target.label}?`,
    { modal: true, detail: lines.join('\n') },
    send,
  );
  return choice === send ? 'send' : undefined;
}

/** What the journal of `doc` says about an earlier send of this plan to this target. */
async function earlierSend(
  place: JournalPlace,
  plan: SendPlan,
  target: Target,
  identity: { size: number; sha256: string },
  limits: { maxUsers: number; maxBytes: number },
): Promise<Earlier> {
  const text = await place.read();
  if (text === undefined) return undefined;
  const read = readJournal(text);
  if (!read.ok) return undefined;
  const state = read.state;
  const refusal = resumeRefusal(state.start, {
    ...identity,
    path: plan.path,
    target: target.baseUrl,
    ...limits,
  });
  if (refusal !== undefined) return { kind: 'changed', reason: refusal };
  if (state.start.requests !== plan.requests.length) {
    return { kind: 'changed', reason: 'the file now cuts into other requests' };
  }
  let acceptedUsers = 0;
  for (const r of plan.requests)
    if (acceptedEarlier(state, r.index)) acceptedUsers += r.users.length;
  if (acceptedUsers >= plan.users) return undefined;
  return { kind: 'resumable', state, acceptedUsers };
}

function showDiagnostics(ctx: Ctx, doc: vscode.TextDocument, result: SendResult): void {
  const collection = ctx.send.apiDiagnostics;
  const diagnostics = result.diagnostics.map((d) => {
    const range = new vscode.Range(doc.positionAt(d.offset), doc.positionAt(d.offset + d.length));
    const diag = new vscode.Diagnostic(range, d.message, vscode.DiagnosticSeverity.Error);
    diag.source = 'caseed-api';
    diag.code = d.code;
    return diag;
  });
  if (result.unmatched.length > 0) {
    const top = new vscode.Range(0, 0, 0, 1);
    for (const u of result.unmatched) {
      const users = describeUsers(result.requests[u.request].users);
      const diag = new vscode.Diagnostic(
        top,
        `Request ${u.request + 1} (${users}) rejected: ${u.error.message}`,
        vscode.DiagnosticSeverity.Error,
      );
      diag.source = 'caseed-api';
      diag.code = 'api-error';
      diagnostics.push(diag);
    }
  }
  collection.set(doc.uri, diagnostics);
}

/**
 * What the command resolves to once a send has run, for programmatic callers (tests, other
 * extensions); undefined when it stopped before sending. The UI does not depend on it.
 */
export interface SendCommandResult {
  outcome: SendResult['outcome'];
  /** The HTTP status of a refusal of the credentials (401/403), if any. */
  status: 401 | 403 | undefined;
  /** Whether the result message offered to re-enter the credentials. */
  offeredReenter: boolean;
}

/** What the command resolves to when it refused to send here at all (told the user why). */
export interface SendRefusal {
  refused: string;
}

export function sendSeedFile(ctx: Ctx) {
  return async (arg?: unknown): Promise<SendCommandResult | SendRefusal | undefined> => {
    const untrusted = refusedUntrusted('Sending seed files');
    if (untrusted !== undefined) return { refused: untrusted };
    const services = ctx.send;
    const doc = await documentToSend(arg);
    if (doc === undefined) return;
    const target = services.target();
    if ('error' in target) {
      const choose = 'Choose Data Center';
      const r = await vscode.window.showErrorMessage(`caseed: ${target.error}`, choose);
      if (r === choose) await vscode.commands.executeCommand(COMMAND_IDS.chooseDataCenter);
      return;
    }
    const settings = ctx.config(doc.uri).send;
    const text = doc.getText();
    const planned = planSend(text, { maxUsers: settings.maxUsers, maxBytes: settings.maxBytes });
    if (!planned.ok) {
      void vscode.window.showErrorMessage(`caseed: ${planned.reason}`);
      return;
    }
    const unavailable = await ctx.platform.cannotSend(target, planned.plan.path);
    if (unavailable !== undefined) {
      void vscode.window.showErrorMessage(`caseed: ${unavailable}`);
      return { refused: unavailable };
    }
    let credentials = await services.credentials.get(target.profile);
    if (credentials === undefined) {
      const profile = await askForCredentials(
        ctx,
        `No credentials for ${target.label} yet: enter the API key.`,
      );
      if (profile === undefined) return;
      credentials = await services.credentials.get(profile);
      if (credentials === undefined || profile !== target.profile) return;
    }
    const plan = planned.plan;
    const limits = { maxUsers: settings.maxUsers, maxBytes: settings.maxBytes };
    const fileName = doc.uri.path.split('/').pop() ?? '';
    const place = await journalPlaceOf(
      ctx.platform.sendFiles,
      ctx.extension.globalStorageUri,
      doc.uri,
    );
    // One send of a file at a time (here, in another window or by `caseed send`): the lock is taken
    // before the journal is read, and released on every way out.
    let lock: { tookOver: string | undefined; release(): void };
    try {
      lock = await place.lock(fileName);
    } catch (err) {
      const refused = err instanceof Error ? err.message : String(err);
      void vscode.window.showErrorMessage(`caseed: ${refused}`);
      return { refused };
    }
    try {
      if (lock.tookOver !== undefined) ctx.log(`send: ${lock.tookOver}`);
      return await sendLocked(ctx, doc, plan, target, credentials, limits, place, fileName, text);
    } finally {
      lock.release();
    }
  };
}

async function sendLocked(
  ctx: Ctx,
  doc: vscode.TextDocument,
  plan: SendPlan,
  target: Target,
  credentials: { apiKey: string; apiSecret: string },
  limits: { maxUsers: number; maxBytes: number },
  place: JournalPlace,
  fileName: string,
  text: string,
): Promise<SendCommandResult | undefined> {
  const services = ctx.send;
  const settings = ctx.config(doc.uri).send;
  const identity = await identityOfDocument(doc.uri, text);
  const earlier = await earlierSend(place, plan, target, identity, limits);
  const choice = await confirm(plan, target, earlier);
  if (choice === undefined) return;
  const resuming = choice === 'resume' && earlier?.kind === 'resumable' ? earlier.state : undefined;
  services.apiDiagnostics.delete(doc.uri);
  const skip = (r: number): boolean => resuming !== undefined && acceptedEarlier(resuming, r);
  const acceptedBefore = new UserRanges();
  for (const r of plan.requests) if (skip(r.index)) acceptedBefore.add(r.users[0], r.users.length);
  // The journal: the interrupted one continued, or a new one (the same records as `caseed send`).
  const journal = await place.open(resuming === undefined);
  const writer = new JournalWriter(journal);
  if (resuming !== undefined) await writer.resume();
  else
    await writer.start({
      file: fileName,
      ...identity,
      path: plan.path,
      target: target.baseUrl,
      ...limits,
      users: plan.users,
      requests: plan.requests.length,
    });

  const secrets = secretsOf(credentials.apiKey, credentials.apiSecret);
  const log = (line: string): void => ctx.log(redact(line, secrets));
  log(
    `sending ${doc.uri.fsPath}: ${plan.users} users in ${plan.requests.length} requests to ${target.baseUrl}${plan.path} (journal ${place.label})`,
  );
  if (resuming !== undefined)
    log(
      `resuming: ${acceptedBefore.total} users accepted earlier are skipped; every other request is sent (again: a resend overwrites)`,
    );
  const http = ctx.platform.createTransport({ connections: settings.concurrency });
  const total = plan.requests.length;
  let result: SendResult;
  try {
    result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `caseed: sending to ${target.label}`,
        cancellable: true,
      },
      async (progress, token) => {
        const ctl = new AbortController();
        const sub = token.onCancellationRequested(() => ctl.abort());
        let usersDone = 0;
        const started = Date.now();
        const left = plan.users - acceptedBefore.total;
        let next = 0;
        const all = plan.requests;
        try {
          return await sendRequests(
            plan.path,
            {
              next: () => {
                while (next < all.length && skip(all[next].index)) next++;
                return all[next++];
              },
            },
            {
              baseUrl: target.baseUrl,
              credentials,
              transport: http.transport,
              concurrency: settings.concurrency,
              signal: ctl.signal,
              userAgent: `caseed-vscode/${String(ctx.extension.extension.packageJSON.version)}`,
              log,
              journal: writer.hooks,
              onEvent: (e) => {
                if (e.type === 'retry') {
                  progress.report({
                    message: `request ${e.request + 1}/${total}: ${e.reason}, retrying…`,
                  });
                } else if (e.type === 'done') {
                  usersDone += e.outcome.users.length;
                  const rate = usersDone / Math.max(0.001, (Date.now() - started) / 1000);
                  const eta = formatDuration((left - usersDone) / rate);
                  progress.report({
                    increment: (100 * e.outcome.users.length) / Math.max(1, left),
                    message: `${usersDone}/${left} users, ${Math.round(rate)} users/s, ${eta} left — request ${e.outcome.index + 1} (${describeUsers(e.outcome.users)}): ${e.outcome.message}`,
                  });
                }
              },
            },
            {
              requests: total,
              users: plan.users,
              bytes: plan.bytes,
              drain: () => all.slice(next).filter((r) => !skip(r.index)),
            },
          );
        } finally {
          sub.dispose();
        }
      },
    );
  } catch (err) {
    await journal.close();
    throw err;
  } finally {
    await http.close();
  }
  log(result.summary);
  // The users of each named outcome, earlier runs included.
  const accepted = new UserRanges();
  for (const set of [acceptedBefore, result.users.accepted])
    for (const [a, b] of set.ranges) accepted.add(a, b - a);
  const named: Array<[Outcome, UserRanges]> = [
    ['accepted', accepted],
    ['rejected', result.users.rejected],
    ['unknown', result.users.unknown],
    ['not-sent', result.users['not-sent']],
  ];
  for (const [o, set] of named)
    if (set.total > 0) log(`  ${OUTCOME_LABELS[o]}: ${set.total} — ${describeRanges(set)}`);
  const complete = accepted.total >= plan.users;
  await writer.end(result.outcome);
  if (complete) await journal.remove();
  else await journal.close();
  showDiagnostics(ctx, doc, result);
  const rest = complete
    ? ''
    : ` ${plan.users - accepted.total} users are not accepted yet${result.users.unknown.total > 0 ? ` (${result.users.unknown.total} with outcome unknown)` : ''}: send the file again to resume (or \`caseed send --resume\`).`;
  const offeredReenter = report(ctx, result, redact(`${result.summary}${rest}`, secrets));
  return { outcome: result.outcome, status: result.authFailure, offeredReenter };
}

/**
 * The result message; its buttons are handled without holding the command open. Returns whether it
 * offered to re-enter the credentials.
 */
function report(ctx: Ctx, result: SendResult, summary: string): boolean {
  switch (result.outcome) {
    case 'accepted':
      void vscode.window.showInformationMessage(`caseed: ${summary}`);
      return false;
    case 'cancelled':
      void vscode.window.showWarningMessage(`caseed: ${summary}`);
      return false;
    case 'rejected': {
      if (result.authFailure === undefined) {
        void vscode.window.showErrorMessage(`caseed: ${summary} See the Problems panel.`);
        return false;
      }
      const again = 'Re-enter Credentials';
      const status = result.authFailure;
      void vscode.window.showErrorMessage(`caseed: ${summary}`, again).then(async (r) => {
        if (r === again) {
          await askForCredentials(
            ctx,
            `The API refused these credentials (${status}): enter them again.`,
          );
        }
      });
      return true;
    }
    case 'failed': {
      const show = 'Show Output';
      void vscode.window.showErrorMessage(`caseed: ${summary}`, show).then((r) => {
        if (r === show) ctx.output.show(true);
      });
      return false;
    }
  }
}
