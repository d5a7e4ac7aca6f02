/**
 * The one validator of shape: it walks the tree of one user along the vocabulary
 * (core/vocabulary.ts) and reports each problem as `{ keyword, node, path }` on the node it is about,
 * as vscode-json-languageservice's `validate(node, schema, result)` does: positioned by
 * construction, nothing to translate back. The published schema (schemas/caseed.schema.json) is
 * generated from the same vocabulary, and a test checks that this validator and ajv agree on it.
 *
 * By default the checks a hand-written rule makes better (`ownedBy` in the vocabulary, the user's
 * mpid-or-identities and the per-calculation-type seed shape) are left to that rule; `full: true`
 * makes them too, so that the answer is exactly the published schema's.
 */
import type { JsonNode, ObjectNode, PathSegment, PropertyNode } from './ast';
import { INTEGER, numberKind } from './rules/numbers';
import type {
  ArraySpec,
  Kind,
  Leaf,
  ObjectKind,
  ObjectSpec,
  OwnedBy,
  OwningRule,
  PropertySpec,
  ShapeKeyword,
} from './vocabulary';
import {
  ARRAYS,
  CALCULATION_TYPE_ALIASES,
  CALCULATION_TYPE_BY_NAME,
  isKind,
  OBJECTS,
  propertySpec,
  USER_ID_PROPERTIES,
} from './vocabulary';

export interface ShapeError {
  keyword: ShapeKeyword;
  /** The node the problem is about (for `required`, the object missing the property). */
  node: JsonNode;
  /** Keys and indexes from the validated node (the user object) to `node`. */
  path: PathSegment[];
  /** The vocabulary's kind of `node`, when it has one (objects and arrays). */
  kind: Kind | undefined;
  /** The property whose value `node` is, when it was reached by a key. */
  property: PropertyNode | undefined;
  /** The vocabulary's entry for that property. */
  spec: PropertySpec | undefined;
  /** `required`: the missing name; `additionalProperties`: the unknown name; `type`: expected. */
  missingProperty?: string;
  additionalProperty?: string;
  expected?: readonly string[];
  /** Set (with `full`) for a check that the named rule makes instead. */
  ownedBy?: OwningRule;
}

export interface ShapeOptions {
  /** Also make the checks that rules own: the published schema's answer, exactly. */
  full?: boolean;
}

/** Validates `node` as a `kind` of the vocabulary; each problem goes to `onError`. */
export function validateShape(
  node: JsonNode,
  kind: Kind,
  onError: (e: ShapeError) => void,
  options: ShapeOptions = {},
): void {
  const w: Walk = { onError, full: options.full === true, path: [] };
  checkKind(w, node, kind, undefined, undefined, undefined);
}

/** Validates a whole payload (a user, or a bulk array of users) as the published schema does. */
export function validatePayload(
  root: JsonNode,
  onError: (e: ShapeError) => void,
  options: ShapeOptions = {},
): void {
  if (root.type === 'array') validateShape(root, 'users', onError, options);
  else if (root.type === 'object') validateShape(root, 'user', onError, options);
  else
    onError({
      keyword: 'type',
      node: root,
      path: [],
      kind: undefined,
      property: undefined,
      spec: undefined,
      expected: ['object', 'array'],
    });
}

interface Walk {
  readonly onError: (e: ShapeError) => void;
  readonly full: boolean;
  /** The path of the node being checked (pushed and popped along the walk). */
  readonly path: PathSegment[];
}

function emit(
  w: Walk,
  keyword: ShapeKeyword,
  node: JsonNode,
  kind: Kind | undefined,
  property: PropertyNode | undefined,
  spec: PropertySpec | undefined,
  extra?: Partial<ShapeError>,
): void {
  const e: ShapeError = { keyword, node, path: w.path.slice(), kind, property, spec };
  if (extra !== undefined) Object.assign(e, extra);
  w.onError(e);
}

/** True when a rule owns `keyword` of a value (checked only with `full`). */
function owns(owner: OwnedBy | undefined, keyword: ShapeKeyword, content: boolean): boolean {
  if (owner === undefined) return false;
  const k = owner.keywords;
  if (k === 'all') return true;
  if (k === 'content') return content;
  return k.includes(keyword);
}

function skip(
  w: Walk,
  owner: OwnedBy | undefined,
  keyword: ShapeKeyword,
  content = false,
): boolean {
  return !w.full && owns(owner, keyword, content);
}

function ownerOf(
  owner: OwnedBy | undefined,
  keyword: ShapeKeyword,
  content = false,
): OwningRule | undefined {
  return owns(owner, keyword, content) ? owner?.rule : undefined;
}

