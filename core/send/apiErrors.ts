/**
 * A 400 body `{"errors":[{"code":"BAD_REQUEST","message":"<CA name>: <text>"}]}` mapped back onto
 * the document: each message lands on the `attribute_name` nodes with that name in the users of
 * the request that carried it. Messages naming no attribute of that request stay request-level.
 */
import type { JsonNode } from '../ast';
import { getString, getValue } from '../ast';
import type { SeedDiagnostic } from '../diagnostics';
import { parse } from '../parser';
import type { AttributeName } from './cut';
import { attributeNamesOf } from './cut';
import { sanitize } from './sanitize';

export interface ApiError {
  code?: string;
  message: string;
}

/**
 * The `errors` of a response body, read with the core parser; [] when there are none. Messages and
 * codes come back sanitized (no escape sequences or control characters): they are printed as is.
 */
export function parseErrorBody(body: string): ApiError[] {
  if (body.trim() === '') return [];
  const { root } = parse(body);
  const list = getValue(root, 'errors');
  if (list?.type !== 'array') return [];
  const out: ApiError[] = [];
  for (const item of list.items) {
    const raw = getString(item, 'message');
    if (raw === undefined) continue;
    const message = sanitize(raw);
    const rawCode = getString(item, 'code');
    const code = rawCode === undefined ? undefined : sanitize(rawCode);
    out.push(code === undefined ? { message } : { code, message });
  }
  return out;
}

export interface MappedErrors {
  diagnostics: SeedDiagnostic[];
  /** Messages that name no attribute of the request. */
  unmatched: ApiError[];
}

/** Maps API errors onto the `attribute_name` nodes of `users` (the users of one request). */
export function mapApiErrors(
  errors: readonly ApiError[],
  users: readonly JsonNode[],
): MappedErrors {
  const names: AttributeName[] = [];
  for (const u of users) attributeNamesOf(u, 0, names);
  return mapApiErrorsOnNames(errors, names);
}

/**
 * Maps API errors onto the attribute names of one request (offsets carried by the planned
 * request: no syntax tree needed). A message `"<name>: <text>"` matches the longest attribute name
 * it starts with, so names containing ": " still match; calculated attributes before user
 * attributes. The diagnostic's message is the API's text.
 */
export function mapApiErrorsOnNames(
  errors: readonly ApiError[],
  names: readonly AttributeName[],
): MappedErrors {
  const ca = names.filter((n) => n.section === 'calculated_attributes');
  const ua = names.filter((n) => n.section === 'user_attributes');
  const diagnostics: SeedDiagnostic[] = [];
  const unmatched: ApiError[] = [];
  for (const error of errors) {
    const nodes = matchingNames(error.message, ca) ?? matchingNames(error.message, ua);
    if (nodes === undefined) {
      unmatched.push(error);
      continue;
    }
    for (const node of nodes) {
      diagnostics.push({
        code: 'api-error',
        severity: 'error',
        message: error.message,
        offset: node.offset,
        length: node.length,
      });
    }
  }
  return { diagnostics, unmatched };
}

function matchingNames(
  message: string,
  nodes: readonly AttributeName[],
): AttributeName[] | undefined {
  let best: string | undefined;
  for (const n of nodes) {
    if (message.startsWith(`${n.name}:`) && (best === undefined || n.name.length > best.length))
      best = n.name;
  }
  if (best === undefined) return undefined;
  return nodes.filter((n) => n.name === best);
}
