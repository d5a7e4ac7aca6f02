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
  const full = options.full === true;
  const program = full ? (FULL ??= compile(true)) : (PLAIN ??= compile(false));
  const w: Walk = { onError, full, path: [] };
  check(w, node, program[kind], undefined, undefined);
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

// ─── The vocabulary compiled into checks ───────────────────────────────────────────────────────
// Each kind and leaf becomes a node holding only the checks to make: the checks a rule owns are
// left out (or, for `full`, kept and marked with their rule), so the walk asks no questions of the
// vocabulary.

type Owners = Partial<Record<ShapeKeyword, OwningRule>>;

interface CheckLeaf {
  readonly t: 'leaf';
  readonly types: readonly string[] | undefined;
  readonly enum: readonly string[] | undefined;
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  readonly pattern: RegExp | undefined;
  readonly owners: Owners;
}

interface CheckProp {
  readonly name: string;
  readonly spec: PropertySpec;
  /** Its bit in the mask of properties seen (0 beyond 31 properties: then found by a scan). */
  readonly bit: number;
  /** Undefined when a rule owns the whole value. */
  readonly value: CheckNode | undefined;
}

interface CheckObject {
  readonly t: 'object';
  readonly kind: ObjectKind;
  readonly props: readonly CheckProp[];
  /** The names' lengths (compared first: most names differ in length). */
  readonly lengths: readonly number[];
  readonly required: readonly CheckProp[];
  /** Check the content (required, unknown names, minProperties, the values); false: type only. */
  readonly content: boolean;
  readonly otherValues: CheckLeaf | undefined;
  readonly minProperties: number | undefined;
  readonly userId: boolean;
  readonly seedConditions: boolean;
  readonly owners: Owners;
}

interface CheckArray {
  readonly t: 'array';
  readonly kind: Exclude<Kind, ObjectKind>;
  readonly minItems: number | undefined;
  readonly maxItems: number | undefined;
  readonly items: CheckNode | undefined;
  readonly owners: Owners;
}

type CheckNode = CheckLeaf | CheckObject | CheckArray;

/** A compiled node, the check of its type left out when a rule owns it. */
type Checked = CheckNode & { readonly checkType: boolean };

let PLAIN: Record<Kind, Checked> | undefined;
let FULL: Record<Kind, Checked> | undefined;

const CONTENT_KEYWORDS: readonly ShapeKeyword[] = [
  'required',
  'additionalProperties',
  'minProperties',
  'minItems',
  'maxItems',
];

/** Does `owner` own `keyword` of a value? */
function owns(owner: OwnedBy | undefined, keyword: ShapeKeyword): boolean {
  if (owner === undefined) return false;
  const k = owner.keywords;
  if (k === 'all') return true;
  if (k === 'content') return keyword !== 'type';
  return k.includes(keyword);
}

