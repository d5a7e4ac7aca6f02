/**
 * Reading a definitions file: the core parser (positions, tolerant), then the published JSON Schema
 * (schemas/caseed.definitions.schema.json, by ajv) with every error placed on its node, then the
 * checks a schema cannot make (one definition per name). A broken file gives diagnostics and no
 * definitions; it never throws.
 */
import { lazySchemaValidator, nodeAtInstancePath } from '../ajv';
import type { ErrorObject } from 'ajv';
import schemaJson from '../../schemas/caseed.definitions.schema.json';
import type { JsonNode, ObjectNode } from '../ast';
import { getValue } from '../ast';
import { CODES } from '../codes';
import type { Fix, SeedDiagnostic } from '../diagnostics';
import { parse } from '../parser';
import { plainValue } from '../plain';
import { renameKeyFix, replaceFix } from '../rules/edits';
import { closest } from '../rules/suggest';
import type { CaDefinition, Definitions, DefinitionsFile } from './model';
import { withIndex } from './model';

export const DEFINITIONS_SCHEMA: Readonly<Record<string, unknown>> = schemaJson;

const schemaValidator = lazySchemaValidator(schemaJson);

export interface DefinitionsParseResult {
  /** The definitions, when the file is valid (no error diagnostics). */
  definitions: Definitions | undefined;
  diagnostics: SeedDiagnostic[];
  root: JsonNode | undefined;
}

function diag(
  message: string,
  node: { offset: number; length: number },
  fixes?: Fix[],
): SeedDiagnostic {
  const d: SeedDiagnostic = {
    code: 'invalid-definitions',
    severity: CODES['invalid-definitions'].severity,
    message,
    offset: node.offset,
    length: node.length,
  };
  if (fixes !== undefined && fixes.length > 0) d.fixes = fixes;
  return d;
}

function where(pointer: string): string {
  const m = /^\/calculated_attributes\/(\d+)(?:\/(.*))?$/.exec(pointer);
  if (m === null) return pointer === '' ? 'The file' : `"${pointer.slice(1)}"`;
  const item = `Calculated attribute ${Number(m[1]) + 1}`;
  return m[2] === undefined ? item : `${item}: "${m[2]}"`;
}

function schemaDiagnostic(root: JsonNode, e: ErrorObject): SeedDiagnostic | undefined {
  const node = nodeAtInstancePath(root, e.instancePath);
  if (node === undefined) return undefined;
  const at = where(e.instancePath);
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return diag(`${at} needs "${missing}".`, { offset: node.offset, length: 1 });
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const prop =
        node.type === 'object' ? node.properties.find((p) => p.key.value === extra) : undefined;
      const known = Object.keys(
        (e.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      );
      const guess = closest(extra, known);
      const fixes =
        guess === undefined || prop === undefined ? [] : [renameKeyFix(prop.key, guess, true)];
      return diag(
        `${at}: "${extra}" is not a property of a definitions file${guess === undefined ? '' : `; did you mean "${guess}"?`}`,
        prop?.key ?? node,
        fixes,
      );
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.filter(
        (v): v is string => typeof v === 'string',
      );
      const guess = node.type === 'string' ? closest(node.value, allowed) : undefined;
      const fixes =
        guess === undefined
          ? []
          : [replaceFix(node, JSON.stringify(guess), `Change to "${guess}"`, true)];
      return diag(
        `${at} must be one of ${allowed.join(', ')}${guess === undefined ? '' : `; did you mean "${guess}"?`}`,
        node,
        fixes,
      );
    }
    case 'pattern':
      return diag(
        `${at} must be ${e.instancePath.endsWith('pulled_at') ? 'an ISO 8601 UTC timestamp (2024-06-15T08:00:00Z)' : 'a date written yyyy-MM-dd'}.`,
        node,
      );
    case 'type':
      return diag(
        `${at} must be ${(e.params as { type: string }).type.replace(',', ' or ')}.`,
        node,
      );
    default:
      return diag(`${at} ${e.message ?? 'is not valid'}.`, node);
  }
}

function str(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? node.value : undefined;
}

/** Reads a definitions file; `source` names it (a URI or path) in the result. */
export function parseDefinitions(text: string, source: string): DefinitionsParseResult {
  const { root, diagnostics } = parse(text);
  const out = diagnostics.filter((d) => d.severity === 'error');
  if (root === undefined || out.length > 0)
    return { definitions: undefined, diagnostics: out, root };
  if (root.type !== 'object')
    return {
      definitions: undefined,
      diagnostics: [
        diag('A definitions file is one object with a "calculated_attributes" array.', root),
      ],
      root,
    };
  const plain = plainValue(root);
  const validate = schemaValidator();
  if (!validate(plain)) {
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      // Nullable enums report "type" and "enum" twice over: one message per node and keyword.
      const key = `${e.instancePath}|${e.keyword}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const d = schemaDiagnostic(root, e);
      if (d !== undefined) out.push(d);
    }
  }
  const list = getValue(root, 'calculated_attributes');
  const names = new Map<string, number>();
  if (list?.type === 'array') {
    list.items.forEach((item, i) => {
      const nameNode = getValue(item, 'name');
      const name = str(nameNode);
      if (name === undefined || nameNode === undefined) return;
      const first = names.get(name);
      if (first === undefined) names.set(name, i);
      else
        out.push(
          diag(
            `"${name}" is defined twice (calculated attributes ${first + 1} and ${i + 1}): a workspace has one CA per name.`,
            nameNode,
          ),
        );
    });
  }
  out.sort((a, b) => a.offset - b.offset);
  if (out.length > 0) return { definitions: undefined, diagnostics: out, root };
  const file = plain as DefinitionsFile;
  const ws = getValue(root, 'workspace_id');
  const result: DefinitionsFile = {
    ...file,
    workspace_id: ws?.type === 'number' ? ws.raw : undefined,
    calculated_attributes: (file.calculated_attributes ?? []) as CaDefinition[],
  };
  if (result.workspace_id === undefined) delete result.workspace_id;
  return { definitions: withIndex(result, source), diagnostics: [], root: root as ObjectNode };
}