/** The owner of everything inside a value whose content a rule owns. */
function wholly(owner: OwnedBy | undefined): OwnedBy | undefined {
  if (owner === undefined || (owner.keywords !== 'content' && owner.keywords !== 'all'))
    return undefined;
  return owner.keywords === 'all' ? owner : ALL[owner.rule];
}

const ALL: Readonly<Record<OwningRule, OwnedBy>> = {
  mpid: { rule: 'mpid', keywords: 'all' },
  identities: { rule: 'identities', keywords: 'all' },
  seeds: { rule: 'seeds', keywords: 'all' },
  dates: { rule: 'dates', keywords: 'all' },
  'seed-values': { rule: 'seed-values', keywords: 'all' },
  attributes: { rule: 'attributes', keywords: 'all' },
};

function checkKind(
  w: Walk,
  node: JsonNode,
  kind: Kind,
  property: PropertyNode | undefined,
  spec: PropertySpec | undefined,
  owner: OwnedBy | undefined,
): void {
  if (kind in OBJECTS) checkObject(w, node, OBJECTS[kind as ObjectKind], property, spec, owner);
  else checkArray(w, node, ARRAYS[kind as Exclude<Kind, ObjectKind>], property, spec, owner);
}

function checkValue(
  w: Walk,
  node: JsonNode,
  value: Kind | Leaf,
  property: PropertyNode | undefined,
  spec: PropertySpec | undefined,
  owner: OwnedBy | undefined,
): void {
  if (isKind(value)) checkKind(w, node, value, property, spec, owner);
  else checkLeaf(w, node, value, property, spec, owner);
}

function checkObject(
  w: Walk,
  node: JsonNode,
  o: ObjectSpec,
  property: PropertyNode | undefined,
  spec: PropertySpec | undefined,
  owner: OwnedBy | undefined,
): void {
  if (node.type !== 'object') {
    if (!skip(w, owner, 'type'))
      emit(w, 'type', node, o.kind, property, spec, {
        expected: ['object'],
        ownedBy: ownerOf(owner, 'type'),
      });
    return;
  }
  // A rule owning the object's content (identities) owns its keywords and all of its values.
  const inner = o.ownedBy ?? wholly(owner);
  const childOwner = wholly(inner);
  const props = node.properties;
  const n = props.length;
  const effective = n > 8 ? lastOccurrences(props) : undefined;
  if (o.otherValues === undefined && !skip(w, inner, 'required', true)) {
    for (const p of o.properties) {
      if (p.required && !hasValue(node, p.name))
        emit(w, 'required', node, o.kind, property, spec, {
          missingProperty: p.name,
          ownedBy: ownerOf(inner, 'required', true),
        });
    }
  }
  if (w.full && o.kind === 'user' && !USER_ID_PROPERTIES.some((name) => hasValue(node, name)))
    emit(w, 'anyOf', node, o.kind, property, spec, { ownedBy: 'mpid' });
  if (o.minProperties !== undefined && !skip(w, inner, 'minProperties', true)) {
    let count = 0;
    for (let i = 0; i < n; i++) if (isEffective(props, i, effective)) count++;
    if (count < o.minProperties)
      emit(w, 'minProperties', node, o.kind, property, spec, {
        ownedBy: ownerOf(inner, 'minProperties', true),
      });
  }
  const checkContent = !skip(w, inner, 'additionalProperties', true);
  for (let i = 0; i < n; i++) {
    if (!isEffective(props, i, effective)) continue;
    const p = props[i];
    const name = p.key.value;
    const ps = o.otherValues === undefined ? propertySpec(o.kind, name) : undefined;
    const value = p.value as JsonNode;
    if (ps === undefined) {
      if (!checkContent) continue;
      if (o.otherValues === undefined) {
        emit(w, 'additionalProperties', node, o.kind, property, spec, {
          additionalProperty: name,
          ownedBy: ownerOf(inner, 'additionalProperties', true),
        });
      } else {
        w.path.push(name);
        checkLeaf(w, value, o.otherValues, p, undefined, childOwner);
        w.path.pop();
      }
      continue;
    }
    const own = childOwner ?? ps.ownedBy;
    if (!w.full && own !== undefined && own.keywords === 'all') continue;
    w.path.push(name);
    checkValue(w, value, ps.value, p, ps, own);
    w.path.pop();
  }
  if (w.full && o.kind === 'seed-entry') checkSeedForType(w, node);
}

