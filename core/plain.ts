/**
 * The plain JavaScript value of a tree, for ajv (the definitions file's schema check). Numbers
 * become numbers (a schema only needs their type). Properties without a value (half-typed) are left
 * out; the caller knows they exist.
 */
import type { JsonNode, ObjectNode } from './ast';

export function plainValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return plainObject(node);
    case 'array': {
      const items = node.items;
      const n = items.length;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = plainValue(items[i]);
      return out;
    }
    case 'string':
      return node.value;
    case 'number':
      return +node.raw;
    case 'boolean':
      return node.value;
    case 'null':
      return null;
  }
}

function plainObject(node: ObjectNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = node.properties;
  for (let i = 0; i < props.length; i++) {
    const p = props[i];
    const v = p.value;
    if (v === undefined) continue;
    const key = p.key.value;
    const value = plainValue(v);
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      out[key] = value;
    }
  }
  return out;
}
