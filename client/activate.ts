/**
 * Activation shared by both entry points (`client/extension.ts` for desktop VS Code, `client/web.ts`
 * for VS Code for the Web): build the context on the given platform, register every command from the
 * table, start the language server. Activated by `onLanguage:caseed`.
 */
import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Ctx } from './context';
import type { Platform } from './platform';

let ctx: Ctx | undefined;

export async function activateOn(
  platform: Platform,
  extension: vscode.ExtensionContext,
): Promise<void> {
  const c = new Ctx(extension, platform);
  ctx = c;
  extension.subscriptions.push(c, ...registerCommands(c));
  void c.send; // status bar item, Send CodeLens, API diagnostics
  try {
    await c.start();
  } catch {
    // Logged to the output channel by the context; the status item offers a restart.
  }
}

export async function deactivate(): Promise<void> {
  const c = ctx;
  ctx = undefined;
  await c?.stop();
}
