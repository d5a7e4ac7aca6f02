/**
 * A 400 body `{"errors":[{"code":"BAD_REQUEST","message":"<CA name>: <text>"}]}` mapped back onto
 * the document: each message lands on the `attribute_name` nodes with that name in the users of
 * the request that carried it. Messages naming no attribute of that request stay request-level.
 */
import type { JsonNode, StringNode } from '../ast';
import { getString, getValue, workspaceItems } from '../ast';
import type { SeedDiagnostic } from '../diagnostics';
import { parse } from '../parser';
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

/** Every `attribute_name` string node of the given users, calculated attributes first. */
function attributeNameNodes(users: readonly JsonNode[]): { ca: StringNode[]; ua: StringNode[] } {
  const ca: StringNode[] = [];
  const ua: StringNode[] = [];
  for (const u of users) {
    for (const [section, out] of [
      ['calculated_attributes', ca],
      ['user_attributes', ua],
    ] as const) {
      for (const entry of workspaceItems(u, section)) {
        const v = getValue(entry, 'attribute_name');
        if (v?.type === 'string') out.push(v);
      }
    }
  }
  return { ca, ua };
}

export interface MappedErrors {
  diagnostics: SeedDiagnostic[];
  /** Messages that name no attribute of the request. */
  unmatched: ApiError[];
}

/**
 * Maps API errors onto the `attribute_name` nodes of `users` (the users of one request). A message
 * `"<name>: <text>"` matches the longest attribute name it starts with, so names containing ": "
 * still match. The diagnostic's message is the API's text.
 */
export function mapApiErrors(
  errors: readonly ApiError[],
  users: readonly JsonNode[],
): MappedErrors {
  const { ca, ua } = attributeNameNodes(users);
  const diagnostics: SeedDiagnostic[] = [];
  const unmatched: ApiError[] = [];
  for (const error of errors) {
    const nodes = matchingNodes(error.message, ca) ?? matchingNodes(error.message, ua);
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

function matchingNodes(message: string, nodes: readonly StringNode[]): StringNode[] | undefined {
  let best: string | undefined;
  for (const n of nodes) {
    const name = n.value;
    if (message.startsWith(`${name}:`) && (best === undefined || name.length > best.length))
      best = name;
  }
  if (best === undefined) return undefined;
  return nodes.filter((n) => n.value === best);
}