function compile(full: boolean): Record<Kind, Checked> {
  const out = {} as Record<Kind, Checked>;
  const keep = (owner: OwnedBy | undefined, keyword: ShapeKeyword): boolean =>
    full || !owns(owner, keyword);
  const ownersOf = (owner: OwnedBy | undefined, keywords: readonly ShapeKeyword[]): Owners => {
    const o: Owners = {};
    if (full && owner !== undefined)
      for (const k of keywords) if (owns(owner, k)) o[k] = owner.rule;
    return o;
  };
  const wholly = (owner: OwnedBy | undefined): OwnedBy | undefined =>
    owner !== undefined && (owner.keywords === 'content' || owner.keywords === 'all')
      ? { rule: owner.rule, keywords: 'all' }
      : undefined;
  const leaf = (l: Leaf, owner: OwnedBy | undefined): Checked => ({
    t: 'leaf',
    checkType: l.type !== undefined && keep(owner, 'type'),
    types: l.type,
    enum: l.enum !== undefined && keep(owner, 'enum') ? l.enum : undefined,
    minLength: keep(owner, 'minLength') ? l.minLength : undefined,
    maxLength: keep(owner, 'maxLength') ? l.maxLength : undefined,
    pattern:
      l.pattern !== undefined && keep(owner, 'pattern') ? new RegExp(l.pattern, 'u') : undefined,
    owners: ownersOf(owner, ['type', 'enum', 'minLength', 'maxLength', 'pattern']),
  });
  const value = (v: Kind | Leaf, owner: OwnedBy | undefined): Checked | undefined => {
    if (!full && owner?.keywords === 'all') return undefined;
    if (isKind(v)) return kind(v, owner);
    const l = leaf(v, owner);
    const idle = l.t === 'leaf' && !l.checkType && l.enum === undefined && l.pattern === undefined;
    return idle && l.minLength === undefined && l.maxLength === undefined ? undefined : l;
  };
  const kind = (k: Kind, owner: OwnedBy | undefined): Checked => {
    // Without an owner a kind is the same node everywhere: compiled once.
    if (owner === undefined && out[k] !== undefined) return out[k];
    const node = k in OBJECTS ? object(OBJECTS[k as ObjectKind], owner) : array(k, owner);
    if (owner === undefined) out[k] = node;
    return node;
  };
  const object = (o: ObjectSpec, owner: OwnedBy | undefined): Checked => {
    const inner = o.ownedBy ?? wholly(owner);
    const child = wholly(inner);
    const props: CheckProp[] = o.properties.map((p, i) => ({
      name: p.name,
      spec: p,
      bit: i < 31 ? 1 << i : 0,
      value: o.otherValues === undefined ? value(p.value, child ?? p.ownedBy) : undefined,
    }));
    return {
      t: 'object',
      checkType: keep(owner, 'type'),
      kind: o.kind,
      props,
      lengths: props.map((p) => p.name.length),
      required: o.otherValues === undefined ? props.filter((p) => p.spec.required) : [],
      content: keep(inner, 'required'),
      otherValues:
        o.otherValues === undefined ? undefined : (leaf(o.otherValues, child) as CheckLeaf),
      minProperties: o.minProperties,
      userId: full && o.kind === 'user',
      seedConditions: full && o.kind === 'seed-entry',
      owners: { ...ownersOf(owner, ['type']), ...ownersOf(inner, CONTENT_KEYWORDS) },
    };
  };
  const array = (k: Kind, owner: OwnedBy | undefined): Checked => {
    const a: ArraySpec = ARRAYS[k as Exclude<Kind, ObjectKind>];
    return {
      t: 'array',
      checkType: keep(owner, 'type'),
      kind: a.kind,
      minItems: keep(owner, 'minItems') ? a.minItems : undefined,
      maxItems: keep(owner, 'maxItems') ? a.maxItems : undefined,
      items: value(a.items, wholly(owner)),
      owners: ownersOf(owner, ['type', 'minItems', 'maxItems']),
    };
  };
  for (const k of [...Object.keys(OBJECTS), ...Object.keys(ARRAYS)] as Kind[]) kind(k, undefined);
  return out;
}

// ─── The walk ─────────────────────────────────────────────────────────────────────────────────

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

function check(
  w: Walk,
  node: JsonNode,
  c: CheckNode,
  property: PropertyNode | undefined,
  spec: PropertySpec | undefined,
): void {
  if (c.t === 'object') checkObject(w, node, c as CheckObject & Checked, property, spec);
  else if (c.t === 'array') checkArray(w, node, c as CheckArray & Checked, property, spec);
  else checkLeaf(w, node, c as CheckLeaf & Checked, property, spec);
}

