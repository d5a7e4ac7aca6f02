/**
 * The plain JavaScript value of one user, built from its tree for the schema check. Numbers become
 * numbers (shape only needs their type), except `mpid`, which gets a placeholder so that a 64-bit id
 * never passes through a JavaScript number: its range and format are checked from its text.
 * Properties without a value (half-typed) are left out; the shape mapper knows they exist.
 */
import type { JsonNode, ObjectNode } from '../ast';

export function plainValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return plainObject(node, false);
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

function plainObject(node: ObjectNode, isUser: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = node.properties;
  for (let i = 0; i < props.length; i++) {
    const p = props[i];
    const v = p.value;
    if (v === undefined) continue;
    const key = p.key.value;
    const value = isUser && v.type === 'number' && key === 'mpid' ? 0 : plainValue(v);
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

/** The plain value of a user object (mpid replaced by a placeholder integer). */
export function plainUser(node: ObjectNode): Record<string, unknown> {
  return plainObject(node, true);
}
