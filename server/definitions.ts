/**
 * The workspace definitions as the server sees them: for each seed file, the definitions file its
 * reader finds (the client over `caseed/readDefinitions`, or the file system for `caseed lsp
 * --stdio`), parsed once per text. An open definitions document wins over its saved text. Nothing
 * here touches the file system. A broken or unreadable file gives a status with an error and no
 * definitions: the rules that need them stay silent; nothing crashes.
 */
import type {
  DefinitionsStatus,
  ReadDefinitionsParams,
  ReadDefinitionsResult,
} from '../contract/definitions';
import type { CaseedSettings } from '../contract/settings';
import type { Definitions } from '../core/definitions/model';
import { describeAge, parseUtc } from '../core/definitions/model';
import type { DefinitionsParseResult } from '../core/definitions/parse';
import { parseDefinitions } from '../core/definitions/parse';
import type { Logger } from './runSafe';
import { formatError } from './runSafe';

export type DefinitionsReader = (params: ReadDefinitionsParams) => Promise<ReadDefinitionsResult>;

export interface LoadedDefinitions {
  uri: string;
  /** The text the definitions came from (for positions of its diagnostics). */
  text: string;
  result: DefinitionsParseResult | undefined;
  /** Why the file could not be read (then `result` is undefined). */
  readError?: string;
}

const DAY = 24 * 60 * 60 * 1000;

export class DefinitionsStore {
  private reader: DefinitionsReader | undefined;
  private readonly bySeed = new Map<string, Promise<LoadedDefinitions | undefined>>();
  private readonly parsed = new Map<string, { text: string; loaded: LoadedDefinitions }>();

  constructor(
    private readonly logger: Logger,
    /** The text of an open document, if open (unsaved edits win over the file). */
    private readonly openText: (uri: string) => string | undefined,
    /** Told about every definitions file parsed (to publish its diagnostics). */
    private readonly onParsed: (loaded: LoadedDefinitions) => void,
  ) {}

  setReader(reader: DefinitionsReader | undefined): void {
    this.reader = reader;
    this.invalidate();
  }

  get enabled(): boolean {
    return this.reader !== undefined;
  }

  /** Forget every lookup and parse (a definitions file or a setting changed). */
  invalidate(): void {
    this.bySeed.clear();
    this.parsed.clear();
  }

  /** The definitions file of a seed file, or undefined when there is none. Never rejects. */
  forSeed(seedUri: string, settings: CaseedSettings): Promise<LoadedDefinitions | undefined> {
    const reader = this.reader;
    if (reader === undefined) return Promise.resolve(undefined);
    let pending = this.bySeed.get(seedUri);
    if (pending === undefined) {
      pending = reader({ seedUri, path: settings.definitions.path }).then(
        (r) => this.load(r),
        (err: unknown) => {
          this.logger.warn(formatError(`finding the definitions of ${seedUri}`, err));
          return undefined;
        },
      );
      this.bySeed.set(seedUri, pending);
    }
    return pending;
  }

  private load(r: ReadDefinitionsResult): LoadedDefinitions | undefined {
    if (r === null) return undefined;
    if ('error' in r) return { uri: r.uri, text: '', result: undefined, readError: r.error };
    const text = this.openText(r.uri) ?? r.text;
    const cached = this.parsed.get(r.uri);
    if (cached !== undefined && cached.text === text) return cached.loaded;
    const loaded: LoadedDefinitions = { uri: r.uri, text, result: parseDefinitions(text, r.uri) };
    this.parsed.set(r.uri, { text, loaded });
    this.onParsed(loaded);
    return loaded;
  }
}

export function definitionsOf(l: LoadedDefinitions | undefined): Definitions | undefined {
  return l?.result?.definitions;
}

/** The status item's view of the definitions in use. */
export function definitionsStatus(
  l: LoadedDefinitions | undefined,
  staleDays: number,
  now = Date.now(),
): DefinitionsStatus | undefined {
  if (l === undefined) return undefined;
  const d = l.result?.definitions;
  if (d === undefined) {
    const first = l.result?.diagnostics[0]?.message;
    return {
      uri: l.uri,
      error: l.readError ?? `the definitions file is broken: ${first ?? 'unreadable'}`,
      count: 0,
      stale: false,
    };
  }
  const pulled = parseUtc(d.pulled_at);
  const status: DefinitionsStatus = {
    uri: l.uri,
    count: d.calculated_attributes.length,
    stale: pulled !== undefined && now - pulled > staleDays * DAY,
  };
  if (d.workspace_id !== undefined) status.workspaceId = d.workspace_id;
  if (d.pulled_at !== undefined) status.pulledAt = d.pulled_at;
  if (pulled !== undefined) status.age = describeAge(Math.max(0, now - pulled));
  return status;
}
