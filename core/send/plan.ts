/**
 * The plan of a send: which path, and which users go in which request, with the exact bytes of
 * each request body cut from the user's own text. Pure: no network, no clock.
 *
 * Planning costs what validating costs: each user of a bulk file is validated, measured and counted
 * as the parser hands it over, then dropped (no tree is kept). A request keeps only its users'
 * spans and the offsets of its attribute names (for mapping API errors back onto the document, so
 * the sender needs no syntax tree); its body is cut from the text when asked for.
 */
import type { JsonNode } from '../ast';
import { getString, workspaceItems } from '../ast';
import type { SeedDiagnostic } from '../diagnostics';
import { BULK_PATH, SINGLE_PATH } from '../facts';
import { LineIndex } from '../positions';
import type { Definitions } from '../definitions/model';
import { validate } from '../validate';
import type { AttributeName } from './cut';
import { RequestCutter, attributeNamesOf } from './cut';
import { minifiedBytes, minifyJson } from './minify';

export const DEFAULT_MAX_USERS = 100;
export const DEFAULT_MAX_BYTES = 256 * 1024;

export interface PlanOptions {
  /** At most this many users per bulk request (default 100). */
  maxUsers?: number;
  /** At most this many bytes per request body (default 256 KB). */
  maxBytes?: number;
  /** Passed to validate() (the future-cutoff rule). */
  today?: string;
  /** Passed to validate(): seeds that do not match the workspace's definitions are refused. */
  definitions?: Definitions;
}

export interface PlannedRequest {
  /** 0-based position of the request in the plan. */
  index: number;
  /** The 0-based indexes of the users it holds (for a single-user file: [0]). */
  users: number[];
  /** The request body: the users' own text, insignificant whitespace removed (cut when read). */
  readonly body: string;
  /** The body's length in UTF-8 bytes. */
  bytes: number;
  /** The `attribute_name` strings of its users, with their offsets in the file. */
  attributes: AttributeName[];
}

export interface SendPlan {
  shape: 'single' | 'bulk';
  /** `/v2/calculatedattributes` for one object, `/v2/bulkcalculatedattributes` for an array. */
  path: string;
  requests: PlannedRequest[];
  users: number;
  /** Calculated attribute seeds in the file (entries of every `calculated_attributes.workspace`). */
  seeds: number;
  /** The distinct calculated attribute names seeded. */
  attributes: string[];
  /** Total bytes over all requests. */
  bytes: number;
  /** True when any user has `"environment": "production"`. */
  production: boolean;
}

export type PlanResult =
  | { ok: true; plan: SendPlan; warnings: SeedDiagnostic[] }
  | { ok: false; reason: string; diagnostics: SeedDiagnostic[] };

function positive(n: number | undefined, fallback: number): number {
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
}

/** One line saying why a document with errors is not sent. */
/** The first `max` attribute names, then "…" when there are more. */
export function attributeNames(names: readonly string[], max: number): string {
  return names.slice(0, max).join(', ') + (names.length > max ? ', …' : '');
}

export function refusalMessage(errors: readonly SeedDiagnostic[], lines: LineIndex): string {
  const first = errors[0];
  const pos = lines.positionAt(first.offset);
  return `Not sent: the file has ${errors.length} error${errors.length === 1 ? '' : 's'}; the first, at line ${pos.line + 1}, column ${pos.character + 1}: ${first.message} [${first.code}]`;
}

/** A request whose body is cut from `text` (users' spans, whitespace removed) when read. */
function lazyRequest(
  text: string,
  index: number,
  users: number[],
  spans: ReadonlyArray<readonly [number, number]>,
  bytes: number,
  bulk: boolean,
  attributes: AttributeName[],
): PlannedRequest {
  return {
    index,
    users,
    bytes,
    attributes,
    get body(): string {
      const parts = spans.map(([start, end]) => minifyJson(text, start, end));
      return bulk ? `[${parts.join(',')}]` : parts[0];
    },
  };
}

