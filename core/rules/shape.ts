/**
 * Shape: the tree validator (core/shapeValidator.ts) checks one user against the vocabulary, and
 * each problem becomes one of our diagnostics on the node it is about. What a hand-written rule
 * reports better (mpid, identities, seeds, dates, calculation types, attribute values) is marked
 * `ownedBy` in the vocabulary and never reaches this file, so every problem is reported once.
 */
import type { JsonNode, ObjectNode } from '../ast';
import { getProperty, getString } from '../ast';
import type { Fix } from '../diagnostics';
import { quoted } from '../excerpt';
import type { ShapeError } from '../shapeValidator';
import { validateShape } from '../shapeValidator';
import type { ObjectKind } from '../vocabulary';
import { ENVIRONMENTS, LIMITS, OBJECTS, propertyNames, propertySpec } from '../vocabulary';
import type { RuleContext } from './context';
import { report, reportNode, typeName } from './context';
import { insertPropertyEdit, removePropertyFix, renameKeyFix, replaceFix } from './edits';
import { seedSkeleton } from './skeletons';
import { closest } from './suggest';

/** Checks the shape of one user and reports what it finds. */
export function checkShape(ctx: RuleContext, user: ObjectNode): void {
  validateShape(user, 'user', (e) => mapError(ctx, user, e));
}

function mapError(ctx: RuleContext, user: ObjectNode, e: ShapeError): void {
  const { node, kind } = e;
  const name = e.spec?.name;
  switch (e.keyword) {
    case 'required':
      if (node.type === 'object' && kind !== undefined && kind in OBJECTS)
        missingProperty(ctx, e, node, kind as ObjectKind, e.missingProperty ?? '');
      return;
    case 'type':
      wrongType(ctx, e, e.expected ?? []);
      return;
    case 'additionalProperties':
      if (node.type === 'object' && kind !== undefined && kind in OBJECTS)
        unknownProperty(ctx, node, kind as ObjectKind, e.additionalProperty ?? '');
      return;
    case 'enum':
      if (name === 'environment') return invalidEnvironment(ctx, node);
      break;
    case 'minItems':
      if (kind === 'seed-entries' && hasUserAttributes(user))
        return reportNode(
          ctx,
          'only-user-attributes',
          '"workspace" is empty: this request seeds no calculated attribute and only sets the user attributes. Add seeds, or leave it so if that is what you mean.',
          node,
        );
      if (kind === 'seed-entries')
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
      if (name === 'attribute_name')
        return reportNode(
          ctx,
          'empty-attribute-name',
          '"attribute_name" is empty: write the name of the attribute as defined in the workspace.',
          node,
        );
      break;
    case 'maxLength':
      if (node.type === 'string' && name === 'attribute_name')
        return reportNode(
          ctx,
          'attribute-name-too-long',
          `This name has ${node.value.length} characters; attribute names are limited to ${LIMITS.attributeNameLength}. Shorten it.`,
          node,
        );
      if (node.type === 'string' && name === 'attribute_value')
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
    `${nameOf(e)} is not valid here: check its type and content.`,
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
function nameOf(e: ShapeError): string {
  if (e.property !== undefined) return quoted(e.property.key.value);
  const path = e.path;
  if (path.length === 0) return 'The user';
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string') return `This entry of "${seg}"`;
  }
  return 'This entry';
}

function missingProperty(
  ctx: RuleContext,
  e: ShapeError,
  obj: ObjectNode,
  kind: ObjectKind,
  name: string,
): void {
  const existing = getProperty(obj, name);
  if (existing !== undefined) return; // typed but without a value: the parser reported it
  if (name === 'cutoff_date' && getProperty(obj, 'cuttoff_date') !== undefined) return;
  // A misspelt key ("enviroment") is reported once, as unknown-property with a rename fix.
  const known = propertyNames(kind);
  for (const p of obj.properties) {
    const k = p.key.value;
    if (!known.includes(k) && closest(k, known) === name) return;
  }
  const spec = propertySpec(kind, name);
  const where = e.property !== undefined ? e.property.key : { offset: obj.offset, length: 1 };
  const value =
    name === 'seed'
      ? seedSkeleton(getString(obj, 'calculation_type'))
      : (spec?.insert?.replace('TODAY', ctx.today) ?? '""');
  const fix: Fix = {
    title: `Add "${name}"`,
    edits: [insertPropertyEdit(obj, name, value, ctx.text)],
    // Only structure or the safe environment is inserted unattended; never guessed data.
    preferred: spec?.safeToInsert === true,
  };
  reportNode(
    ctx,
    'missing-property',
    `Missing required "${name}": add ${spec?.hint ?? 'it'}.`,
    where,
    [fix],
  );
}

function expectedName(type: readonly string[]): string {
  const names = type.map((t) =>
    t === 'object' || t === 'array' || t === 'integer' ? `an ${t}` : `a ${t}`,
  );
  return names.join(' or ');
}

function wrongType(ctx: RuleContext, e: ShapeError, expected: readonly string[]): void {
  const { node } = e;
  const want = expectedName(expected);
  const fixes: Fix[] = [];
  // A name written as a number is still a name: quote it. (Other strings have a fixed vocabulary.)
  if (e.spec?.name === 'attribute_name' && (node.type === 'number' || node.type === 'boolean')) {
    const raw = ctx.text.slice(node.offset, node.offset + node.length);
    fixes.push(replaceFix(node, JSON.stringify(raw), 'Quote the value', true));
  }
  reportNode(
    ctx,
    'wrong-type',
    `${nameOf(e)} must be ${want}, not ${typeName(node)}.`,
    node,
    fixes,
  );
}

function unknownProperty(ctx: RuleContext, obj: ObjectNode, kind: ObjectKind, name: string): void {
  const prop = getProperty(obj, name);
  if (prop === undefined) return;
  if (name === 'cuttoff_date' && kind === 'seed-entry') return; // dates.ts
  const known = propertyNames(kind);
  const suggestion = closest(name, known);
  const fixes: Fix[] = [];
  let message = `${quoted(name)} is not a property of ${OBJECTS[kind].name}`;
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
