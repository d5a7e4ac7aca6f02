/**
 * ajv as caseed compiles JSON Schemas: every error, strict about the schema itself. The published
 * schemas (core/schema.ts; the definitions and mapping files' readers) compile through here.
 */
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';

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