/** Validates `text` and, when it has no errors, splits it into requests. */
export function planSend(text: string, options: PlanOptions = {}): PlanResult {
  const maxUsers = positive(options.maxUsers, DEFAULT_MAX_USERS);
  const maxBytes = positive(options.maxBytes, DEFAULT_MAX_BYTES);
  const requests: PlannedRequest[] = [];
  const stats = { seeds: 0, names: new Set<string>(), production: false };
  let users = 0;
  let spans: Array<readonly [number, number]> = [];
  let held: number[] = [];
  let names: AttributeName[] = [];
  let size = 2; // "[" and "]"
  const cutter = new RequestCutter(maxUsers, maxBytes);
  let oversized: { index: number; bytes: number; offset: number } | undefined;
  const flush = (): void => {
    requests.push(lazyRequest(text, requests.length, held, spans, size, true, names));
    spans = [];
    held = [];
    names = [];
  };
  // Each bulk user, as it is validated: counted, measured and placed in a request.
  const onUser = (u: JsonNode, i: number): void => {
    users++;
    countSeeds(u, stats);
    if (oversized !== undefined) return;
    const partBytes = minifiedBytes(text, u.offset, u.offset + u.length);
    if (cutter.oversized(partBytes)) {
      oversized = { index: i, bytes: partBytes + 2, offset: u.offset };
      return;
    }
    if (cutter.add(partBytes)) flush();
    size = cutter.size;
    spans.push([u.offset, u.offset + u.length]);
    held.push(i);
    attributeNamesOf(u, 0, names);
  };
  const validation = validate(text, {
    keepTree: false,
    today: options.today,
    definitions: options.definitions,
    onUser,
  });
  const lines = new LineIndex(text, validation.lineStarts);
  const errors = validation.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    return { ok: false, reason: refusalMessage(errors, lines), diagnostics: errors };
  }
  const top = validation.root;
  if (top === undefined || (top.type !== 'object' && top.type !== 'array')) {
    return {
      ok: false,
      reason: 'Not sent: a seed file holds one user object or an array of user objects.',
      diagnostics: [],
    };
  }
  if (top.type === 'array') {
    if (users === 0) {
      return { ok: false, reason: 'Not sent: the array holds no users.', diagnostics: [] };
    }
    if (oversized !== undefined) {
      return tooBig(oversized.index, oversized.bytes, maxBytes, oversized, lines, true);
    }
    if (held.length > 0) flush();
  } else {
    users = 1;
    countSeeds(top, stats);
    const bytes = minifiedBytes(text, top.offset, top.offset + top.length);
    if (bytes > maxBytes) return tooBig(0, bytes, maxBytes, top, lines, false);
    requests.push(
      lazyRequest(
        text,
        0,
        [0],
        [[top.offset, top.offset + top.length]],
        bytes,
        false,
        attributeNamesOf(top),
      ),
    );
  }
  const plan: SendPlan = {
    shape: top.type === 'array' ? 'bulk' : 'single',
    path: top.type === 'array' ? BULK_PATH : SINGLE_PATH,
    requests,
    users,
    seeds: stats.seeds,
    attributes: [...stats.names],
    bytes: requests.reduce((n, r) => n + r.bytes, 0),
    production: stats.production,
  };
  const warnings = validation.diagnostics.filter((d) => d.severity !== 'error');
  return { ok: true, plan, warnings };
}

function tooBig(
  index: number,
  bytes: number,
  maxBytes: number,
  node: { offset: number },
  lines: LineIndex,
  bulk: boolean,
): PlanResult {
  const line = lines.positionAt(node.offset).line + 1;
  const who = bulk ? `User ${index + 1} (line ${line})` : 'The user';
  return {
    ok: false,
    reason: `Not sent: ${who} takes ${bytes} bytes on its own, above the limit of ${maxBytes} bytes per request; shorten its lists or attributes (or raise the limit if your account allows).`,
    diagnostics: [],
  };
}

function countSeeds(
  u: JsonNode,
  stats: { seeds: number; names: Set<string>; production: boolean },
): void {
  if (getString(u, 'environment') === 'production') stats.production = true;
  for (const entry of workspaceItems(u, 'calculated_attributes')) {
    stats.seeds++;
    const name = getString(entry, 'attribute_name');
    if (name !== undefined) stats.names.add(name);
  }
}
