/**
 * `caseed: Set Credentials`: ask for the API key and secret of the current data center and keep them
 * in SecretStorage. The key's prefix (`eu1-…`) suggests a pod; switching is offered, never forced.
 */
import * as vscode from 'vscode';
import { PODS, podFromKey } from '../../core/vocabulary';
import { resolveTarget } from '../../core/send/target';
import type { Ctx } from '../context';

/** Asks for credentials; resolves to the profile they were stored under, or undefined. */
export async function askForCredentials(ctx: Ctx, reason?: string): Promise<string | undefined> {
  const services = ctx.send;
  let target = services.target();
  if ('error' in target) {
    void vscode.window.showErrorMessage(target.error);
    return undefined;
  }
  const apiKey = await vscode.window.showInputBox({
    title: `caseed: API key for ${target.label}`,
    prompt:
      reason ?? `The workspace API key for ${target.baseUrl} (Workspace Settings in mParticle).`,
    ignoreFocusOut: true,
    validateInput: (v) =>
      v.trim() === ''
        ? 'Enter the API key'
        : /\s/.test(v.trim())
          ? 'An API key has no spaces'
          : undefined,
  });
  if (apiKey === undefined) return undefined;
  const key = apiKey.trim();
  const suggested = podFromKey(key);
  const settings = ctx.config().send;
  if (
    settings.dataCenter !== 'custom' &&
    settings.dataCenter !== suggested &&
    /^[a-z0-9]+-/i.test(key)
  ) {
    const pod = PODS.find((p) => p.id === suggested);
    const switchTo = `Switch to ${suggested.toUpperCase()}`;
    const choice = await vscode.window.showInformationMessage(
      `This key looks like a ${pod?.label ?? suggested} key, but the data center is ${settings.dataCenter.toUpperCase()}.`,
      switchTo,
      `Keep ${settings.dataCenter.toUpperCase()}`,
    );
    if (choice === switchTo) {
      await vscode.workspace
        .getConfiguration('caseed')
        .update('send.dataCenter', suggested, vscode.ConfigurationTarget.Global);
      const t = resolveTarget({ pod: suggested });
      if (!('error' in t)) target = t;
    }
  }
  const apiSecret = await vscode.window.showInputBox({
    title: `caseed: API secret for ${target.label}`,
    prompt: 'The workspace API secret. It is kept in VS Code’s secret storage only.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v === '' ? 'Enter the API secret' : undefined),
  });
  if (apiSecret === undefined) return undefined;
  await services.credentials.set(target.profile, { apiKey: key, apiSecret });
  ctx.log(`credentials stored for ${target.label}`);
  await services.refresh();
  return target.profile;
}

/** Credentials passed by a caller (tests, other extensions) instead of typed into input boxes. */
function givenCredentials(arg: unknown): { apiKey: string; apiSecret: string } | undefined {
  if (arg === null || typeof arg !== 'object') return undefined;
  const { apiKey, apiSecret } = arg as { apiKey?: unknown; apiSecret?: unknown };
  if (typeof apiKey !== 'string' || typeof apiSecret !== 'string') return undefined;
  if (apiKey.trim() === '' || apiSecret === '') return undefined;
  return { apiKey: apiKey.trim(), apiSecret };
}

export function credentialsSet(ctx: Ctx) {
  return async (arg?: unknown): Promise<void> => {
    const given = givenCredentials(arg);
    if (given !== undefined) {
      // `executeCommand('caseed.setCredentials', {apiKey, apiSecret})`: stored for the current
      // data center without asking.
      const services = ctx.send;
      const target = services.target();
      if ('error' in target) throw new Error(target.error);
      await services.credentials.set(target.profile, given);
      ctx.log(`credentials stored for ${target.label}`);
      await services.refresh();
      return;
    }
    const profile = await askForCredentials(ctx);
    if (profile !== undefined)
      void vscode.window.showInformationMessage(`caseed: credentials saved for ${profile}.`);
  };
}