function checkArray(
  w: Walk,
  node: JsonNode,
  a: ArraySpec,
  property: PropertyNode | undefined,
  spec: PropertySpec | undefined,
  owner: OwnedBy | undefined,
): void {
  if (node.type !== 'array') {
    if (!skip(w, owner, 'type'))
      emit(w, 'type', node, a.kind, property, spec, {
        expected: ['array'],
        ownedBy: ownerOf(owner, 'type'),
      });
    return;
  }
  const items = node.items;
  const n = items.length;
  if (a.minItems !== undefined && n < a.minItems && !skip(w, owner, 'minItems', true))
    emit(w, 'minItems', node, a.kind, property, spec, {
      ownedBy: ownerOf(owner, 'minItems', true),
    });
  if (a.maxItems !== undefined && n > a.maxItems && !skip(w, owner, 'maxItems', true))
    emit(w, 'maxItems', node, a.kind, property, spec, {
      ownedBy: ownerOf(owner, 'maxItems', true),
    });
  const itemOwner = wholly(owner);
  for (let i = 0; i < n; i++) {
    w.path.push(i);
    checkValue(w, items[i], a.items, undefined, undefined, itemOwner);
    w.path.pop();
  }
}

function checkLeaf(
  w: Walk,
  node: JsonNode,
  leaf: Leaf,
  property: PropertyNode | undefined,
  spec: PropertySpec | undefined,
  owner: OwnedBy | undefined,
): void {
  const types = leaf.type;
  if (types !== undefined && !skip(w, owner, 'type')) {
    let ok = false;
    for (const t of types) if (isType(node, t)) ok = true;
    if (!ok) {
      emit(w, 'type', node, undefined, property, spec, {
        expected: types,
        ownedBy: ownerOf(owner, 'type'),
      });
      return;
    }
  }
  if (leaf.enum !== undefined && !skip(w, owner, 'enum')) {
    if (node.type !== 'string' || !leaf.enum.includes(node.value))
      emit(w, 'enum', node, undefined, property, spec, { ownedBy: ownerOf(owner, 'enum') });
  }
  if (node.type !== 'string') return;
  if (leaf.minLength !== undefined || leaf.maxLength !== undefined) {
    const len = codePoints(node.value);
    if (leaf.minLength !== undefined && len < leaf.minLength && !skip(w, owner, 'minLength'))
      emit(w, 'minLength', node, undefined, property, spec, {
        ownedBy: ownerOf(owner, 'minLength'),
      });
    if (leaf.maxLength !== undefined && len > leaf.maxLength && !skip(w, owner, 'maxLength'))
      emit(w, 'maxLength', node, undefined, property, spec, {
        ownedBy: ownerOf(owner, 'maxLength'),
      });
  }
  if (leaf.pattern !== undefined && !skip(w, owner, 'pattern')) {
    if (!patternOf(leaf.pattern).test(node.value))
      emit(w, 'pattern', node, undefined, property, spec, { ownedBy: ownerOf(owner, 'pattern') });
  }
}

// ─── The seed's shape per calculation type (the schema's allOf/if/then; the seed rules own it) ───

const NUMERIC_TEXT = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/u;
const DIGITS = /^[0-9]+$/u;
const POSITIVE_DIGITS = /^[1-9][0-9]*$/u;

/** The seed shapes, as the published schema writes them (scripts/schema.ts reads these). */
export const SEED_VALUE_SCHEMAS = {
  numeric: { anyOf: [{ type: 'number' }, { type: 'string', pattern: NUMERIC_TEXT.source }] },
  nonNegativeInteger: {
    anyOf: [
      { type: 'integer', minimum: 0 },
      { type: 'string', pattern: DIGITS.source },
    ],
  },
  positiveInteger: {
    anyOf: [
      { type: 'integer', minimum: 1 },
      { type: 'string', pattern: POSITIVE_DIGITS.source },
    ],
  },
} as const;

function numericOk(n: JsonNode): boolean {
  return n.type === 'number' || (n.type === 'string' && NUMERIC_TEXT.test(n.value));
}

function integerOk(n: JsonNode, min: number, text: RegExp): boolean {
  if (n.type === 'number') return isType(n, 'integer') && +n.raw >= min;
  return n.type === 'string' && text.test(n.value);
}

