/**
 * Shape: the schema (ajv) checks one user, and each schema error becomes one of our diagnostics on
 * the most precise node. Errors that a hand-written rule reports better (mpid, identities, seeds,
 * dates, calculation types, attribute values) are dropped here so that every problem is reported
 * exactly once.
 */
import type { ErrorObject } from 'ajv';
import type { JsonNode, ObjectNode, PropertyNode } from '../ast';
import { getProperty, getString } from '../ast';
import type { Fix } from '../diagnostics';
import { LIMITS } from '../vocabulary';
import { ENVIRONMENTS } from '../vocabulary';
import { userAstCheck, userSchemaValidator } from '../schema';
import type { RuleContext } from './context';
import { report, reportNode, typeName } from './context';
import { insertPropertyEdit, removePropertyFix, renameKeyFix, replaceFix } from './edits';
import { plainUser } from './plain';
import { seedSkeleton } from './skeletons';
import { closest } from './suggest';
import { quoted } from '../excerpt';

/** Runs the schema on one user and reports what it finds. */
export function checkShape(ctx: RuleContext, user: ObjectNode): void {
  // Fast path: the same schema evaluated on the tree; a user it accepts, ajv accepts.
  const fast = userAstCheck();
  if (fast !== undefined && fast(user)) return;
  const validateUser = userSchemaValidator();
  if (validateUser(plainUser(user))) return;
  const errors = validateUser.errors ?? [];
  let typed: Set<string> | undefined;
  for (const e of errors) {
    if (e.keyword === 'type') (typed ??= new Set()).add(e.instancePath);
  }
  for (const e of errors) {
    if (e.keyword !== 'type' && typed?.has(e.instancePath)) continue;
    mapError(ctx, user, e);
  }
}

interface Located {
  node: JsonNode;
  /** The property whose value `node` is, when reached by a key. */
  prop: PropertyNode | undefined;
  /** The path with array indexes replaced by `*`, e.g. `calculated_attributes/workspace/*`. */
  key: string;
}

function locate(user: ObjectNode, instancePath: string): Located | undefined {
  let node: JsonNode = user;
  let prop: PropertyNode | undefined;
  let key = '';
  if (instancePath === '') return { node, prop, key };
  const segments = instancePath.split('/');
  for (let i = 1; i < segments.length; i++) {
    const seg = segments[i].replace(/~1/g, '/').replace(/~0/g, '~');
    let next: JsonNode | undefined;
    if (node.type === 'array') {
      next = node.items[Number(seg)];
      prop = undefined;
      key += key === '' ? '*' : '/*';
    } else {
      prop = getProperty(node, seg);
      next = prop?.value;
      key += key === '' ? seg : `/${seg}`;
    }
    if (next === undefined) return undefined;
    node = next;
  }
  return { node, prop, key };
}

/** True for schema errors that a hand-written rule reports instead. */
function handledElsewhere(e: ErrorObject, key: string): boolean {
  if (e.keyword === 'if' || e.schemaPath.startsWith('#/allOf')) return true; // per-type seed shape
  if (key === '' && e.schemaPath.startsWith('#/anyOf')) return true; // missing-user-id
  if (key === 'mpid') return true;
  if (key.startsWith('identities')) return !(key === 'identities' && e.keyword === 'type');
  if (key.includes('/seed/')) return true;
  if (e.keyword === 'enum' && key.endsWith('/calculation_type')) return true;
  if (e.keyword === 'pattern' && key.endsWith('/cutoff_date')) return true;
  if (e.keyword === 'type' && key === 'user_attributes/workspace/*/attribute_value') return true;
  return false;
}

