/**
 * The emulator's Platform API: the OAuth client-credentials token endpoint (`POST /oauth/token`)
 * and the calculated attribute list of a workspace (`GET|HEAD
 * /platform/v2/workspaces/{id}/calculatedattributes`), which checks the bearer token. The list is
 * made from a definitions file, spelling the data point both ways the documentation does
 * (`data_point` and `datapoint`, alternating), so a pull is tested end to end offline.
 */
import { randomBytes } from 'node:crypto';
import type { CaDefinition, DefinitionsFile } from '../core/definitions/model';

export interface PlatformOptions {
  clientId: string;
  clientSecret: string;
  definitions: DefinitionsFile;
  /** How long a token lasts (default 28800 s, as documented). */
  tokenTtlSeconds?: number;
  /** Statuses answered to the first list requests, in order (e.g. [503, 503] or [403]). */
  listFaults?: number[];
  /** Answer the list with a body that is not a JSON array of CAs. */
  malformedList?: boolean;
  /** `alternate` (default): even CAs spell `data_point`, odd ones `datapoint`. */
  dataPointSpelling?: 'data_point' | 'datapoint' | 'alternate';
}

export interface PlatformAnswer {
  status: number;
  body?: unknown;
  /** A raw body (for the malformed-list fault). */
  raw?: string;
}

export interface Platform {
  /** Answers a Platform API request, or undefined when the path is not one of its routes. */
  handle(
    method: string,
    path: string,
    authorization: string | undefined,
    body: string,
  ): PlatformAnswer | undefined;
  /** True when `path` is one of its routes (they check their own credentials). */
  owns(path: string): boolean;
  /** Tokens issued so far (tests grep output and files for them). */
  readonly tokens: readonly string[];
}

const LIST = /^\/platform\/v2\/workspaces\/([^/]+)\/calculatedattributes$/;

/** A definition as the Platform API shows a CA. */
export function toPlatform(
  d: CaDefinition,
  index: number,
  spelling: PlatformOptions['dataPointSpelling'],
): unknown {
  const key =
    spelling === 'datapoint' || (spelling !== 'data_point' && index % 2 === 1)
      ? 'datapoint'
      : 'data_point';
  const definition = {
    recipe_type: 'event',
    [key]: d.data_point ?? null,
    conditions: null,
    calculation_type: d.calculation_type,
    time_period: d.time_period ?? null,
    seeding:
      typeof d.cutoff_date === 'string' ? { cutoff_date: `${d.cutoff_date}T00:00:00` } : null,
  };
  const active = d.status === 'active';
  // The API sometimes writes timestamps without a zone: do so for every other CA.
  const modified = d.last_modified ?? null;
  return {
    id: d.id ?? index + 1,
    name: d.name,
    description: d.description ?? null,
    created_on: modified,
    created_by: 'emulator@example.com',
    last_modified_on: modified !== null && index % 2 === 1 ? modified.replace(/Z$/, '') : modified,
    last_modified_by: 'emulator@example.com',
    active_definition: active ? definition : null,
    draft_definition: active ? null : definition,
    audience_count: 0,
    activated_on: active ? modified : null,
    activated_by: active ? 'emulator@example.com' : null,
  };
}

function readJson(body: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(body);
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function createPlatform(options: PlatformOptions): Platform {
  const issued = new Map<string, number>();
  const tokens: string[] = [];
  const faults = [...(options.listFaults ?? [])];
  const ttl = options.tokenTtlSeconds ?? 28800;
  const workspace = options.definitions.workspace_id;

  const token = (body: string): PlatformAnswer => {
    const b = readJson(body);
    if (b === undefined || b.grant_type !== 'client_credentials')
      return { status: 400, body: { error: 'invalid_request' } };
    if (b.client_id !== options.clientId || b.client_secret !== options.clientSecret)
      return { status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } };
    const t = `emu-${randomBytes(24).toString('hex')}`;
    issued.set(t, Date.now() + ttl * 1000);
    tokens.push(t);
    return { status: 200, body: { access_token: t, expires_in: ttl, token_type: 'Bearer' } };
  };

  const list = (id: string, authorization: string | undefined, head: boolean): PlatformAnswer => {
    const m = /^Bearer (.+)$/.exec(authorization ?? '');
    const expiry = m === null ? undefined : issued.get(m[1]);
    if (expiry === undefined || expiry < Date.now()) return { status: 401 };
    const fault = faults.shift();
    if (fault !== undefined)
      return { status: fault, body: { errors: [{ message: `injected ${fault}` }] } };
    if (workspace !== undefined && id !== workspace)
      return { status: 404, body: { errors: [{ message: `Workspace ${id} not found` }] } };
    if (head) return { status: 204 };
    if (options.malformedList === true) return { status: 200, raw: '{"calculated_attributes": ' };
    return {
      status: 200,
      body: options.definitions.calculated_attributes.map((d, i) =>
        toPlatform(d, i, options.dataPointSpelling),
      ),
    };
  };

  return {
    tokens,
    owns: (path) => path === '/oauth/token' || LIST.test(path),
    handle(method, path, authorization, body) {
      if (path === '/oauth/token') {
        return method === 'POST' ? token(body) : { status: 405 };
      }
      const m = LIST.exec(path);
      if (m === null) return undefined;
      if (method !== 'GET' && method !== 'HEAD') return { status: 405 };
      return list(decodeURIComponent(m[1]), authorization, method === 'HEAD');
    },
  };
}
