/**
 * The JSON Schema of a seed payload (`schemas/caseed.schema.json`, the single source of truth for
 * shape), compiled once, on first use, by ajv. Validation runs the `user` definition on one user at
 * a time so that a bulk file never has to exist as one big JavaScript value.
 */
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import schemaJson from '../schemas/caseed.schema.json';
import type { AstCheck } from './schemaAst';
import { compileAstCheck } from './schemaAst';

export const SCHEMA: Readonly<Record<string, unknown>> = schemaJson;
export const SCHEMA_ID = schemaJson.$id;

/**
 * Parts of the published schema whose every error a hand-written rule reports instead (with better
 * messages, ranges and fixes; see core/rules/shape.ts). The runtime validator leaves them out: it
 * would only compute errors that are then dropped. Each entry: a JSON pointer and the keywords to
 * remove there.
 */
const RULE_OWNED: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['/definitions/user', ['anyOf']], // mpid or identities → missing-user-id (mpid.ts)
  ['/definitions/user/properties/mpid', ['type']], // from its text (mpid.ts)
  ['/definitions/identities', ['minProperties', 'additionalProperties', 'properties']], // identities.ts
  ['/definitions/seedEntry', ['allOf']], // per-type seed shape (seeds.ts, seedValues.ts)
  ['/definitions/seedEntry/properties/calculation_type', ['enum']], // seeds.ts
  ['/definitions/seedEntry/properties/cutoff_date', ['pattern']], // dates.ts
  ['/definitions/seed/properties/value', ['type']], // seedValues.ts
  ['/definitions/seed/properties/list', ['type', 'items']], // seedValues.ts
  ['/definitions/seed/properties/key_value_pairs', ['type', 'additionalProperties']], // seedValues.ts
  ['/definitions/userAttribute/properties/attribute_value', ['type']], // attributes.ts
];

/** The published schema without the parts hand-written rules own. */
function runtimeSchema(): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(schemaJson)) as Record<string, unknown>;
  for (const [pointer, keywords] of RULE_OWNED) {
    let node = copy;
    for (const seg of pointer.split('/').slice(1)) node = node[seg] as Record<string, unknown>;
    for (const k of keywords) {
      if (!(k in node)) throw new Error(`caseed.schema.json: no "${k}" at ${pointer}`);
      delete node[k];
    }
  }
  return copy;
}

let runtime: Record<string, unknown> | undefined;
let ajv: Ajv | undefined;
let userValidator: ValidateFunction | undefined;
let userCheck: AstCheck | false | undefined;

function getRuntimeSchema(): Record<string, unknown> {
  return (runtime ??= runtimeSchema());
}

function getAjv(): Ajv {
  if (ajv === undefined) {
    // verbose: errors carry their parent schema (the known property names for "did you mean").
    ajv = new Ajv({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      strictTypes: false,
    });
    ajv.addSchema(getRuntimeSchema());
  }
  return ajv;
}

/** The compiled validator of one user object. */
export function userSchemaValidator(): ValidateFunction {
  if (userValidator === undefined) {
    const v = getAjv().getSchema(`${SCHEMA_ID}#/definitions/user`);
    if (v === undefined) throw new Error('caseed.schema.json has no user definition');
    userValidator = v;
  }
  return userValidator;
}

/**
 * The same user schema as a yes/no check on the tree (the fast path for valid users; see
 * schemaAst.ts), or undefined when the schema uses a keyword the tree check does not know.
 */
export function userAstCheck(): AstCheck | undefined {
  if (userCheck === undefined) {
    const root = getRuntimeSchema();
    const user = (root.definitions as Record<string, Record<string, unknown>>).user;
    userCheck = compileAstCheck(user, root) ?? false;
  }
  return userCheck === false ? undefined : userCheck;
}

/** The full published schema compiled on its own (tests check that it compiles and holds). */
export function compilePublishedSchema(): ValidateFunction {
  return new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
  }).compile(schemaJson);
}
