/**
 * Where a node sits in a seed payload, by its JSON path: the vocabulary's `Kind` of the node (the
 * one name of a location, used by the shape validator, the rules, completion, hover and symbols).
 * A path is what `pathOfChain` gives (keys and array indexes from the root).
 */
import type { JsonNode, PathSegment } from '../ast';
import { nodeAtPath } from '../ast';
import type { ArrayKind, Kind, ObjectKind } from '../vocabulary';
import { childKind, isObjectKind } from '../vocabulary';

/** Objects whose properties the API defines. */
export type ObjectLocation = ObjectKind;

/** Arrays whose elements the API defines. */
export type ArrayLocation = ArrayKind;

export type Location = Kind | 'unknown';

/** The number of leading path segments that lead to the user object (1 in a bulk file). */
export function userDepth(root: JsonNode | undefined): number {
  return root?.type === 'array' ? 1 : 0;
}

/** What the node at `path` is, in a document whose root is `root`. */
export function locate(root: JsonNode | undefined, path: readonly PathSegment[]): Location {
  if (root?.type === 'array') {
    if (path.length === 0) return 'users';
    if (typeof path[0] !== 'number') return 'unknown';
    path = path.slice(1);
  } else if (root?.type !== 'object') {
    return 'unknown';
  }
  let kind: Kind = 'user';
  for (const seg of path) {
    const next = childKind(kind, seg);
    if (next === undefined) return 'unknown';
    kind = next;
  }
  return kind;
}

export function isObjectLocation(l: Location): l is ObjectLocation {
  return isObjectKind(l);
}

/**
 * The seed entry (calculated_attributes.workspace[i]) a path lies in, found from the root, or
 * undefined when the path is not inside one.
 */
export function seedEntryOf(
  root: JsonNode | undefined,
  path: readonly PathSegment[],
): JsonNode | undefined {
  const d = userDepth(root);
  if (
    path.length < d + 3 ||
    path[d] !== 'calculated_attributes' ||
    path[d + 1] !== 'workspace' ||
    typeof path[d + 2] !== 'number'
  )
    return undefined;
  return nodeAtPath(root, path.slice(0, d + 3));
}