function checkObject(
  w: Walk,
  node: JsonNode,
  c: CheckObject & Checked,
  property: PropertyNode | undefined,
  spec: PropertySpec | undefined,
): void {
  if (node.type !== 'object') {
    if (c.checkType)
      emit(w, 'type', node, c.kind, property, spec, {
        expected: ['object'],
        ownedBy: c.owners.type,
      });
    return;
  }
  if (!c.content) return;
  const props = node.properties;
  const n = props.length;
  const specs = c.props;
  const other = c.otherValues;
  const lengths = c.lengths;
  const m = specs.length;
  let seen = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const p = props[i];
    const v = p.value;
    if (v === undefined) continue;
    const name = p.key.value;
    const len = name.length;
    // Of a repeated key only the last is checked: the one JSON.parse keeps.
    if (laterWithValue(props, i, name, len)) continue;
    let j = 0;
    while (j < m && (lengths[j] !== len || specs[j].name !== name)) j++;
    const cp = j < m ? specs[j] : undefined;
    if (cp === undefined || other !== undefined) {
      count++;
      if (other !== undefined) {
        w.path.push(name);
        checkLeaf(w, v, other as CheckLeaf & Checked, p, undefined);
        w.path.pop();
      } else {
        emit(w, 'additionalProperties', node, c.kind, property, spec, {
          additionalProperty: name,
          ownedBy: c.owners.additionalProperties,
        });
      }
      continue;
    }
    seen |= cp.bit;
    count++;
    const cv = cp.value;
    if (cv === undefined) continue;
    w.path.push(name);
    if (cv.t === 'object') checkObject(w, v, cv as CheckObject & Checked, p, cp.spec);
    else if (cv.t === 'array') checkArray(w, v, cv as CheckArray & Checked, p, cp.spec);
    else checkLeaf(w, v, cv as CheckLeaf & Checked, p, cp.spec);
    w.path.pop();
  }
  const required = c.required;
  for (let j = 0; j < required.length; j++) {
    const r = required[j];
    if (r.bit === 0 ? !hasValue(node, r.name) : (seen & r.bit) === 0)
      emit(w, 'required', node, c.kind, property, spec, {
        missingProperty: r.name,
        ownedBy: c.owners.required,
      });
  }
  if (c.minProperties !== undefined && count < c.minProperties)
    emit(w, 'minProperties', node, c.kind, property, spec, { ownedBy: c.owners.minProperties });
  if (c.userId && !USER_ID_PROPERTIES.some((name) => hasValue(node, name)))
    emit(w, 'anyOf', node, c.kind, property, spec, { ownedBy: 'mpid' });
  if (c.seedConditions) checkSeedForType(w, node);
}

/** True when a property after `i` has the same name and a value (so `i` is not the one kept). */
function laterWithValue(props: PropertyNode[], i: number, name: string, len: number): boolean {
  for (let j = i + 1; j < props.length; j++) {
    const q = props[j];
    const k = q.key.value;
    if (k.length === len && q.value !== undefined && k === name) return true;
  }
  return false;
}

function checkArray(
  w: Walk,
  node: JsonNode,
  c: CheckArray & Checked,
  property: PropertyNode | undefined,
  spec: PropertySpec | undefined,
): void {
  if (node.type !== 'array') {
    if (c.checkType)
      emit(w, 'type', node, c.kind, property, spec, {
        expected: ['array'],
        ownedBy: c.owners.type,
      });
    return;
  }
  const items = node.items;
  const n = items.length;
  if (c.minItems !== undefined && n < c.minItems)
    emit(w, 'minItems', node, c.kind, property, spec, { ownedBy: c.owners.minItems });
  if (c.maxItems !== undefined && n > c.maxItems)
    emit(w, 'maxItems', node, c.kind, property, spec, { ownedBy: c.owners.maxItems });
  const item = c.items;
  if (item === undefined) return;
  for (let i = 0; i < n; i++) {
    w.path.push(i);
    check(w, items[i], item, undefined, undefined);
    w.path.pop();
  }
}

function checkLeaf(
  w: Walk,
  node: JsonNode,
  c: CheckLeaf & Checked,
  property: PropertyNode | undefined,
  spec: PropertySpec | undefined,
): void {
  const types = c.types;
  if (c.checkType && types !== undefined) {
    let ok = false;
    for (let i = 0; i < types.length && !ok; i++) ok = isType(node, types[i]);
    if (!ok) {
      emit(w, 'type', node, undefined, property, spec, { expected: types, ownedBy: c.owners.type });
      return;
    }
  }
  if (c.enum !== undefined && (node.type !== 'string' || !c.enum.includes(node.value)))
    emit(w, 'enum', node, undefined, property, spec, { ownedBy: c.owners.enum });
  if (node.type !== 'string') return;
  if (
    (c.minLength !== undefined && (node.value.length + 1) >> 1 < c.minLength) ||
    (c.maxLength !== undefined && node.value.length > c.maxLength)
  ) {
    // Code points are between half the UTF-16 units (rounded up) and all of them: counted only
    // when the units alone do not settle both bounds.
    const len = codePoints(node.value);
    if (c.minLength !== undefined && len < c.minLength)
      emit(w, 'minLength', node, undefined, property, spec, { ownedBy: c.owners.minLength });
    if (c.maxLength !== undefined && len > c.maxLength)
      emit(w, 'maxLength', node, undefined, property, spec, { ownedBy: c.owners.maxLength });
  }
  if (c.pattern !== undefined && !c.pattern.test(node.value))
    emit(w, 'pattern', node, undefined, property, spec, { ownedBy: c.owners.pattern });
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
