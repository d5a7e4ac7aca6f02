/**
 * ajv as caseed compiles JSON Schemas: every error, strict about the schema itself. The published
 * schemas (core/schema.ts; the definitions and mapping files' readers) compile through here.
 */
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { JsonNode } from './ast';
import { getValue } from './ast';

export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  strictTypes: false,
};

/**
 * A published schema (the definitions file's, the mapping file's) compiled on first use, with every
 * error and the failing data on it (`verbose`) for positioned diagnostics.
 */
export function lazySchemaValidator(schema: object): () => ValidateFunction {
  let validator: ValidateFunction | undefined;
  return () => (validator ??= new Ajv({ ...AJV_OPTIONS, verbose: true }).compile(schema));
}

/** The node an ajv instance path (a JSON pointer: `/calculated_attributes/0/name`) points to. */
export function nodeAtInstancePath(
  root: JsonNode | undefined,
  pointer: string,
): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === undefined) return undefined;
    node = node.type === 'array' ? node.items[Number(seg)] : getValue(node, seg);
  }
  return node;
}
