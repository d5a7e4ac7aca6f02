/**
 * The definitions file (`caseed.definitions.json`): a snapshot of the calculated attributes (CAs)
 * of one mParticle workspace. Its format is ours (schemas/caseed.definitions.schema.json); the
 * in-memory form keeps the file's own snake_case names so that reading and writing are one shape.
 */

/** The file name looked for, nearest-up from a seed file (like `tsconfig.json`). */
export const DEFINITIONS_FILE_NAME = 'caseed.definitions.json';

export interface TimePeriod {
  type: 'since' | 'within' | 'all';
  date?: string | null;
  within?: number | null;
  within_unit?: 'days' | 'weeks' | null;
}

export interface DataPoint {
  type?: string;
  event_name?: string | null;
  attribute_name?: string | null;
  event_type?: string | null;
  custom_event_type?: string | null;
  [key: string]: unknown;
}

/** One calculated attribute. Only `name` and `calculation_type` are required (hand-written files). */
export interface CaDefinition {
  id?: number;
  name: string;
  calculation_type: string;
  /**
   * The seeding cutoff date (yyyy-MM-dd); null when the definition has no seeding cutoff;
   * undefined when the file does not say (a hand-written file): then no cutoff rule applies.
   */
  cutoff_date?: string | null;
  time_period?: TimePeriod | null;
  status?: 'draft' | 'active';
  last_modified?: string | null;
  description?: string | null;
  data_point?: DataPoint | null;
}

export interface DefinitionsFile {
  $schema?: string;
  /** The workspace id, as its digits (never a JavaScript number on the way in or out). */
  workspace_id?: string;
  pulled_at?: string;
  pulled_from?: string;
  calculated_attributes: CaDefinition[];
}

/** A loaded definitions file: its content plus a lookup by name. */
export interface Definitions extends DefinitionsFile {
  /** Where the file was read from (a URI or path, for messages and the status item). */
  readonly source: string;
  readonly byName: ReadonlyMap<string, CaDefinition>;
}

export function withIndex(file: DefinitionsFile, source: string): Definitions {
  const byName = new Map<string, CaDefinition>();
  for (const d of file.calculated_attributes) if (!byName.has(d.name)) byName.set(d.name, d);
  return { ...file, source, byName };
}

/** Milliseconds between a definition's last change and the snapshot, when both are known. */
export function changedBeforeSnapshotMs(
  definitions: Pick<DefinitionsFile, 'pulled_at'>,
  def: CaDefinition,
): number | undefined {
  const pulled = parseUtc(definitions.pulled_at);
  const changed = parseUtc(def.last_modified ?? undefined);
  if (pulled === undefined || changed === undefined) return undefined;
  return pulled - changed;
}

/** How long mParticle takes to cache a created or changed CA (seeds meanwhile may be NOT FOUND). */
export const CACHE_DELAY_MS = 5 * 60 * 1000;

/** An ISO 8601 timestamp as epoch ms; one without a zone is read as UTC (the Platform API's habit). */
export function parseUtc(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const ms = Date.parse(hasZone ? value : `${value}Z`);
  return Number.isFinite(ms) ? ms : undefined;
}

/** "3 days", "5 hours", "2 minutes": a short age for messages and the status item. */
export function describeAge(ms: number): string {
  const minutes = Math.floor(ms / 60000);
  const unit = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return unit(hours, 'hour');
  return unit(Math.floor(hours / 24), 'day');
}

/** The time period as a phrase: "since 2024-01-01", "within the last 4 weeks". */
export function describeTimePeriod(p: TimePeriod | null | undefined): string | undefined {
  if (p === undefined || p === null) return undefined;
  if (p.type === 'within')
    return `within the last ${p.within ?? '?'} ${p.within_unit ?? 'days'} (a rolling window)`;
  if (p.type === 'since') return p.date ? `since ${p.date.slice(0, 10)}` : 'since a date';
  return 'all time';
}
