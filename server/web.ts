/**
 * `dist/server-web.js`: the language server in a web worker, for VS Code for the Web (vscode.dev,
 * github.dev). The same server as `dist/server.js`, over the worker's message port instead of IPC.
 */
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser';
import { version } from '../package.json';
import { startServer } from './server';

// The worker's global scope (browser typings are not part of this Node-typed project).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(
  createConnection(
    ProposedFeatures.all,
    new BrowserMessageReader(self),
    new BrowserMessageWriter(self),
  ),
  version,
  { runtime: 'web worker' },
);
