/**
 * `caseed lsp --stdio`: the same language server as `dist/server.js`, over stdin/stdout. The
 * connection finds the transport on the command line (`--stdio`), which also sends `console.*`
 * to the client's log instead of stdout, where it would corrupt the protocol.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { exposedGc } from '../server/nodeGc';
import { startServer } from '../server/server';
import { parseArgs } from './args';
import { CliError, EXIT } from './exitCodes';
import type { Io } from './io';
import { readDefinitionsFromDisk } from './lspDefinitions';
import { LSP_USAGE } from './usage';

/** Returns an exit code, or `undefined` when the server is running (it exits on `exit`/EOF). */
export function runLsp(argv: readonly string[], io: Io, version: string): number | undefined {
  const { options, positionals } = parseArgs(
    argv,
    {
      stdio: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      // Passed by some clients (VS Code's node launcher); the connection watches that process.
      clientProcessId: { type: 'string' },
    },
    'lsp',
  );
  if (options.help === true) {
    io.out(LSP_USAGE);
    return EXIT.OK;
  }
  if (positionals.length > 0) throw new CliError(`lsp takes no arguments (got ${positionals[0]})`);
  if (options.stdio !== true) {
    throw new CliError('lsp needs --stdio (see `caseed lsp --help`)');
  }
  startServer(createConnection(ProposedFeatures.all), version, {
    runtime: `node ${process.version}`,
    readDefinitions: readDefinitionsFromDisk,
    collectGarbage: exposedGc(),
  });
  return undefined;
}
