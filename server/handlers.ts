/**
 * The request handlers: each one is "get the document → get its cached model → call the core",
 * wrapped in `runSafe`. Files above `caseed.features.maxFileSizeMB` get empty answers (they are still
 * validated), so a huge bulk file never stalls the editor.
 */
import type {
  CancellationToken,
  ClientCapabilities,
  CodeAction,
  CompletionItem,
  Connection,
  DocumentSymbol,
  Hover,
  ResponseError,
  ServerCapabilities,
  TextDocuments,
  TextEdit,
} from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SeedModel } from '../core/document';
import {
  codeActions,
  deferredActionUri,
  FIX_ALL_KIND,
  resolveCodeAction,
} from '../core/features/codeActions';
import { complete } from '../core/features/completion';
import { hover } from '../core/features/hover';
import { format } from '../core/features/format';
import { documentSymbols } from '../core/features/symbols';
import { isDefinitionsFile } from '../core/definitions/lookup';
import {
  isMappingFile,
  mappingFileCompletion,
  mappingFileModel,
} from '../core/features/mappingFile';
import { exportHeaders } from './mapping';
import {
  definitionsFileCompletion,
  definitionsFileHover,
  definitionsModel,
} from '../core/features/definitionsFile';
import { localToday } from '../core/validate';
import type { DefinitionsStore } from './definitions';
import { definitionsOf } from './definitions';
import type { ModelCache } from './models';
import type { Logger } from './runSafe';
import { runSafe } from './runSafe';
import type { SettingsStore } from './settings';

const MB = 1024 * 1024;

export const FEATURE_CAPABILITIES: ServerCapabilities = {
  completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
  hoverProvider: true,
  codeActionProvider: {
    codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
    resolveProvider: true,
  },
  documentSymbolProvider: { label: 'caseed' },
  documentFormattingProvider: true,
};

/** What the client can do, learnt at `initialize` (handlers are registered before it). */
export interface ClientFeatures {
  /** `codeAction/resolve` may fill in `edit`, and `data` comes back: fix-all can be deferred. */
  resolvesCodeActionEdits: boolean;
}

export function clientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  const codeAction = capabilities.textDocument?.codeAction;
  return {
    resolvesCodeActionEdits:
      codeAction?.dataSupport === true &&
      codeAction.resolveSupport?.properties.includes('edit') === true,
  };
}

export interface FeatureDeps {
  connection: Connection;
  client: ClientFeatures;
  documents: TextDocuments<TextDocument>;
  models: ModelCache;
  settings: SettingsStore;
  logger: Logger;
  definitions: DefinitionsStore;
}

export function registerFeatures(deps: FeatureDeps): void {
  const { connection, documents, models, settings, logger, client, definitions } = deps;
  const warnedLarge = new Set<string>();
  documents.onDidClose((e) => warnedLarge.delete(e.document.uri));

  /** The model to answer from, or undefined (document unknown, or too large for editor features). */
  async function modelFor(uri: string, feature: string): Promise<SeedModel | undefined> {
    const all = await settings.get(uri);
    const { features } = all;
    const document = documents.get(uri);
    if (document === undefined) return undefined;
    const size = document.getText().length;
    if (size > features.maxFileSizeMB * MB) {
      if (!warnedLarge.has(uri)) {
        warnedLarge.add(uri);
        logger.info(
          `${uri} is ${(size / MB).toFixed(1)} MB, above caseed.features.maxFileSizeMB ` +
            `(${features.maxFileSizeMB}): ${feature} and the other editor features are off for it; ` +
            'it is still validated.',
        );
      }
      return undefined;
    }
    if (isMappingFile(uri)) {
      const loaded = await definitions.forSeed(uri, all);
      return mappingFileModel(document.getText(), undefined, definitionsOf(loaded));
    }
    if (isDefinitionsFile(uri)) return definitionsModel(document.getText());
    const loaded = await definitions.forSeed(uri, all);
    return models.get(document, definitionsOf(loaded));
  }

  /** Answers a request from the document's model, or with `empty` when there is none. */
  function answer<T>(
    context: string,
    uri: string,
    feature: string,
    empty: T,
    token: CancellationToken,
    work: (model: SeedModel) => T | Promise<T>,
  ): Promise<T | ResponseError<void>> {
    return runSafe<T>(logger, context, empty, token, async () => {
      const model = await modelFor(uri, feature);
      return model === undefined ? empty : work(model);
    });
  }

  connection.onCompletion(({ textDocument: { uri }, position }, token) =>
    answer<CompletionItem[]>(`completion in ${uri}`, uri, 'completion', [], token, async (model) =>
      isMappingFile(uri)
        ? mappingFileCompletion(model, position, await exportHeaders.forMapping(uri))
        : isDefinitionsFile(uri)
          ? definitionsFileCompletion(model, position, localToday())
          : complete(model, position),
    ),
  );

  connection.onHover(({ textDocument: { uri }, position }, token) =>
    answer<Hover | null>(`hover in ${uri}`, uri, 'hover', null, token, (model) =>
      isMappingFile(uri)
        ? null
        : isDefinitionsFile(uri)
          ? definitionsFileHover(model, position)
          : hover(model, position),
    ),
  );

  connection.onCodeAction(({ textDocument: { uri }, range, context }, token) =>
    answer<CodeAction[]>(`code actions in ${uri}`, uri, 'code actions', [], token, (model) =>
      codeActions(model, range, uri, context.only, {
        deferFixAll: client.resolvesCodeActionEdits,
      }),
    ),
  );

  connection.onCodeActionResolve((action, token) => {
    const uri = deferredActionUri(action);
    if (uri === undefined) return action;
    return answer<CodeAction>(
      `resolving "${action.title}" in ${uri}`,
      uri,
      'code actions',
      action,
      token,
      (model) => resolveCodeAction(model, action),
    );
  });

  connection.onDocumentSymbol(({ textDocument: { uri } }, token) =>
    answer<DocumentSymbol[]>(`symbols of ${uri}`, uri, 'document symbols', [], token, (model) =>
      isDefinitionsFile(uri) || isMappingFile(uri) ? [] : documentSymbols(model),
    ),
  );

  connection.onDocumentFormatting(({ textDocument: { uri }, options }, token) =>
    answer<TextEdit[]>(`formatting ${uri}`, uri, 'formatting', [], token, (model) =>
      format(model, {
        tabSize: options.tabSize,
        insertSpaces: options.insertSpaces,
        insertFinalNewline: options.insertFinalNewline,
      }),
    ),
  );
}
