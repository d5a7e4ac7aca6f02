/**
 * The caseed language server: a thin shell over the core. It owns the connection, the open
 * documents, the per-version model cache and the settings; every handler goes through `runSafe`.
 * `startServer` is shared by `dist/server.js` (ipc or stdio, chosen by the command line) and by
 * `caseed lsp --stdio`.
 */
import type { Connection, InitializeParams, InitializeResult } from 'vscode-languageserver';
import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientFeatures } from './handlers';
import { clientFeatures, registerFeatures, FEATURE_CAPABILITIES } from './handlers';
import { SETTINGS_SECTION } from '../contract/settings';
import { ModelCache } from './models';
import type { Logger } from './runSafe';
import { runSafeVoid } from './runSafe';
import { SettingsStore } from './settings';
import { Validator } from './validation';

export const SERVER_NAME = 'caseed';

/** `runtime` names where the server runs (`node v20.…`, `web worker`), for its first log line. */
export function startServer(connection: Connection, version = '0.0.0', runtime = 'unknown'): void {
  const logger: Logger = connection.console;
  const documents = new TextDocuments(TextDocument);
  const models = new ModelCache();
  const settings = new SettingsStore(connection, logger);
  const validator = new Validator(connection, documents, models, settings, logger);

  let registerConfigurationChanges = false;
  const client: ClientFeatures = { resolvesCodeActionEdits: false };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    Object.assign(client, clientFeatures(caps));
    settings.init(caps.workspace?.configuration === true, params.initializationOptions);
    registerConfigurationChanges =
      caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
        },
        ...FEATURE_CAPABILITIES,
      },
      serverInfo: { name: SERVER_NAME, version },
    };
  });

  connection.onInitialized(() => {
    runSafeVoid(logger, 'initialized', async () => {
      logger.info(`${SERVER_NAME} language server ${version} started (${runtime})`);
      if (registerConfigurationChanges) {
        // Ask to hear about `caseed.*` changes (VS Code sends none otherwise in the pull model).
        await connection.client.register(DidChangeConfigurationNotification.type, {
          section: SETTINGS_SECTION,
        });
      }
    });
  });

  connection.onDidChangeConfiguration((change) => {
    runSafeVoid(logger, 'didChangeConfiguration', () => {
      settings.changed(change.settings);
      validator.revalidateAll();
    });
  });

  // TextDocuments fires onDidOpen then onDidChangeContent for a new document: validate a freshly
  // opened document at once, and debounce every later change.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    runSafeVoid(logger, `didChange ${e.document.uri}`, () => {
      validator.schedule(e.document.uri, justOpened.delete(e.document.uri));
    });
  });
  documents.onDidClose((e) => {
    runSafeVoid(logger, `didClose ${e.document.uri}`, () => {
      justOpened.delete(e.document.uri);
      validator.closed(e.document.uri);
      models.delete(e.document.uri);
      settings.forget(e.document.uri);
    });
  });

  registerFeatures({ connection, client, documents, models, settings, logger });

  connection.onShutdown(() => {
    validator.dispose();
    models.clear();
  });

  documents.listen(connection);
  connection.listen();
}