function checkSeedForType(w: Walk, entry: ObjectNode): void {
  const ct = valueOf(entry, 'calculation_type');
  if (ct?.type !== 'string') return;
  const type = CALCULATION_TYPE_BY_NAME.get(CALCULATION_TYPE_ALIASES[ct.value] ?? ct.value);
  const seedProp = lastWithValue(entry, 'seed');
  const seed = seedProp?.value;
  if (type === undefined || seedProp === undefined || seed?.type !== 'object') return;
  const seedSpec = propertySpec('seed-entry', 'seed');
  w.path.push('seed');
  if (!hasValue(seed, type.field))
    emit(w, 'required', seed, 'seed', seedProp, seedSpec, {
      missingProperty: type.field,
      ownedBy: 'seed-values',
    });
  const anyOf = (n: JsonNode, p: PropertyNode, key: string, ok: boolean): void => {
    if (ok) return;
    w.path.push(key);
    emit(w, 'anyOf', n, undefined, p, propertySpec('seed', key), { ownedBy: 'seed-values' });
    w.path.pop();
  };
  const valueProp = lastWithValue(seed, 'value');
  const value = valueProp?.value;
  if (valueProp !== undefined && value !== undefined) {
    if (type.shape === 'numeric') anyOf(value, valueProp, 'value', numericOk(value));
    if (type.shape === 'timestamp') anyOf(value, valueProp, 'value', integerOk(value, 0, DIGITS));
  }
  const kvpProp = lastWithValue(seed, 'key_value_pairs');
  const kvp = kvpProp?.value;
  if (kvpProp !== undefined && kvp?.type === 'object') {
    w.path.push('key_value_pairs');
    const kvpSpec = propertySpec('seed', 'key_value_pairs');
    const props = kvp.properties;
    const effective = props.length > 8 ? lastOccurrences(props) : undefined;
    if (type.shape === 'average') {
      for (const name of ['sum', 'count'])
        if (!hasValue(kvp, name))
          emit(w, 'required', kvp, 'key_value_pairs', kvpProp, kvpSpec, {
            missingProperty: name,
            ownedBy: 'seed-values',
          });
    }
    for (let i = 0; i < props.length; i++) {
      if (!isEffective(props, i, effective)) continue;
      const p = props[i];
      const v = p.value as JsonNode;
      const name = p.key.value;
      if (type.shape === 'average') {
        if (name === 'sum') anyOf(v, p, name, numericOk(v));
        else if (name === 'count') anyOf(v, p, name, integerOk(v, 1, POSITIVE_DIGITS));
        else
          emit(w, 'additionalProperties', kvp, 'key_value_pairs', kvpProp, kvpSpec, {
            additionalProperty: name,
            ownedBy: 'seed-values',
          });
      } else if (type.shape === 'most_frequent') {
        anyOf(v, p, name, integerOk(v, 0, DIGITS));
      }
    }
    w.path.pop();
  }
  w.path.pop();
}

// ─── Helpers ─────────────────────────────────────────────────────────────────────────────────

/** Is `node` of JSON Schema type `t`? (`integer`: a number without a fraction, as ajv counts it.) */
function isType(node: JsonNode, t: string): boolean {
  switch (t) {
    case 'integer': {
      if (node.type !== 'number') return false;
      const n = +node.raw;
      if (numberKind(node.raw) === INTEGER && node.raw.length < 300) return true;
      return Number.isFinite(n) && n % 1 === 0;
    }
    case 'number':
      return node.type === 'number';
    default:
      return node.type === t;
  }
}

/** The value of the last property called `name` that has one (as JSON.parse keeps it). */
function lastWithValue(node: ObjectNode, name: string): PropertyNode | undefined {
  const props = node.properties;
  for (let i = props.length - 1; i >= 0; i--) {
    const p = props[i];
    if (p.value !== undefined && p.key.value === name) return p;
  }
  return undefined;
}

function valueOf(node: ObjectNode, name: string): JsonNode | undefined {
  return lastWithValue(node, name)?.value;
}

function hasValue(node: ObjectNode, name: string): boolean {
  return lastWithValue(node, name) !== undefined;
}

/**
 * Whether property `i` is the one JSON.parse keeps: it has a value and no later property of the
 * same name has one. `last` (for big objects) marks them in one pass.
 */
function isEffective(props: PropertyNode[], i: number, last: boolean[] | undefined): boolean {
  if (last !== undefined) return last[i];
  const p = props[i];
  if (p.value === undefined) return false;
  const k = p.key.value;
  for (let j = i + 1; j < props.length; j++) {
    if (props[j].value !== undefined && props[j].key.value === k) return false;
  }
  return true;
}

function lastOccurrences(props: PropertyNode[]): boolean[] {
  const out = new Array<boolean>(props.length).fill(false);
  const seen = new Set<string>();
  for (let i = props.length - 1; i >= 0; i--) {
    const p = props[i];
    if (p.value === undefined || seen.has(p.key.value)) continue;
    seen.add(p.key.value);
    out[i] = true;
  }
  return out;
}

/** Length in code points, as JSON Schema (and ajv) count it. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

const PATTERNS = new Map<string, RegExp>();

function patternOf(source: string): RegExp {
  let re = PATTERNS.get(source);
  if (re === undefined) {
    re = new RegExp(source, 'u');
    PATTERNS.set(source, re);
  }
  return re;
}
