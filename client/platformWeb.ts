/**
 * The web platform (`dist/web.js`, vscode.dev / github.dev): the language server in a web worker
 * (`dist/server-web.js`), HTTP through the browser's `fetch`. A browser only sends a cross-origin
 * request when the target answers CORS, so sending is checked first and refused in plain words.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { createFetchTransport, probeCors } from '../transport/fetch';
import type { Platform } from './platform';

// The browser's Worker (the web extension host has one; this project is typed for Node).
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

/** Origins known to answer CORS in this session (a refusal is asked again: the target may change). */
const corsOrigins = new Set<string>();

export const webPlatform: Platform = {
  kind: 'web',
  createLanguageClient(extension, id, name, options) {
    const main = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'server-web.js');
    const worker = new Worker(main.toString(true));
    return new LanguageClient(id, name, options, worker);
  },
  createTransport: () => ({ transport: createFetchTransport(), close: () => Promise.resolve() }),
  async cannotSend(target, path) {
    const url = `${target.baseUrl.replace(/\/+$/, '')}${path}`;
    const origin = new URL(url).origin;
    if (corsOrigins.has(origin)) return undefined;
    if (await probeCors(url)) {
      corsOrigins.add(origin);
      return undefined;
    }
    return (
      `Sending is not available in VS Code for the Web for ${target.label}: the browser may only ` +
      `send to ${new URL(target.baseUrl).origin} if it allows cross-origin requests (CORS), and it ` +
      `did not answer such a request (mParticle's API is not documented to allow them). Send from ` +
      `desktop VS Code or with \`caseed send\` on the command line.`
    );
  },
};
