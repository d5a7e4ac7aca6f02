/**
 * Reading a mapping file (`*.caseed-map.json`): the core parser (positions, tolerant), then the
 * published JSON Schema (`schemas/caseed-map.schema.json`, by ajv) with each error placed on its
 * node. What needs the export's header or the definitions is checked by `compileMapping`, which
 * places its diagnostics through the `locate` returned here. Never throws.
 */
import { lazySchemaValidator, nodeAtInstancePath } from '../ajv';
import type { ErrorObject } from 'ajv';
import schemaJson from '../../schemas/caseed-map.schema.json';
import type { JsonNode } from '../ast';
import { getProperty } from '../ast';
import { CODES } from '../codes';
import type { Fix, SeedDiagnostic } from '../diagnostics';
import { parse } from '../parser';
import { replaceFix } from '../rules/edits';
import { closest } from '../rules/suggest';
import type { MappingFile } from './model';

const schemaValidator = lazySchemaValidator(schemaJson);

export interface Span {
  offset: number;
  length: number;
}

/** Where a JSON pointer (`/calculated_attributes/0/column`) is in the file; `key` for its name. */
export type Locate = (pointer: string, key?: boolean) => Span;

export interface MappingParseResult {
  mapping: MappingFile | undefined;
  diagnostics: SeedDiagnostic[];
  locate: Locate;
  root: JsonNode | undefined;
}

export function mappingDiagnostic(message: string, at: Span, fixes?: Fix[]): SeedDiagnostic {
  const d: SeedDiagnostic = {
    code: 'invalid-mapping',
    severity: CODES['invalid-mapping'].severity,
    message,
    offset: at.offset,
    length: at.length,
  };
  if (fixes !== undefined && fixes.length > 0) d.fixes = fixes;
  return d;
}

function locator(root: JsonNode | undefined): Locate {
  return (pointer, key) => {
    if (key === true) {
      const cut = pointer.lastIndexOf('/');
      const parent = nodeAtInstancePath(root, pointer.slice(0, cut));
      const prop = getProperty(parent, pointer.slice(cut + 1));
      if (prop !== undefined) return { offset: prop.key.offset, length: prop.key.length };
    }
    // The nearest node that exists, down from the pointer (a missing property: its object).
    let p = pointer;
    for (;;) {
      const n = nodeAtInstancePath(root, p);
      if (n !== undefined) return { offset: n.offset, length: n.type === 'object' ? 1 : n.length };
      if (p === '') return { offset: 0, length: 0 };
      p = p.slice(0, p.lastIndexOf('/'));
    }
  };
}

/** A readable name for a pointer: `Calculated attribute 2: "column"`. */
export function where(pointer: string): string {
  const m = /^\/(calculated_attributes|user_attributes)\/(\d+)(?:\/(.*))?$/.exec(pointer);
  if (m === null) return pointer === '' ? 'The mapping' : `"${pointer.slice(1)}"`;
  const item = `${m[1] === 'user_attributes' ? 'User attribute' : 'Calculated attribute'} ${Number(m[2]) + 1}`;
  return m[3] === undefined ? item : `${item}: "${m[3]}"`;
}

function schemaDiagnostic(root: JsonNode, e: ErrorObject, locate: Locate): SeedDiagnostic {
  const at = where(e.instancePath);
  const span = locate(e.instancePath);
  const node = nodeAtInstancePath(root, e.instancePath);
  switch (e.keyword) {
    case 'required':
      return mappingDiagnostic(
        `${at} needs "${(e.params as { missingProperty: string }).missingProperty}".`,
        span,
      );
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(
        (e.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      );
      const guess = closest(extra, known);
      const keySpan = locate(`${e.instancePath}/${extra}`, true);
      const fixes =
        guess === undefined
          ? []
          : [replaceFix(keySpan, JSON.stringify(guess), `Rename to "${guess}"`, true)];
      return mappingDiagnostic(
        `${at}: "${extra}" is not a property of a mapping${guess === undefined ? '' : `; did you mean "${guess}"?`}`,
        keySpan,
        fixes,
      );
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const guess = node?.type === 'string' ? closest(node.value, allowed) : undefined;
      const fixes =
        guess === undefined
          ? []
          : [replaceFix(span, JSON.stringify(guess), `Change to "${guess}"`, true)];
      return mappingDiagnostic(
        `${at} must be one of ${allowed.join(', ')}${guess === undefined ? '' : `; did you mean "${guess}"?`}`,
        span,
        fixes,
      );
    }
    case 'pattern':
      return mappingDiagnostic(`${at} must be a date written yyyy-MM-dd.`, span);
    case 'type':
      return mappingDiagnostic(
        `${at} must be ${(e.params as { type: string }).type.replace(',', ' or ')}.`,
        span,
      );
    case 'minLength':
      return mappingDiagnostic(`${at} must not be empty.`, span);
    case 'oneOf':
      return mappingDiagnostic(
        e.instancePath === '/environment'
          ? '"environment" is "development", "production", or { "column": "…" }.'
          : '"identities" is a list of columns, or an object from identity name to column.',
        span,
      );
    default:
      return mappingDiagnostic(`${at} ${e.message ?? 'is not valid'}.`, span);
  }
}

/** Reads a mapping file's text. A broken file gives diagnostics and no mapping. */
export function parseMapping(text: string): MappingParseResult {
  const { root, diagnostics } = parse(text);
  const locate = locator(root);
  const out = diagnostics.filter((d) => d.severity === 'error');
  if (root === undefined || out.length > 0)
    return { mapping: undefined, diagnostics: out, locate, root };
  if (root.type !== 'object')
    return {
      mapping: undefined,
      diagnostics: [
        mappingDiagnostic('A mapping file is one object with a "calculated_attributes" array.', {
          offset: root.offset,
          length: root.length,
        }),
      ],
      locate,
      root,
    };
  // Columns, names and dates are all strings: JSON.parse loses nothing here.
  const plain = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  const validate = schemaValidator();
  if (!validate(plain)) {
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      // oneOf reports each branch's failure too: keep the oneOf message for those paths.
      if (e.schemaPath.includes('/oneOf/')) continue;
      const key = `${e.instancePath}|${e.keyword}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(schemaDiagnostic(root, e, locate));
    }
  }
  if (out.length > 0) return { mapping: undefined, diagnostics: out, locate, root };
  return { mapping: plain as MappingFile, diagnostics: [], locate, root };
}
