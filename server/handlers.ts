/**
 * The request handlers: each one is "get the document → get its cached model → call the core",
 * wrapped in `runSafe`. Files above `caseed.features.maxFileSizeMB` get empty answers (they are still
 * validated), so a huge bulk file never stalls the editor.
 */
import type {
  CodeAction,
  CompletionItem,
  Connection,
  DocumentSymbol,
  Hover,
  ServerCapabilities,
  TextDocuments,
  TextEdit,
} from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SeedModel } from '../core/document';
import { codeActions, FIX_ALL_KIND } from '../core/features/codeActions';
import { complete } from '../core/features/completion';
import { hover } from '../core/features/hover';
import { format } from '../core/features/format';
import { documentSymbols } from '../core/features/symbols';
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
    resolveProvider: false,
  },
  documentSymbolProvider: { label: 'caseed' },
  documentFormattingProvider: true,
};

export interface FeatureDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  models: ModelCache;
  settings: SettingsStore;
  logger: Logger;
}

export function registerFeatures(deps: FeatureDeps): void {
  const { connection, documents, models, settings, logger } = deps;
  const warnedLarge = new Set<string>();
  documents.onDidClose((e) => warnedLarge.delete(e.document.uri));

  /** The model to answer from, or undefined (document unknown, or too large for editor features). */
  async function modelFor(uri: string, feature: string): Promise<SeedModel | undefined> {
    const { features } = await settings.get(uri);
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
    return models.get(document);
  }

  connection.onCompletion((params, token) =>
    runSafe<CompletionItem[]>(
      logger,
      `completion in ${params.textDocument.uri}`,
      [],
      token,
      async () => {
        const model = await modelFor(params.textDocument.uri, 'completion');
        return model === undefined ? [] : complete(model, params.position);
      },
    ),
  );

  connection.onHover((params, token) =>
    runSafe<Hover | null>(logger, `hover in ${params.textDocument.uri}`, null, token, async () => {
      const model = await modelFor(params.textDocument.uri, 'hover');
      return model === undefined ? null : hover(model, params.position);
    }),
  );

  connection.onCodeAction((params, token) =>
    runSafe<CodeAction[]>(
      logger,
      `code actions in ${params.textDocument.uri}`,
      [],
      token,
      async () => {
        const uri = params.textDocument.uri;
        const model = await modelFor(uri, 'code actions');
        return model === undefined
          ? []
          : codeActions(model, params.range, uri, params.context.only);
      },
    ),
  );

  connection.onDocumentSymbol((params, token) =>
    runSafe<DocumentSymbol[]>(
      logger,
      `symbols of ${params.textDocument.uri}`,
      [],
      token,
      async () => {
        const model = await modelFor(params.textDocument.uri, 'document symbols');
        return model === undefined ? [] : documentSymbols(model);
      },
    ),
  );

  connection.onDocumentFormatting((params, token) =>
    runSafe<TextEdit[]>(logger, `formatting ${params.textDocument.uri}`, [], token, async () => {
      const model = await modelFor(params.textDocument.uri, 'formatting');
      return model === undefined
        ? []
        : format(model, {
            tabSize: params.options.tabSize,
            insertSpaces: params.options.insertSpaces,
            insertFinalNewline: params.options.insertFinalNewline,
          });
    }),
  );
}
