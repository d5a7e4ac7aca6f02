/**
 * Settings as the server sees them: pulled per document through `workspace/configuration` (scoped to
 * the document's URI) when the client supports it, otherwise taken from
 * `workspace/didChangeConfiguration` or the initialization options. Always one typed object (contract/).
 */
import type { Connection } from 'vscode-languageserver';
import type { CaseedSettings } from '../contract/settings';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, settingsFrom } from '../contract/settings';
import type { Logger } from './runSafe';
import { formatError } from './runSafe';

export class SettingsStore {
  private pull = false;
  private global: CaseedSettings = DEFAULT_SETTINGS;
  private readonly perDocument = new Map<string, Promise<CaseedSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
  ) {}

  /** Called from `initialize`: whether to pull, and any settings passed as initialization options. */
  init(supportsConfiguration: boolean, initializationOptions: unknown): void {
    this.pull = supportsConfiguration;
    const opts = initializationOptions as { settings?: unknown } | null | undefined;
    if (opts !== null && typeof opts === 'object' && opts.settings !== undefined) {
      this.global = settingsFrom(opts.settings);
    }
  }

  /** `workspace/didChangeConfiguration`: forget what was pulled; take pushed settings if any. */
  changed(pushed: unknown): void {
    this.perDocument.clear();
    if (!this.pull) {
      const section =
        pushed !== null && typeof pushed === 'object'
          ? (pushed as Record<string, unknown>)[SETTINGS_SECTION]
          : undefined;
      this.global = settingsFrom(section);
    }
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  /** The settings for one document (never rejects: falls back to the last known settings). */
  get(uri: string): Promise<CaseedSettings> {
    if (!this.pull) return Promise.resolve(this.global);
    let pending = this.perDocument.get(uri);
    if (pending === undefined) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(
          (raw: unknown) => settingsFrom(raw),
          (err: unknown) => {
            this.logger.warn(formatError(`reading settings for ${uri}`, err));
            return this.global;
          },
        );
      this.perDocument.set(uri, pending);
    }
    return pending;
  }
}
