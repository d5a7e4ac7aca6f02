/**
 * `dist/server.js`: the language server process. The transport comes from the command line
 * (`--node-ipc` when VS Code starts it, `--stdio` for other editors and the tests, `--socket=N`).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../package.json';
import { exposedGc } from './nodeGc';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all), version, {
  runtime: `node ${process.version}`,
  collectGarbage: exposedGc(),
});
