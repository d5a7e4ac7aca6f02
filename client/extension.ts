/**
 * The extension's entry point (`dist/client.js`): build the context, register every command from the
 * table, start the language server. Activated by `onLanguage:caseed`.
 */
import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Ctx } from './context';
import { sendServicesOf } from './sendServices';

let ctx: Ctx | undefined;

export async function activate(extension: vscode.ExtensionContext): Promise<void> {
  const c = new Ctx(extension);
  ctx = c;
  extension.subscriptions.push(c, ...registerCommands(c));
  sendServicesOf(c); // status bar item, Send CodeLens, API diagnostics
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
