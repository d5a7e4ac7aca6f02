/**
 * The published JSON Schema of a seed payload (`schemas/caseed.schema.json`, generated from the
 * vocabulary by `npm run schema`), compiled by ajv. caseed validates shape on the tree
 * (core/shapeValidator.ts); ajv is the oracle the tests hold that validator to, and the check that
 * the published file compiles and holds.
 */
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { AJV_OPTIONS } from './ajv';
import schemaJson from '../schemas/caseed.schema.json';

export const SCHEMA: Readonly<Record<string, unknown>> = schemaJson;
export const SCHEMA_ID = schemaJson.$id;

let ajv: Ajv | undefined;

function getAjv(): Ajv {
  if (ajv === undefined) {
    ajv = new Ajv(AJV_OPTIONS);
    ajv.addSchema(schemaJson);
  }
  return ajv;
}

/** The published schema's `user` definition, compiled: one user object (a bulk array's element). */
export function userSchemaValidator(): ValidateFunction {
  const v = getAjv().getSchema(`${SCHEMA_ID}#/definitions/user`);
  if (v === undefined) throw new Error('caseed.schema.json has no user definition');
  return v;
}

/** The full published schema compiled on its own (tests check that it compiles and holds). */
export function compilePublishedSchema(): ValidateFunction {
  return new Ajv(AJV_OPTIONS).compile(schemaJson);
}
