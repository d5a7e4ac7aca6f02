/**
 * `caseed: Send Seed File`: validate and split the file, show a summary (and ask explicitly when any
 * record is production), send with a cancellable progress notification, then report: API errors as
 * diagnostics in the file, 401/403 with an offer to re-enter credentials, a redacted log.
 */
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../contract/commands';
import { LANGUAGE_ID } from '../../contract/protocol';
import { attributeNames, planSend } from '../../core/send/plan';
import type { SendPlan } from '../../core/send/plan';
import { redact, secretsOf } from '../../core/send/redact';
import { describeUsers, sendPlan } from '../../core/send/sender';
import type { SendResult } from '../../core/send/sender';
import type { Target } from '../../core/send/target';
import type { Ctx } from '../context';
import { sendServicesOf } from '../sendServices';
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

/** The modal summary; resolves true when the user confirms. */
async function confirm(plan: SendPlan, target: Target): Promise<boolean> {
  const url = `${target.baseUrl}${plan.path}`;
  const names = attributeNames(plan.attributes, 8);
  const detail = [
    `Target: ${url}`,
    `Users: ${plan.users}`,
    `Attributes: ${plan.seeds} seeds of ${plan.attributes.length} (${names})`,
    `Requests: ${plan.requests.length} (each all-or-nothing)`,
    `Bytes: ${plan.bytes}`,
    plan.production ? '\nThis file has PRODUCTION records: they change live user profiles.' : '',
  ].join('\n');
  const button = plan.production ? 'Send, including production' : 'Send';
  const choice = await vscode.window.showWarningMessage(
    `Send ${plan.users} user${plan.users === 1 ? '' : 's'} to ${target.label}?`,
    { modal: true, detail },
    button,
  );
  return choice === button;
}

function showDiagnostics(ctx: Ctx, doc: vscode.TextDocument, result: SendResult): void {
  const collection = sendServicesOf(ctx).apiDiagnostics;
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
    const services = sendServicesOf(ctx);
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
    if (!(await confirm(plan, target))) return;
    services.apiDiagnostics.delete(doc.uri);

    const secrets = secretsOf(credentials.apiKey, credentials.apiSecret);
    const log = (line: string): void => ctx.log(redact(line, secrets));
    log(
      `sending ${doc.uri.fsPath}: ${plan.users} users in ${plan.requests.length} requests to ${target.baseUrl}${plan.path}`,
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
          let done = 0;
          try {
            return await sendPlan(plan, {
              baseUrl: target.baseUrl,
              credentials: credentials!,
              transport: http.transport,
              concurrency: settings.concurrency,
              signal: ctl.signal,
              userAgent: `caseed-vscode/${String(ctx.extension.extension.packageJSON.version)}`,
              log,
              onEvent: (e) => {
                if (e.type === 'retry') {
                  progress.report({
                    message: `request ${e.request + 1}/${total}: ${e.reason}, retrying…`,
                  });
                } else if (e.type === 'done') {
                  done++;
                  progress.report({
                    increment: 100 / total,
                    message: `${done}/${total} — request ${e.outcome.index + 1} (${describeUsers(e.outcome.users)}): ${e.outcome.message}`,
                  });
                }
              },
            });
          } finally {
            sub.dispose();
          }
        },
      );
    } finally {
      await http.close();
    }
    log(result.summary);
    showDiagnostics(ctx, doc, result);
    const offeredReenter = report(ctx, result, redact(result.summary, secrets));
    return { outcome: result.outcome, status: result.authFailure, offeredReenter };
  };
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
