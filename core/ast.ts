/**
 * The lossless syntax tree of a seed file. Every node knows its exact source span, and numbers keep
 * their source text (`raw`) so that a 64-bit mpid is never forced through a JavaScript number.
 * Nodes carry no parent pointers (memory matters at 100,000 users); use `nodeChainAt` /
 * `pathOfChain` / `nodeAtPath` to walk down.
 */
export type JsonNode = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | NullNode;

interface NodeBase {
  /** Offset of the node's first character in the source text. */
  offset: number;
  /** Length in characters of the node's source text (0 for a missing value). */
  length: number;
}

export interface ObjectNode extends NodeBase {
  type: 'object';
  properties: PropertyNode[];
}

export interface ArrayNode extends NodeBase {
  type: 'array';
  items: JsonNode[];
}

export interface PropertyNode {
  type: 'property';
  offset: number;
  length: number;
  key: StringNode;
  /** Offset of the colon, or -1 when it is missing. */
  colonOffset: number;
  /** Undefined while the user has typed the key but not yet a value. */
  value: JsonNode | undefined;
}

export interface StringNode extends NodeBase {
  type: 'string';
  /** The decoded string. */
  value: string;
}

export interface NumberNode extends NodeBase {
  type: 'number';
  /** The number exactly as written in the source. */
  raw: string;
}

export interface BooleanNode extends NodeBase {
  type: 'boolean';
  value: boolean;
}

export interface NullNode extends NodeBase {
  type: 'null';
}

export type AnyNode = JsonNode | PropertyNode;

/** The property called `name` of an object node, or undefined. The last one wins, as in JSON.parse. */
export function getProperty(node: JsonNode | undefined, name: string): PropertyNode | undefined {
  if (node === undefined || node.type !== 'object') return undefined;
  const props = node.properties;
  for (let i = props.length - 1; i >= 0; i--) {
    if (props[i].key.value === name) return props[i];
  }
  return undefined;
}

/** The value of the property called `name`, or undefined. */
export function getValue(node: JsonNode | undefined, name: string): JsonNode | undefined {
  return getProperty(node, name)?.value;
}

/** The string value of the property called `name` when it is a string. */
export function getString(node: JsonNode | undefined, name: string): string | undefined {
  const v = getValue(node, name);
  return v !== undefined && v.type === 'string' ? v.value : undefined;
}

/**
 * The entries of `user[group].workspace` (`group`: `calculated_attributes` or `user_attributes`),
 * or none when that is not an array.
 */
export function workspaceItems(user: JsonNode | undefined, group: string): JsonNode[] {
  const list = getValue(getValue(user, group), 'workspace');
  return list?.type === 'array' ? list.items : [];
}

/** True when `offset` lies within the node, end inclusive (a cursor just after a node is in it). */
export function contains(
  node: { offset: number; length: number },
  offset: number,
  includeEnd = true,
): boolean {
  return (
    offset >= node.offset &&
    (offset < node.offset + node.length || (includeEnd && offset === node.offset + node.length))
  );
}

/** One step of a path from the root: the node and, for a property, the key it was reached by. */
export type PathSegment = string | number;

/**
 * The chain of nodes from the root down to the innermost node that contains `offset`, including
 * property nodes. The first element is the root.
 */
export function nodeChainAt(root: JsonNode | undefined, offset: number): AnyNode[] {
  const chain: AnyNode[] = [];
  let node: AnyNode | undefined = root;
  while (node !== undefined && contains(node, offset)) {
    chain.push(node);
    let next: AnyNode | undefined;
    if (node.type === 'object') {
      next = node.properties.find((p) => contains(p, offset));
    } else if (node.type === 'array') {
      next = node.items.find((item) => contains(item, offset));
    } else if (node.type === 'property') {
      if (contains(node.key, offset)) next = node.key;
      else if (node.value !== undefined && contains(node.value, offset)) next = node.value;
    }
    node = next;
  }
  return chain;
}

/** The JSON path (keys and indexes) of a chain from `nodeChainAt`. */
export function pathOfChain(chain: readonly AnyNode[]): PathSegment[] {
  const path: PathSegment[] = [];
  for (let i = 0; i < chain.length; i++) {
    const n = chain[i];
    if (n.type === 'property') {
      path.push(n.key.value);
    } else if (n.type === 'array' && i + 1 < chain.length) {
      path.push(n.items.indexOf(chain[i + 1] as JsonNode));
    }
  }
  return path;
}

/** The node at a JSON path, or undefined when the path does not exist. */
export function nodeAtPath(
  root: JsonNode | undefined,
  path: readonly PathSegment[],
): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const seg of path) {
    if (node === undefined) return undefined;
    if (typeof seg === 'number') node = node.type === 'array' ? node.items[seg] : undefined;
    else node = getValue(node, seg);
  }
  return node;
}
