/**
 * The request handlers: each one is "get the document → get its cached model → call the core",
 * wrapped in `runSafe`. In a bulk file above `PER_USER_ABOVE`, completion, hover and code actions
 * answer from the model of the user under the cursor (its text alone is parsed), symbols come from
 * the per-user structure, and formatting formats the users a range touches (Format Document formats
 * every user the same way). `caseed.features.maxFileSizeMB` is only a safety valve far above real
 * files: above it requests get empty answers (the file is still validated).
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
import type { Position } from '../core/positions';
import { userModel } from '../core/incremental/model';
import { formatUsersIn } from '../core/features/formatRange';
import { userSymbols } from '../core/features/symbolsByUser';
import type { SeedStore } from '../core/incremental/store';
import { documentLength, SeedDocument } from './seedDocuments';
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
import { formatOfName } from '../core/stream/users';
import { definitionsOf } from './definitions';
import type { ModelCache } from './models';
import type { Logger } from './runSafe';
import { runSafe } from './runSafe';
import type { SettingsStore } from './settings';

const MB = 1024 * 1024;

/** Above this size, features of a bulk file answer from one user (or from the per-user structure). */
const PER_USER_ABOVE = 2 * MB;

export const FEATURE_CAPABILITIES: ServerCapabilities = {
  completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
  hoverProvider: true,
  codeActionProvider: {
    codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
    resolveProvider: true,
  },
  documentSymbolProvider: { label: 'caseed' },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
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

  /** The model to answer from, or undefined (document unknown, or above the safety valve). */
  async function modelFor(
    uri: string,
    feature: string,
    at?: Position,
  ): Promise<SeedModel | undefined> {
    const all = await settings.get(uri);
    const { features } = all;
    const document = documents.get(uri);
    if (document === undefined) return undefined;
    const size = documentLength(document);
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
    const defs = definitionsOf(loaded);
    const model = models.get(document, defs);
    if (at === undefined) return model;
    const store = bigBulkStore(document);
    if (store === undefined) return model;
    // A big bulk file: the user under the cursor is the model (nothing between users).
    return userModel(document as SeedDocument, store, document.offsetAt(at), defs);
  }

  /** The store of a bulk document above PER_USER_ABOVE (after `models.get` brought it up to date). */
  function bigBulkStore(document: TextDocument): SeedStore | undefined {
    if (!(document instanceof SeedDocument) || document.length <= PER_USER_ABOVE) return undefined;
    const store = document.validation?.store;
    return store?.isBulk === true ? store : undefined;
  }

  /** Answers a request from the document's model, or with `empty` when there is none. */
  function answer<T>(
    context: string,
    uri: string,
    feature: string,
    empty: T,
    token: CancellationToken,
    work: (model: SeedModel) => T | Promise<T>,
    at?: Position,
  ): Promise<T | ResponseError<void>> {
    return runSafe<T>(logger, context, empty, token, async () => {
      const model = await modelFor(uri, feature, at);
      return model === undefined ? empty : work(model);
    });
  }

  connection.onCompletion(({ textDocument: { uri }, position }, token) =>
    answer<CompletionItem[]>(
      `completion in ${uri}`,
      uri,
      'completion',
      [],
      token,
      async (model) =>
        isMappingFile(uri)
          ? mappingFileCompletion(model, position, await exportHeaders.forMapping(uri))
          : isDefinitionsFile(uri)
            ? definitionsFileCompletion(model, position, localToday())
            : complete(model, position),
      position,
    ),
  );

  connection.onHover(({ textDocument: { uri }, position }, token) =>
    answer<Hover | null>(
      `hover in ${uri}`,
      uri,
      'hover',
      null,
      token,
      (model) =>
        isMappingFile(uri)
          ? null
          : isDefinitionsFile(uri)
            ? definitionsFileHover(model, position)
            : hover(model, position),
      position,
    ),
  );

  connection.onCodeAction(({ textDocument: { uri }, range, context }, token) =>
    answer<CodeAction[]>(
      `code actions in ${uri}`,
      uri,
      'code actions',
      [],
      token,
      (model) =>
        codeActions(model, range, uri, context.only, {
          deferFixAll: client.resolvesCodeActionEdits,
        }),
      range.start,
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
    answer<DocumentSymbol[]>(`symbols of ${uri}`, uri, 'document symbols', [], token, (model) => {
      if (isDefinitionsFile(uri) || isMappingFile(uri)) return [];
      const document = documents.get(uri);
      const store = document === undefined ? undefined : bigBulkStore(document);
      if (store === undefined) return documentSymbols(model);
      const doc = document as SeedDocument;
      return userSymbols(
        {
          userCount: store.userCount,
          span: (i) => store.span(i),
          slice: (a, b) => doc.slice(a, b),
        },
        model.lines,
      );
    }),
  );

  /** Formats the users [from, to] touches in a big bulk file, or undefined for any other file. */
  function formatBig(
    uri: string,
    model: SeedModel,
    from: number | undefined,
    to: number | undefined,
    options: { tabSize: number; insertSpaces: boolean; insertFinalNewline?: boolean },
  ): TextEdit[] | undefined {
    const document = documents.get(uri);
    const store = document === undefined ? undefined : bigBulkStore(document);
    if (store === undefined) return undefined;
    const doc = document as SeedDocument;
    return formatUsersIn(
      { usersIn: (a, b) => store.usersIn(a, b), slice: (a, b) => doc.slice(a, b) },
      model.lines,
      from ?? 0,
      to ?? doc.length,
      options,
    );
  }

  connection.onDocumentFormatting(({ textDocument: { uri }, options }, token) =>
    answer<TextEdit[]>(`formatting ${uri}`, uri, 'formatting', [], token, (model) => {
      const opts = {
        tabSize: options.tabSize,
        insertSpaces: options.insertSpaces,
        insertFinalNewline: options.insertFinalNewline,
      };
      // An NDJSON seed file keeps one user per line: the JSON formatter is not for it.
      if (formatOfName(uri) === 'ndjson') return [];
      return formatBig(uri, model, undefined, undefined, opts) ?? format(model, opts);
    }),
  );

  connection.onDocumentRangeFormatting(({ textDocument: { uri }, range, options }, token) =>
    answer<TextEdit[]>(`formatting a range of ${uri}`, uri, 'formatting', [], token, (model) => {
      const opts = {
        tabSize: options.tabSize,
        insertSpaces: options.insertSpaces,
        insertFinalNewline: options.insertFinalNewline,
      };
      if (isDefinitionsFile(uri) || formatOfName(uri) === 'ndjson') return [];
      // The users on the lines the selection touches.
      const from = model.lines.offsetAt({ line: range.start.line, character: 0 });
      const to = model.lines.offsetAt({ line: range.end.line + 1, character: 0 });
      const big = formatBig(uri, model, from, to, opts);
      if (big !== undefined) return big;
      // A small file: its own store's user spans when it is a bulk array, else the whole file.
      const document = documents.get(uri);
      const store = document instanceof SeedDocument ? document.validation?.store : undefined;
      if (store?.isBulk === true && document instanceof SeedDocument)
        return formatUsersIn(
          { usersIn: (a, b) => store.usersIn(a, b), slice: (a, b) => document.slice(a, b) },
          model.lines,
          from,
          to,
          opts,
        );
      return format(model, opts);
    }),
  );
}
