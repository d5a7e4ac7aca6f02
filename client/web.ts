/**
 * The web entry point (`"browser"`: `dist/web.js`, for vscode.dev and github.dev): the shared
 * activation on the browser platform (language server in a web worker, HTTP through fetch).
 */
import type * as vscode from 'vscode';
import { activateOn, deactivate } from './activate';
import { webPlatform } from './platformWeb';

export function activate(extension: vscode.ExtensionContext): Promise<void> {
  return activateOn(webPlatform, extension);
}

export { deactivate };
