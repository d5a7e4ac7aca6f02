/**
 * The plan of a send: which path, and which users go in which request, with the exact bytes of
 * each request body cut from the user's own text. Pure: no network, no clock.
 */
import type { JsonNode } from '../ast';
import { getString, workspaceItems } from '../ast';
import type { SeedDiagnostic } from '../diagnostics';
import { BULK_PATH, SINGLE_PATH } from '../facts';
import { LineIndex } from '../positions';
import type { Definitions } from '../definitions/model';
import { validate } from '../validate';
import { minifyJson, utf8Length } from './minify';

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
  /** The request body: the users' own text, insignificant whitespace removed. */
  body: string;
  /** The body's length in UTF-8 bytes. */
  bytes: number;
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
  /** The parsed tree (for mapping API errors back to `attribute_name` nodes). */
  root: JsonNode;
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

/** Validates `text` and, when it has no errors, splits it into requests. */
export function planSend(text: string, options: PlanOptions = {}): PlanResult {
  const maxUsers = positive(options.maxUsers, DEFAULT_MAX_USERS);
  const maxBytes = positive(options.maxBytes, DEFAULT_MAX_BYTES);
  const validation = validate(text, {
    keepTree: true,
    today: options.today,
    definitions: options.definitions,
  });
  const lines = new LineIndex(text, validation.lineStarts);
  const errors = validation.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    return { ok: false, reason: refusalMessage(errors, lines), diagnostics: errors };
  }
  const root = validation.root; // keepTree: every user is kept
  if (root === undefined || (root.type !== 'object' && root.type !== 'array')) {
    return {
      ok: false,
      reason: 'Not sent: a seed file holds one user object or an array of user objects.',
      diagnostics: [],
    };
  }
  const users: JsonNode[] = root.type === 'array' ? root.items : [root];
  if (users.length === 0) {
    return { ok: false, reason: 'Not sent: the array holds no users.', diagnostics: [] };
  }
  const stats = countSeeds(users);
  const requests: PlannedRequest[] = [];
  if (root.type === 'object') {
    const body = minifyJson(text, root.offset, root.offset + root.length);
    const bytes = utf8Length(body);
    if (bytes > maxBytes) return tooBig(0, bytes, maxBytes, root, lines, false);
    requests.push({ index: 0, users: [0], body, bytes });
  } else {
    let parts: string[] = [];
    let held: number[] = [];
    let size = 2; // "[" and "]"
    const flush = (): void => {
      requests.push({
        index: requests.length,
        users: held,
        body: `[${parts.join(',')}]`,
        bytes: size,
      });
      parts = [];
      held = [];
      size = 2;
    };
    for (let i = 0; i < users.length; i++) {
      const u = users[i];
      const part = minifyJson(text, u.offset, u.offset + u.length);
      const partBytes = utf8Length(part);
      if (partBytes + 2 > maxBytes) return tooBig(i, partBytes + 2, maxBytes, u, lines, true);
      const added = partBytes + (held.length > 0 ? 1 : 0);
      if (held.length > 0 && (held.length >= maxUsers || size + added > maxBytes)) flush();
      size += partBytes + (held.length > 0 ? 1 : 0);
      parts.push(part);
      held.push(i);
    }
    if (held.length > 0) flush();
  }
  const plan: SendPlan = {
    shape: root.type === 'array' ? 'bulk' : 'single',
    path: root.type === 'array' ? BULK_PATH : SINGLE_PATH,
    requests,
    users: users.length,
    seeds: stats.seeds,
    attributes: [...stats.names],
    bytes: requests.reduce((n, r) => n + r.bytes, 0),
    production: stats.production,
    root,
  };
  const warnings = validation.diagnostics.filter((d) => d.severity !== 'error');
  return { ok: true, plan, warnings };
}

function tooBig(
  index: number,
  bytes: number,
  maxBytes: number,
  node: JsonNode,
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

function countSeeds(users: readonly JsonNode[]): {
  seeds: number;
  names: Set<string>;
  production: boolean;
} {
  let seeds = 0;
  const names = new Set<string>();
  let production = false;
  for (const u of users) {
    if (getString(u, 'environment') === 'production') production = true;
    for (const entry of workspaceItems(u, 'calculated_attributes')) {
      seeds++;
      const name = getString(entry, 'attribute_name');
      if (name !== undefined) names.add(name);
    }
  }
  return { seeds, names, production };
}
