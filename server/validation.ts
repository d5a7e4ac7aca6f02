/**
 * Diagnostics pushed as the user types: validation is debounced per document (the delay comes from
 * `caseed.validate.debounceMs`), runs on the cached model of the latest version, publishes at most
 * `caseed.validate.maxProblems` diagnostics and then tells the client the file's status
 * (`caseed/fileStatus`, for the language status item).
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileState, FileStatusParams } from '../contract/protocol';
import { FileStatusNotification } from '../contract/protocol';
import type { SeverityCounts } from '../core/diagnostics';
import { publishedDiagnostics } from '../core/incremental/published';
import { countSeverities } from '../core/diagnostics';
import { toLspDiagnostic } from '../core/features/codeActions';
import { isDefinitionsFile } from '../core/definitions/lookup';
import { definitionsModel } from '../core/features/definitionsFile';
import { isMappingFile, mappingFileModel } from '../core/features/mappingFile';
import { exportHeaders } from './mapping';
import type { DefinitionsStore, LoadedDefinitions } from './definitions';
import { definitionsOf, definitionsStatus } from './definitions';
import type { ModelCache } from './models';
import { documentLength, SeedDocument } from './seedDocuments';
import type { Logger } from './runSafe';
import { runSafeVoid } from './runSafe';
import type { SettingsStore } from './settings';

const MB = 1024 * 1024;

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly models: ModelCache,
    private readonly settings: SettingsStore,
    private readonly logger: Logger,
    private readonly definitions: DefinitionsStore,
  ) {}

  /** A definitions file was parsed: its problems go on that file (its own run does, when open). */
  publishDefinitions(loaded: LoadedDefinitions): void {
    if (this.documents.get(loaded.uri) !== undefined) return;
    const diagnostics = definitionsModel(loaded.text).lspDiagnostics;
    void this.connection.sendDiagnostics({ uri: loaded.uri, diagnostics }).catch(() => undefined);
  }

  /** Validate now (a document was opened) or after the debounce delay (it changed). */
  schedule(uri: string, immediate: boolean): void {
    this.cancel(uri);
    if (immediate) {
      this.run(uri);
      return;
    }
    runSafeVoid(this.logger, `scheduling validation of ${uri}`, async () => {
      const { validate } = await this.settings.get(uri);
      this.cancel(uri);
      const timer = setTimeout(() => {
        this.timers.delete(uri);
        this.run(uri);
      }, validate.debounceMs);
      this.timers.set(uri, timer);
    });
  }

  /** Stop a pending validation (the document closed or is about to be validated). */
  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.timers.delete(uri);
    }
  }

  /** The document closed: nothing pending, no problems left in the Problems view. */
  closed(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  revalidateAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri, true);
  }

  /** The definitions changed: every open seed file again (debounced), not the definitions files. */
  revalidateSeeds(): void {
    for (const doc of this.documents.all())
      if (!isDefinitionsFile(doc.uri) || isMappingFile(doc.uri)) this.schedule(doc.uri, false);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }

  private run(uri: string): void {
    runSafeVoid(this.logger, `validating ${uri}`, async () => {
      const settings = await this.settings.get(uri);
      const document = this.documents.get(uri);
      if (document === undefined) return; // closed meanwhile
      if (!settings.validate.enable) {
        await this.publish(document, [], status(document, { forced: 'disabled' }));
        return;
      }
      if (isMappingFile(uri)) {
        const header = await exportHeaders.forMapping(uri);
        const loaded = await this.definitions.forSeed(uri, settings);
        const m = mappingFileModel(document.getText(), header, definitionsOf(loaded));
        await this.publish(
          document,
          m.lspDiagnostics,
          status(document, { counts: countSeverities(m.diagnostics), users: m.userCount }),
        );
        return;
      }
      if (isDefinitionsFile(uri)) {
        const m = definitionsModel(document.getText());
        await this.publish(
          document,
          m.lspDiagnostics,
          status(document, { counts: countSeverities(m.diagnostics), users: m.userCount }),
        );
        return;
      }
      const loaded = await this.definitions.forSeed(uri, settings);
      const started = performance.now();
      const model = this.models.get(document, definitionsOf(loaded));
      const max = settings.validate.maxProblems;
      const store = document instanceof SeedDocument ? document.validation?.store : undefined;
      // A store-backed document converts only what changed (see core/incremental/published.ts).
      const published =
        store !== undefined
          ? publishedDiagnostics(store, model, max)
          : {
              shown: model.diagnostics.slice(0, max).map((d) => toLspDiagnostic(model, d)),
              total: model.diagnostics.length,
              counts: countSeverities(model.diagnostics),
            };
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      const large = documentLength(document) > settings.features.maxFileSizeMB * MB;
      const params = status(document, {
        counts: published.counts,
        users: model.userCount,
        hiddenProblems: published.total - published.shown.length,
        large,
        durationMs,
      });
      const defs = definitionsStatus(loaded, settings.definitions.staleDays);
      if (defs !== undefined) params.definitions = defs;
      await this.publish(document, published.shown, params);
    });
  }

  private async publish(
    document: TextDocument,
    diagnostics: Diagnostic[],
    params: FileStatusParams,
  ): Promise<void> {
    // A newer version arrived while this one was validated: its own run will publish.
    if (this.documents.get(document.uri)?.version !== document.version) return;
    await this.connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics,
    });
    await this.connection.sendNotification(FileStatusNotification.method, params);
  }
}

/** What a file's status says beyond its URI and version (all optional: none, 0 or false). */
interface StatusFacts {
  /** The diagnostics' counts by severity (all of them, published or not). */
  counts?: SeverityCounts;
  users?: number;
  /** Problems beyond `caseed.validate.maxProblems`, not published. */
  hiddenProblems?: number;
  /** The state to show whatever the diagnostics (`disabled`). */
  forced?: FileState;
  /** Larger than `caseed.features.maxFileSizeMB`. */
  large?: boolean;
  durationMs?: number;
}

function status(document: TextDocument, facts: StatusFacts): FileStatusParams {
  const { users = 0, hiddenProblems = 0, forced, large = false, durationMs = 0 } = facts;
  const { errors, warnings, infos } = facts.counts ?? { errors: 0, warnings: 0, infos: 0 };
  const state: FileState = forced ?? (errors > 0 ? 'errors' : warnings > 0 ? 'warnings' : 'ok');
  return {
    uri: document.uri,
    version: document.version,
    state,
    errors,
    warnings,
    infos,
    users,
    hiddenProblems,
    large,
    durationMs,
  };
}
