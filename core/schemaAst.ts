/**
 * The schema, evaluated directly on the syntax tree as a yes/no answer: "would ajv accept the plain
 * value of this node?". Validation uses it as a fast path: a user it accepts needs no plain value
 * and no ajv run (no allocation at all); any other user goes to ajv, which produces the errors. So
 * ajv stays the one judge of shape, and this only has to be exact about "valid" (a test compares
 * the two on many users). Keywords it does not know make `compileAstCheck` return undefined, and
 * validation then always runs ajv.
 */
import type { JsonNode } from './ast';
import { INTEGER, numberKind } from './rules/numbers';

export type AstCheck = (node: JsonNode) => boolean;
type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'markdownDescription',
  'definitions',
  'default',
  'examples',
]);

class Unsupported extends Error {}

/** The check of `schema` (a subschema of `root`, for $ref), or undefined if a keyword is unknown. */
export function compileAstCheck(schema: Schema, root: Schema): AstCheck | undefined {
  try {
    return new Compiler(root).compile(schema);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

function jsonType(node: JsonNode): string {
  return node.type;
}

function isType(node: JsonNode, t: string): boolean {
  if (t === 'integer') {
    if (node.type !== 'number') return false;
    // An integer written as digits is one without converting it (it may be a 64-bit mpid).
    if (numberKind(node.raw) === INTEGER) return true;
    const n = +node.raw;
    return Number.isFinite(n) && n % 1 === 0;
  }
  return jsonType(node) === t;
}

/** Length in code points, as JSON Schema (and ajv) count it. */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

class Compiler {
  private readonly refs = new Map<string, AstCheck>();

  constructor(private readonly root: Schema) {}

  compile(schema: unknown): AstCheck {
    if (schema === true) return () => true;
    if (schema === false) return () => false;
    if (typeof schema !== 'object' || schema === null) throw new Unsupported();
    const s = schema as Schema;
    const checks: AstCheck[] = [];
    for (const key of Object.keys(s)) {
      if (ANNOTATIONS.has(key)) continue;
      const c = this.keyword(key, s);
      if (c !== undefined) checks.push(c);
    }
    if (checks.length === 0) return () => true;
    if (checks.length === 1) return checks[0];
    return (node) => {
      for (let i = 0; i < checks.length; i++) if (!checks[i](node)) return false;
      return true;
    };
  }

  private ref(pointer: string): AstCheck {
    let c = this.refs.get(pointer);
    if (c === undefined) {
      if (!pointer.startsWith('#/')) throw new Unsupported();
      let target: unknown = this.root;
      for (const seg of pointer.slice(2).split('/'))
        target = (target as Schema | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
      if (target === undefined) throw new Unsupported();
      const compiled: { check?: AstCheck } = {};
      c = (node) => compiled.check!(node); // registered first: a schema may refer to itself
      this.refs.set(pointer, c);
      compiled.check = this.compile(target);
    }
    return c;
  }

  private keyword(key: string, s: Schema): AstCheck | undefined {
    const v = s[key];
    switch (key) {
      case '$ref':
        return this.ref(String(v));
      case 'type': {
        if (!Array.isArray(v)) {
          const t = String(v);
          return (node) => isType(node, t);
        }
        const types = v as string[];
        return (node) => {
          for (let i = 0; i < types.length; i++) if (isType(node, types[i])) return true;
          return false;
        };
      }
      case 'enum': {
        const values = v as unknown[];
        if (!values.every((x) => x === null || typeof x !== 'object')) throw new Unsupported();
        return (node) => values.some((x) => equalsPrimitive(node, x));
      }
      case 'const':
        if (v !== null && typeof v === 'object') throw new Unsupported();
        return (node) => equalsPrimitive(node, v);
      case 'properties':
      case 'additionalProperties':
      case 'required': {
        // One check for the three, made at the first of them met.
        const first = ['properties', 'additionalProperties', 'required'].find((k) => k in s);
        return key === first ? this.object(s) : undefined;
      }
      case 'minProperties':
      case 'maxProperties': {
        const limit = Number(v);
        return (node) => {
          if (node.type !== 'object') return true;
          const n = new Set(node.properties.filter((p) => p.value).map((p) => p.key.value)).size;
          return key === 'minProperties' ? n >= limit : n <= limit;
        };
      }
      case 'items': {
        if (Array.isArray(v)) throw new Unsupported();
        const item = this.compile(v);
        return (node) => {
          if (node.type !== 'array') return true;
          const items = node.items;
          for (let i = 0; i < items.length; i++) if (!item(items[i])) return false;
          return true;
        };
      }
      case 'minItems': {
        const min = Number(v);
        return (node) => node.type !== 'array' || node.items.length >= min;
      }
      case 'maxItems': {
        const max = Number(v);
        return (node) => node.type !== 'array' || node.items.length <= max;
      }
      case 'minLength': {
        // A code point is one or two UTF-16 units: count only when the length cannot decide.
        const min = Number(v);
        return (node) =>
          node.type !== 'string' ||
          node.value.length >= 2 * min ||
          (node.value.length >= min && codePoints(node.value) >= min);
      }
      case 'maxLength': {
        const max = Number(v);
        return (node) =>
          node.type !== 'string' || node.value.length <= max || codePoints(node.value) <= max;
      }
      case 'pattern': {
        const re = new RegExp(String(v), 'u');
        return (node) => node.type !== 'string' || re.test(node.value);
      }
      case 'minimum':
        return (node) => node.type !== 'number' || +node.raw >= Number(v);
      case 'maximum':
        return (node) => node.type !== 'number' || +node.raw <= Number(v);
      case 'allOf': {
        const all = (v as unknown[]).map((x) => this.compile(x));
        return (node) => all.every((c) => c(node));
      }
      case 'anyOf': {
        const any = (v as unknown[]).map((x) => this.compile(x));
        return (node) => any.some((c) => c(node));
      }
      case 'oneOf': {
        const one = (v as unknown[]).map((x) => this.compile(x));
        return (node) => one.filter((c) => c(node)).length === 1;
      }
      case 'not': {
        const not = this.compile(v);
        return (node) => !not(node);
      }
      case 'if': {
        const cond = this.compile(v);
        const then = 'then' in s ? this.compile(s.then) : () => true;
        const otherwise = 'else' in s ? this.compile(s.else) : () => true;
        return (node) => (cond(node) ? then(node) : otherwise(node));
      }
      case 'then':
      case 'else':
        return undefined; // part of "if"
      default:
        throw new Unsupported();
    }
  }

  /** properties, additionalProperties and required, in one pass over the object's properties. */
  private object(s: Schema): AstCheck {
    const props = (s.properties ?? {}) as Record<string, unknown>;
    const names = Object.keys(props);
    const checks = names.map((n) => this.compile(props[n]));
    const extra = s.additionalProperties;
    const extraCheck = extra === undefined || extra === true ? undefined : this.compile(extra);
    const required = [...new Set((s.required ?? []) as string[])];
    for (const r of required) {
      if (!names.includes(r)) {
        // Required but not listed: present is enough, as far as additionalProperties allows.
        names.push(r);
        checks.push(extraCheck ?? (() => true));
      }
    }
    if (required.length > 30) throw new Unsupported(); // the required set is a 32-bit mask
    const bits = names.map((name) => {
      const r = required.indexOf(name);
      return r < 0 ? 0 : 1 << r;
    });
    const requiredMask = required.length === 0 ? 0 : (1 << required.length) - 1;
    const n = names.length;
    const lengths = names.map((name) => name.length);
    return (node) => {
      if (node.type !== 'object') return true;
      const ps = node.properties;
      let seen = 0;
      for (let i = 0; i < ps.length; i++) {
        const p = ps[i];
        const value = p.value;
        if (value === undefined) continue;
        const k = p.key.value;
        const len = k.length;
        let j = 0;
        // Comparing lengths first skips most string comparisons (a call each in V8).
        while (j < n && (lengths[j] !== len || names[j] !== k)) j++;
        if (j < n) {
          if (!checks[j](value)) return false;
          seen |= bits[j];
        } else if (extraCheck !== undefined && !extraCheck(value)) {
          return false;
        }
      }
      return (seen & requiredMask) === requiredMask;
    };
  }
}

function equalsPrimitive(node: JsonNode, x: unknown): boolean {
  switch (node.type) {
    case 'string':
      return node.value === x;
    case 'number':
      return typeof x === 'number' && +node.raw === x;
    case 'boolean':
      return node.value === x;
    case 'null':
      return x === null;
    default:
      return false;
  }
}
