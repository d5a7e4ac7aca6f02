/**
 * What the emulator accepts, as the documented API does: the body read with the core parser (never
 * JSON.parse, so mpids keep every digit), the required fields, numeric seeds, and — when
 * definitions are given — the attribute names and calculation types of the workspace.
 * All-or-nothing: one error rejects the whole request.
 */
import type { JsonNode } from '../core/ast';
import { getString, getValue } from '../core/ast';
import { CALCULATION_TYPE_ALIASES, NUMERIC_TYPES } from '../core/vocabulary';
import { parse } from '../core/parser';
import type { ApiError } from '../core/send/apiErrors';

export interface Definition {
  name: string;
  calculation_type: string;
}

export interface AcceptedUser {
  /** The mpid exactly as written in the request (digits as text), if any. */
  mpid?: string;
  environment: string;
  identities?: Record<string, string>;
  /** The calculated attribute names seeded for this user. */
  attributes: string[];
  /** The user's own text, as received. */
  text: string;
}

export type CheckResult = { ok: true; users: AcceptedUser[] } | { ok: false; errors: ApiError[] };

const bad = (message: string): ApiError => ({ code: 'BAD_REQUEST', message });

const NUMERIC = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

function isNumeric(node: JsonNode | undefined): boolean {
  if (node === undefined) return false;
  if (node.type === 'number') return true;
  return node.type === 'string' && NUMERIC.test(node.value.trim());
}

function canonicalType(t: string): string {
  return CALCULATION_TYPE_ALIASES[t] ?? t;
}

/** Checks one request body for `path` (`single` or `bulk`). */
export function checkBody(
  body: string,
  shape: 'single' | 'bulk',
  definitions: readonly Definition[] | undefined,
): CheckResult {
  const { root, diagnostics } = parse(body);
  const syntax = diagnostics.find((d) => d.severity === 'error');
  if (syntax !== undefined || root === undefined) {
    return { ok: false, errors: [bad(`Malformed JSON: ${syntax?.message ?? 'empty body'}`)] };
  }
  if (shape === 'single' && root.type !== 'object') {
    return { ok: false, errors: [bad('Malformed request: expected one user object')] };
  }
  if (shape === 'bulk' && root.type !== 'array') {
    return { ok: false, errors: [bad('Malformed request: expected an array of user objects')] };
  }
  const users = root.type === 'array' ? root.items : [root];
  if (users.length === 0) return { ok: false, errors: [bad('Malformed request: no users')] };
  const errors: ApiError[] = [];
  const accepted: AcceptedUser[] = [];
  for (const user of users) {
    const u = checkUser(user, body, definitions, errors);
    if (u !== undefined) accepted.push(u);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, users: accepted };
}

function checkUser(
  user: JsonNode,
  body: string,
  definitions: readonly Definition[] | undefined,
  errors: ApiError[],
): AcceptedUser | undefined {
  if (user.type !== 'object') {
    errors.push(bad('Malformed request: each user must be an object'));
    return undefined;
  }
  const before = errors.length;
  const environment = getString(user, 'environment');
  if (environment === undefined) errors.push(bad('Missing required field: environment'));
  else if (environment !== 'production' && environment !== 'development') {
    errors.push(bad(`Invalid environment: ${environment}`));
  }
  const mpidNode = getValue(user, 'mpid');
  const identitiesNode = getValue(user, 'identities');
  let mpid: string | undefined;
  if (mpidNode !== undefined) {
    if (mpidNode.type !== 'number' || !/^-?\d+$/.test(mpidNode.raw)) {
      errors.push(bad('Invalid mpid: must be an integer'));
    } else mpid = mpidNode.raw;
  }
  let identities: Record<string, string> | undefined;
  if (identitiesNode?.type === 'object') {
    identities = {};
    for (const p of identitiesNode.properties) {
      if (p.value?.type === 'string') identities[p.key.value] = p.value.value;
    }
  }
  if (mpid === undefined && (identities === undefined || Object.keys(identities).length === 0)) {
    if (mpidNode === undefined) errors.push(bad('Missing required field: mpid or identities'));
  }
  const ws = getValue(getValue(user, 'calculated_attributes'), 'workspace');
  const attributes: string[] = [];
  if (ws?.type !== 'array') {
    errors.push(bad('Missing required field: calculated_attributes.workspace'));
  } else {
    for (const entry of ws.items) {
      const name = checkSeed(entry, definitions, errors);
      if (name !== undefined) attributes.push(name);
    }
  }
  if (errors.length > before) return undefined;
  return {
    mpid,
    environment: environment ?? '',
    identities,
    attributes,
    text: body.slice(user.offset, user.offset + user.length),
  };
}

function checkSeed(
  entry: JsonNode,
  definitions: readonly Definition[] | undefined,
  errors: ApiError[],
): string | undefined {
  const name = getString(entry, 'attribute_name');
  if (entry.type !== 'object' || name === undefined) {
    errors.push(bad('Missing required field: attribute_name'));
    return undefined;
  }
  const type = getString(entry, 'calculation_type');
  const missing = (['calculation_type', 'cutoff_date', 'seed'] as const).filter(
    (f) => getValue(entry, f) === undefined,
  );
  if (missing.length > 0) {
    errors.push(bad(`${name}: Missing required field ${missing.join(', ')}`));
    return undefined;
  }
  const cutoff = getString(entry, 'cutoff_date');
  if (cutoff === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(cutoff)) {
    errors.push(bad(`${name}: Invalid cutoff_date, expected yyyy-MM-dd`));
  }
  const canonical = canonicalType(type ?? '');
  if (definitions !== undefined) {
    const def = definitions.find(
      (d) => d.name === name && canonicalType(d.calculation_type) === canonical,
    );
    if (def === undefined) {
      errors.push(bad(`${name}: No matching calculated attribute definition found`));
      return undefined;
    }
  }
  const seed = getValue(entry, 'seed');
  if (NUMERIC_TYPES.has(canonical) && !isNumeric(getValue(seed, 'value'))) {
    errors.push(bad(`${name}: Seed value must be numeric`));
  } else if (canonical === 'average') {
    const kv = getValue(seed, 'key_value_pairs');
    if (!isNumeric(getValue(kv, 'sum')) || !isNumeric(getValue(kv, 'count'))) {
      errors.push(bad(`${name}: Seed value must be numeric`));
    }
  }
  return name;
}
