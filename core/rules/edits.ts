/** Text edits the quick fixes share: rename a key, insert a property, remove an array element. */
import type { JsonNode, ObjectNode, PropertyNode, StringNode } from '../ast';
import type { Edit, Fix } from '../diagnostics';
import { removePropertyEdit } from '../parser';

export function renameKeyFix(key: StringNode, to: string, preferred: boolean): Fix {
  return {
    title: `Rename to "${to}"`,
    edits: [{ offset: key.offset, length: key.length, newText: JSON.stringify(to) }],
    preferred,
  };
}

export function replaceFix(
  node: { offset: number; length: number },
  newText: string,
  title: string,
  preferred: boolean,
): Fix {
  return { title, edits: [{ offset: node.offset, length: node.length, newText }], preferred };
}

export function removePropertyFix(
  object: ObjectNode,
  prop: PropertyNode,
  text: string,
  title: string,
  preferred: boolean,
): Fix {
  const i = object.properties.indexOf(prop);
  return { title, edits: [removePropertyEdit(object.properties, i, text)], preferred };
}

/** The whitespace that starts the line holding `offset`, when only whitespace precedes it there. */
function lineIndent(text: string, offset: number): string | undefined {
  let k = offset;
  while (k > 0 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
  if (k > 0 && text.charCodeAt(k - 1) !== 10) return undefined;
  return text.slice(k, offset);
}

/** An edit that adds `"name": valueText` as the last property of `object`, matching its layout. */
export function insertPropertyEdit(
  object: ObjectNode,
  name: string,
  valueText: string,
  text: string,
): Edit {
  const entry = `${JSON.stringify(name)}: ${valueText}`;
  const props = object.properties;
  if (props.length > 0) {
    const last = props[props.length - 1];
    const at = last.offset + last.length;
    const indent = lineIndent(text, last.offset);
    return {
      offset: at,
      length: 0,
      newText: indent === undefined ? `, ${entry}` : `,\n${indent}${entry}`,
    };
  }
  const at = object.offset + 1;
  const indent = lineIndent(text, object.offset);
  const closedOnSameLine = text.charCodeAt(at) === 125; // }
  if (indent !== undefined && closedOnSameLine) {
    return { offset: at, length: 0, newText: `\n${indent}  ${entry}\n${indent}` };
  }
  return { offset: at, length: 0, newText: ` ${entry} ` };
}

/** An edit that deletes element `i` of an array together with its separating comma. */
export function removeItemEdit(items: readonly JsonNode[], i: number): Edit {
  const item = items[i];
  if (i > 0) {
    const prev = items[i - 1];
    const from = prev.offset + prev.length;
    return { offset: from, length: item.offset + item.length - from, newText: '' };
  }
  if (items.length > 1) {
    const to = items[1].offset;
    return { offset: item.offset, length: to - item.offset, newText: '' };
  }
  return { offset: item.offset, length: item.length, newText: '' };
}
