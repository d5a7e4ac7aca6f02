/**
 * What the cursor is on, for completion: a property key, a property's value, an array element, or
 * an empty document. Works on half-typed text (unclosed strings and objects, a colon with no value,
 * trailing commas), relying on the parser's recovery, and gives the source range an accepted
 * completion replaces (the partly typed word with its quotes).
 */
import type { ArrayNode, JsonNode, ObjectNode, PathSegment, PropertyNode } from '../ast';

interface Span {
  /** Start offset of the text a completion replaces. */
  from: number;
  /** End offset (exclusive) of the text a completion replaces. */
  to: number;
}

/** On a property key, or between properties where a new one can go (`property` undefined). */
export interface KeyContext extends Span {
  kind: 'key';
  object: ObjectNode;
  /** Path of the object. */
  path: PathSegment[];
  property: PropertyNode | undefined;
}

/** After a property's colon: on its value, or where its value goes (`node` undefined). */
export interface ValueContext extends Span {
  kind: 'value';
  object: ObjectNode;
  /** Path of the object holding the property. */
  path: PathSegment[];
  property: PropertyNode;
  node: JsonNode | undefined;
}

/** In an array: on a scalar element, or where a new element can go (`node` undefined). */
export interface ElementContext extends Span {
  kind: 'element';
  array: ArrayNode;
  /** Path of the array. */
  path: PathSegment[];
  node: JsonNode | undefined;
}

/** A document with no object or array yet. */
export interface EmptyContext extends Span {
  kind: 'empty';
}

export type CursorContext = KeyContext | ValueContext | ElementContext | EmptyContext;

const WORD = /[\w$.-]/;

/** The partly typed bare word (with an opening quote) around `offset`. */
export function wordSpan(text: string, offset: number): Span {
  let from = offset;
  while (from > 0 && WORD.test(text[from - 1])) from--;
  if (from > 0 && text[from - 1] === '"') from--;
  let to = offset;
  while (to < text.length && WORD.test(text[to])) to++;
  return { from, to };
}

/** True when an object or array node ends with its own closing bracket. */
export function isClosed(text: string, node: ObjectNode | ArrayNode): boolean {
  const end = node.offset + node.length;
  if (node.length < 2 || text[end - 1] !== (node.type === 'object' ? '}' : ']')) return false;
  if (node.type === 'object') {
    const last = node.properties[node.properties.length - 1];
    return last === undefined || last.offset + last.length < end;
  }
  const last = node.items[node.items.length - 1];
  return last === undefined || last.offset + last.length < end;
}

/** True when `offset` is between the brackets of a container (an unclosed one runs to its end). */
function inside(text: string, node: ObjectNode | ArrayNode, offset: number): boolean {
  const end = node.offset + node.length;
  return offset > node.offset && (offset < end || (offset === end && !isClosed(text, node)));
}

function isContainer(node: JsonNode): node is ObjectNode | ArrayNode {
  return node.type === 'object' || node.type === 'array';
}

export function cursorContext(
  text: string,
  root: JsonNode | undefined,
  offset: number,
): CursorContext | undefined {
  if (root === undefined) return { kind: 'empty', ...wordSpan(text, offset) };
  if (!isContainer(root)) {
    const end = root.offset + root.length;
    return offset >= root.offset && offset <= end
      ? { kind: 'empty', from: root.offset, to: end }
      : undefined;
  }
  return inside(text, root, offset) ? descend(text, root, offset, []) : undefined;
}

function descend(
  text: string,
  node: ObjectNode | ArrayNode,
  offset: number,
  path: PathSegment[],
): CursorContext | undefined {
  return node.type === 'object'
    ? inObject(text, node, offset, path)
    : inArray(text, node, offset, path);
}

function inObject(
  text: string,
  object: ObjectNode,
  offset: number,
  path: PathSegment[],
): CursorContext | undefined {
  const props = object.properties;
  for (let i = 0; i < props.length; i++) {
    const p = props[i];
    const key = p.key;
    const keyEnd = key.offset + key.length;
    const quoted = text[key.offset] === '"';
    if ((quoted ? offset > key.offset : offset >= key.offset) && offset <= keyEnd)
      return { kind: 'key', object, path, property: p, from: key.offset, to: keyEnd };
    if (p.colonOffset < 0 || offset <= p.colonOffset) continue;
    const next = props[i + 1];
    if (next !== undefined && offset >= next.offset) continue;
    const value = p.value;
    const here = { kind: 'value' as const, object, path, property: p };
    if (value === undefined) {
      // A colon and no value yet: the cursor is on the value unless a separator intervenes.
      if (!/[,{}[\]]/.test(text.slice(p.colonOffset + 1, offset)))
        return { ...here, node: undefined, ...wordSpan(text, offset) };
      continue;
    }
    const end = value.offset + value.length;
    if (offset < value.offset) {
      const gap = text.slice(offset, value.offset);
      if (/[,{}[\]]/.test(text.slice(p.colonOffset + 1, offset))) continue;
      // A value on a later line is the next property's key that the parser took as this value.
      if (gap.includes('\n')) return { ...here, node: undefined, ...wordSpan(text, offset) };
      return isContainer(value) ? undefined : { ...here, node: value, from: value.offset, to: end };
    }
    if (offset > end) continue;
    if (isContainer(value)) {
      if (inside(text, value, offset)) return descend(text, value, offset, [...path, key.value]);
      if (offset === value.offset) return undefined;
      continue;
    }
    return { ...here, node: value, from: value.offset, to: end };
  }
  return { kind: 'key', object, path, property: undefined, ...wordSpan(text, offset) };
}

function inArray(
  text: string,
  array: ArrayNode,
  offset: number,
  path: PathSegment[],
): CursorContext | undefined {
  const items = array.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const end = item.offset + item.length;
    if (offset < item.offset || offset > end) continue;
    if (isContainer(item)) {
      if (inside(text, item, offset)) return descend(text, item, offset, [...path, i]);
      if (offset === item.offset) return undefined;
      continue;
    }
    return { kind: 'element', array, path, node: item, from: item.offset, to: end };
  }
  return { kind: 'element', array, path, node: undefined, ...wordSpan(text, offset) };
}