function mapError(ctx: RuleContext, user: ObjectNode, e: ErrorObject): void {
  const at = locate(user, e.instancePath);
  if (at === undefined || handledElsewhere(e, at.key)) return;
  const { node, key } = at;
  switch (e.keyword) {
    case 'required':
      if (node.type === 'object')
        missingProperty(ctx, at, node, String(e.params.missingProperty), e.parentSchema);
      return;
    case 'type':
      wrongType(ctx, at, e.params.type as string | string[]);
      return;
    case 'additionalProperties':
      if (node.type === 'object')
        unknownProperty(ctx, at, node, String(e.params.additionalProperty), e.parentSchema);
      return;
    case 'enum':
      if (key === 'environment') return invalidEnvironment(ctx, node);
      break;
    case 'minItems':
      if (key === 'calculated_attributes/workspace' && hasUserAttributes(user))
        return reportNode(
          ctx,
          'only-user-attributes',
          '"workspace" is empty: this request seeds no calculated attribute and only sets the user attributes. Add seeds, or leave it so if that is what you mean.',
          node,
        );
      if (key === 'calculated_attributes/workspace')
        return reportNode(
          ctx,
          'empty-workspace',
          '"workspace" is empty: add at least one seed ({ "attribute_name", "calculation_type", "cutoff_date", "seed" }).',
          node,
        );
      break;
    case 'maxItems':
      if (node.type === 'array' && node.items.length > LIMITS.userAttributesPerUser) {
        const first = node.items[LIMITS.userAttributesPerUser];
        const last = node.items[node.items.length - 1];
        return report(
          ctx,
          'too-many-user-attributes',
          `${node.items.length} user attributes: at most ${LIMITS.userAttributesPerUser} per user are accepted. Move these to another request.`,
          first.offset,
          last.offset + last.length - first.offset,
        );
      }
      break;
    case 'minLength':
      if (key.endsWith('attribute_name'))
        return reportNode(
          ctx,
          'empty-attribute-name',
          '"attribute_name" is empty: write the name of the attribute as defined in the workspace.',
          node,
        );
      break;
    case 'maxLength':
      if (node.type === 'string' && key.endsWith('attribute_name'))
        return reportNode(
          ctx,
          'attribute-name-too-long',
          `This name has ${node.value.length} characters; attribute names are limited to ${LIMITS.attributeNameLength}. Shorten it.`,
          node,
        );
      if (node.type === 'string' && key.endsWith('attribute_value'))
        return reportNode(
          ctx,
          'attribute-value-too-long',
          `This value has ${node.value.length} characters; attribute values are limited to ${LIMITS.attributeValueLength}. Shorten it.`,
          node,
        );
      break;
    default:
      break;
  }
  reportNode(
    ctx,
    'wrong-type',
    `${nameOf(at)} is not valid here: check its type and content.`,
    node,
  );
}

/** True when the user's user_attributes.workspace lists at least one entry. */
function hasUserAttributes(user: ObjectNode): boolean {
  const ua = getProperty(user, 'user_attributes')?.value;
  const ws = ua?.type === 'object' ? getProperty(ua, 'workspace')?.value : undefined;
  return ws?.type === 'array' && ws.items.length > 0;
}

/** How a message names the value at a location: `"seed"`, or `this entry of "workspace"`. */
function nameOf(at: Located): string {
  if (at.prop !== undefined) return quoted(at.prop.key.value);
  if (at.key === '') return 'The user';
  const parent = at.key.slice(0, at.key.lastIndexOf('/'));
  return `This entry of "${parent.slice(parent.lastIndexOf('/') + 1)}"`;
}

const PROPERTY_HINTS: Record<string, string> = {
  environment: '"development" or "production"',
  calculated_attributes: 'an object with a "workspace" array of seeds',
  workspace: 'an array of entries',
  attribute_name: 'the attribute name as defined in the workspace',
  calculation_type: 'the calculation type, e.g. "sum"',
  cutoff_date: 'the date (yyyy-MM-dd) before which events are ignored by the live calculation',
  seed: 'the seed object for the calculation type',
  attribute_value: 'the value as a string',
};

