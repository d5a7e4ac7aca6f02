/**
 * From the Platform API's calculated attribute list to our definitions file, and the file's one
 * stable text (keys in a fixed order, attributes sorted by name, two-space indent, final newline)
 * so that a re-pull diffs well in git. Both spellings of the data point (`data_point`, `datapoint`)
 * are read, as the documentation uses both.
 */
import { CALCULATION_TYPE_ALIASES, CALCULATION_TYPE_BY_NAME } from '../vocabulary';
import type { CaDefinition, DataPoint, DefinitionsFile, TimePeriod } from './model';
import { parseUtc } from './model';

export interface PullMeta {
  workspaceId: string;
  /** ISO 8601 UTC. */
  pulledAt: string;
  pulledFrom: string;
}

export type FromPlatformResult =
  { ok: true; file: DefinitionsFile; skipped: string[] } | { ok: false; reason: string };

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function strOrNull(v: unknown): string | null | undefined {
  return typeof v === 'string' ? v : v === null ? null : undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}/;

/** An ISO timestamp in UTC with a `Z` (the API sometimes omits the zone: read as UTC). */
function utcIso(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const ms = parseUtc(v);
  return ms === undefined ? null : new Date(ms).toISOString();
}

const DATA_POINT_KEYS = [
  'type',
  'event_name',
  'attribute_name',
  'event_type',
  'custom_event_type',
  'attribute_category',
  'use_product_quantity',
] as const;

function dataPointOf(def: Obj): DataPoint | null {
  const raw = isObj(def.data_point) ? def.data_point : isObj(def.datapoint) ? def.datapoint : null;
  if (raw === null) return null;
  const out: DataPoint = {};
  for (const k of DATA_POINT_KEYS) {
    const v = raw[k];
    if (v !== null && v !== undefined && (typeof v === 'string' || typeof v === 'boolean'))
      (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

function timePeriodOf(def: Obj): TimePeriod | null {
  const tp = def.time_period;
  if (!isObj(tp) || typeof tp.type !== 'string') return null;
  const type = tp.type === 'within' || tp.type === 'since' ? tp.type : 'all';
  const out: TimePeriod = { type };
  if (type === 'since' && typeof tp.date === 'string' && DATE.test(tp.date))
    out.date = tp.date.slice(0, 10);
  if (type === 'within') {
    if (typeof tp.within === 'number' && Number.isInteger(tp.within) && tp.within > 0)
      out.within = tp.within;
    if (tp.within_unit === 'days' || tp.within_unit === 'weeks') out.within_unit = tp.within_unit;
  }
  return out;
}

/** The definitions file for a Platform API list body (already parsed JSON). */
export function definitionsFromPlatform(body: unknown, meta: PullMeta): FromPlatformResult {
  if (!Array.isArray(body))
    return { ok: false, reason: 'the calculated attribute list is not a JSON array' };
  const out: CaDefinition[] = [];
  const skipped: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const ca: unknown = body[i];
    if (!isObj(ca) || typeof ca.name !== 'string' || ca.name === '')
      return { ok: false, reason: `item ${i + 1} of the calculated attribute list has no name` };
    const def = isObj(ca.active_definition)
      ? ca.active_definition
      : isObj(ca.draft_definition)
        ? ca.draft_definition
        : undefined;
    const rawType =
      def !== undefined && typeof def.calculation_type === 'string' ? def.calculation_type : '';
    const type = CALCULATION_TYPE_ALIASES[rawType] ?? rawType;
    if (def === undefined || !CALCULATION_TYPE_BY_NAME.has(type)) {
      skipped.push(ca.name);
      continue;
    }
    const d: CaDefinition = { name: ca.name, calculation_type: type };
    if (typeof ca.id === 'number' && Number.isSafeInteger(ca.id) && ca.id > 0) d.id = ca.id;
    const seeding = def.seeding;
    const cutoff =
      isObj(seeding) && typeof seeding.cutoff_date === 'string' ? seeding.cutoff_date : undefined;
    d.cutoff_date = cutoff !== undefined && DATE.test(cutoff) ? cutoff.slice(0, 10) : null;
    d.time_period = timePeriodOf(def);
    d.status =
      isObj(ca.active_definition) || typeof ca.activated_on === 'string' ? 'active' : 'draft';
    d.last_modified = utcIso(ca.last_modified_on ?? ca.created_on);
    d.description = strOrNull(ca.description) ?? null;
    d.data_point = dataPointOf(def);
    out.push(d);
  }
  return {
    ok: true,
    file: {
      workspace_id: meta.workspaceId,
      pulled_at: meta.pulledAt,
      pulled_from: meta.pulledFrom,
      calculated_attributes: out,
    },
    skipped,
  };
}

const CA_KEYS: ReadonlyArray<keyof CaDefinition> = [
  'name',
  'id',
  'calculation_type',
  'cutoff_date',
  'time_period',
  'status',
  'last_modified',
  'description',
  'data_point',
];

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const k of Object.keys(value).sort()) if (value[k] !== undefined) out[k] = ordered(value[k]);
  return out;
}

function byName(a: CaDefinition, b: CaDefinition): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : (a.id ?? 0) - (b.id ?? 0);
}

/** The file's text: stable key order, attributes sorted by name, 2-space indent, final newline. */
export function serializeDefinitions(file: DefinitionsFile): string {
  const attributes = [...file.calculated_attributes].sort(byName).map((d) => {
    const o: Obj = {};
    for (const k of CA_KEYS) if (d[k] !== undefined) o[k] = ordered(d[k]);
    return o;
  });
  const ws = file.workspace_id;
  if (ws !== undefined && !/^\d+$/.test(ws)) throw new Error('workspace_id must be digits');
  const top: Obj = {};
  if (file.$schema !== undefined) top.$schema = file.$schema;
  if (ws !== undefined) top.workspace_id = '\u0000WS\u0000';
  if (file.pulled_at !== undefined) top.pulled_at = file.pulled_at;
  if (file.pulled_from !== undefined) top.pulled_from = file.pulled_from;
  top.calculated_attributes = attributes;
  const text = JSON.stringify(top, null, 2);
  return `${ws === undefined ? text : text.replace('"\\u0000WS\\u0000"', ws)}\n`;
}
