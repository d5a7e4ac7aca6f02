/**
 * The caseed language server: a thin shell over the core. It owns the connection, the open
 * documents, the per-version model cache and the settings; every handler goes through `runSafe`.
 * `startServer` is shared by `dist/server.js` (ipc or stdio, chosen by the command line) and by
 * `caseed lsp --stdio`.
 */
import type { Connection, InitializeParams, InitializeResult } from 'vscode-languageserver';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SEED_DOCUMENTS } from './seedDocuments';
import type { ClientFeatures } from './handlers';
import { clientFeatures, registerFeatures, FEATURE_CAPABILITIES } from './handlers';
import { SETTINGS_SECTION } from '../contract/settings';
import type { DefinitionsInitOptions } from '../contract/definitions';
import { ReadDefinitionsRequest } from '../contract/definitions';
import { isDefinitionsFile } from '../core/definitions/lookup';
import { ReadExportHeaderRequest } from '../contract/importMapping';
import { exportHeaders } from './mapping';
import { DEFINITIONS_FILE_NAME } from '../core/definitions/model';
import type { DefinitionsReader } from './definitions';
import { DefinitionsStore } from './definitions';
import { IdleCollector } from './idleCollect';
import { ModelCache } from './models';
import type { Logger } from './runSafe';
import { runSafeVoid } from './runSafe';
import { SettingsStore } from './settings';
import { Validator } from './validation';

export const SERVER_NAME = 'caseed';

export interface ServerOptions {
  /** Where the server runs (`node v20.…`, `web worker`), for its first log line. */
  runtime?: string;
  /**
   * Reads definitions files when the client does not (`caseed lsp --stdio` passes a file-system
   * reader; the VS Code client answers `caseed/readDefinitions` itself, also in the browser).
   */
  readDefinitions?: DefinitionsReader;
  /** A full garbage collection, run once the server is quiet after a big full pass (Node only). */
  collectGarbage?: () => void;
}

export function startServer(
  connection: Connection,
  version = '0.0.0',
  options: ServerOptions = {},
): void {
  const logger: Logger = connection.console;
  const documents: TextDocuments<TextDocument> = new TextDocuments(SEED_DOCUMENTS);
  const models = new ModelCache(new IdleCollector({ collect: options.collectGarbage }));
  const settings = new SettingsStore(connection, logger);
  const definitions = new DefinitionsStore(
    logger,
    (uri) => documents.get(uri)?.getText(),
    (loaded) => validator.publishDefinitions(loaded),
  );
  const validator = new Validator(connection, documents, models, settings, logger, definitions);

  let registerConfigurationChanges = false;
  const client: ClientFeatures = { resolvesCodeActionEdits: false };
  let registerWatchedFiles = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    Object.assign(client, clientFeatures(caps));
    settings.init(caps.workspace?.configuration === true, params.initializationOptions);
    registerConfigurationChanges =
      caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    registerWatchedFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const init = params.initializationOptions as DefinitionsInitOptions | null | undefined;
    exportHeaders.setReader(
      (init as { exportHeaderProvider?: boolean } | null | undefined)?.exportHeaderProvider === true
        ? (p) => connection.sendRequest(ReadExportHeaderRequest.method, p)
        : undefined,
    );
    definitions.setReader(
      init?.definitionsProvider === true
        ? (p) => connection.sendRequest(ReadDefinitionsRequest.method, p)
        : options.readDefinitions,
    );
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
      logger.info(
        `${SERVER_NAME} language server ${version} started (${options.runtime ?? 'unknown'})`,
      );
      if (registerConfigurationChanges) {
        // Ask to hear about `caseed.*` changes (VS Code sends none otherwise in the pull model).
        await connection.client.register(DidChangeConfigurationNotification.type, {
          section: SETTINGS_SECTION,
        });
      }
      if (registerWatchedFiles && definitions.enabled) {
        // Revalidate open seed files when a definitions file is created, changed or deleted.
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/${DEFINITIONS_FILE_NAME}` }],
        });
      }
    });
  });

  connection.onDidChangeConfiguration((change) => {
    runSafeVoid(logger, 'didChangeConfiguration', () => {
      settings.changed(change.settings);
      definitions.invalidate();
      validator.revalidateAll();
    });
  });

  connection.onDidChangeWatchedFiles(() => {
    runSafeVoid(logger, 'didChangeWatchedFiles', () => {
      definitions.invalidate();
      validator.revalidateSeeds();
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
      if (isDefinitionsFile(e.document.uri)) {
        // An edited definitions file applies at once, saved or not.
        definitions.invalidate();
        validator.revalidateSeeds();
      }
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

  registerFeatures({ connection, client, documents, models, settings, logger, definitions });

  connection.onShutdown(() => {
    validator.dispose();
    models.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