/** The property names a schema object defines. */
function knownProperties(schema: unknown): string[] {
  return Object.keys(
    (schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {},
  );
}

function missingProperty(
  ctx: RuleContext,
  at: Located,
  obj: ObjectNode,
  name: string,
  parentSchema: unknown,
): void {
  const existing = getProperty(obj, name);
  if (existing !== undefined) return; // typed but without a value: the parser reported it
  if (name === 'cutoff_date' && getProperty(obj, 'cuttoff_date') !== undefined) return;
  // A misspelt key ("enviroment") is reported once, as unknown-property with a rename fix.
  const known = knownProperties(parentSchema);
  for (const p of obj.properties) {
    const k = p.key.value;
    if (!known.includes(k) && closest(k, known) === name) return;
  }
  const where = at.prop !== undefined ? at.prop.key : { offset: obj.offset, length: 1 };
  const value = defaultValueText(ctx, name, obj);
  const fix: Fix = {
    title: `Add "${name}"`,
    edits: [insertPropertyEdit(obj, name, value, ctx.text)],
    // Only structure or the safe environment is inserted unattended; never guessed data.
    preferred: name === 'environment' || name === 'workspace',
  };
  reportNode(
    ctx,
    'missing-property',
    `Missing required "${name}": add ${PROPERTY_HINTS[name] ?? 'it'}.`,
    where,
    [fix],
  );
}

/** What a quick fix inserts for a missing property. */
function defaultValueText(ctx: RuleContext, name: string, obj: ObjectNode): string {
  switch (name) {
    case 'environment':
      return '"development"';
    case 'calculated_attributes':
    case 'user_attributes':
      return '{ "workspace": [] }';
    case 'workspace':
      return '[]';
    case 'cutoff_date':
      return `"${ctx.today}"`;
    case 'calculation_type':
      return '"sum"';
    case 'seed':
      return seedSkeleton(getString(obj, 'calculation_type'));
    default:
      return '""';
  }
}

function expectedName(type: string | string[]): string {
  const names = (Array.isArray(type) ? type : type.split(',')).map((t) =>
    t === 'object' || t === 'array' || t === 'integer' ? `an ${t}` : `a ${t}`,
  );
  return names.join(' or ');
}

function wrongType(ctx: RuleContext, at: Located, expected: string | string[]): void {
  const { node } = at;
  const want = expectedName(expected);
  const fixes: Fix[] = [];
  // A name written as a number is still a name: quote it. (Other strings have a fixed vocabulary.)
  if (at.key.endsWith('attribute_name') && (node.type === 'number' || node.type === 'boolean')) {
    const raw = ctx.text.slice(node.offset, node.offset + node.length);
    fixes.push(replaceFix(node, JSON.stringify(raw), 'Quote the value', true));
  }
  reportNode(
    ctx,
    'wrong-type',
    `${nameOf(at)} must be ${want}, not ${typeName(node)}.`,
    node,
    fixes,
  );
}

const OBJECT_NAMES: Record<string, string> = {
  '': 'a user',
  calculated_attributes: '"calculated_attributes"',
  'calculated_attributes/workspace/*': 'a calculated attribute entry',
  'calculated_attributes/workspace/*/seed': 'a seed',
  user_attributes: '"user_attributes"',
  'user_attributes/workspace/*': 'a user attribute',
};

function unknownProperty(
  ctx: RuleContext,
  at: Located,
  obj: ObjectNode,
  name: string,
  parentSchema: unknown,
): void {
  const prop = getProperty(obj, name);
  if (prop === undefined) return;
  if (name === 'cuttoff_date' && at.key === 'calculated_attributes/workspace/*') return; // dates.ts
  const known = knownProperties(parentSchema);
  const suggestion = closest(name, known);
  const fixes: Fix[] = [];
  let message = `${quoted(name)} is not a property of ${OBJECT_NAMES[at.key] ?? 'this object'}`;
  if (suggestion !== undefined && getProperty(obj, suggestion) === undefined) {
    message += `: did you mean "${suggestion}"?`;
    fixes.push(renameKeyFix(prop.key, suggestion, true));
  } else {
    message += `; the API ignores or rejects it. Known properties: ${known.join(', ')}.`;
  }
  fixes.push(removePropertyFix(obj, prop, ctx.text, `Remove ${quoted(name)}`, false));
  reportNode(ctx, 'unknown-property', message, prop.key, fixes);
}

function invalidEnvironment(ctx: RuleContext, node: JsonNode): void {
  if (node.type !== 'string') {
    reportNode(
      ctx,
      'invalid-environment',
      `"environment" must be the string "development" or "production", not ${typeName(node)}.`,
      node,
    );
    return;
  }
  const lower = node.value.toLowerCase();
  const guess = lower.startsWith('prod')
    ? 'production'
    : lower.startsWith('dev')
      ? 'development'
      : closest(node.value, ENVIRONMENTS);
  const fixes: Fix[] = ENVIRONMENTS.map((env) =>
    replaceFix(
      node,
      `"${env}"`,
      `Change to "${env}"`,
      env === guess && env === 'development', // never switch to production unattended
    ),
  );
  if (guess === 'production') fixes.reverse();
  reportNode(
    ctx,
    'invalid-environment',
    `${quoted(node.value)} is not an environment: use "development" or "production"${guess ? ` (did you mean "${guess}"?)` : ''}.`,
    node,
    fixes,
  );
}
