/**
 * The desktop entry point (`"main"`: `dist/client.js`): the shared activation on the Node platform
 * (language server over IPC, HTTP through undici).
 */
import type * as vscode from 'vscode';
import { activateOn, deactivate } from './activate';
import { nodePlatform } from './platformNode';

export function activate(extension: vscode.ExtensionContext): Promise<void> {
  return activateOn(nodePlatform, extension);
}

export { deactivate };
