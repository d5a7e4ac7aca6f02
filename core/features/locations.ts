/**
 * Where a node sits in a seed payload, by its JSON path: the shared vocabulary of completion, hover
 * and symbols. A path is what `pathOfChain` gives (keys and array indexes from the root).
 */
import type { JsonNode, PathSegment } from '../ast';
import { nodeAtPath } from '../ast';

/** Objects whose properties the API defines. */
export type ObjectLocation =
  | 'user'
  | 'identities'
  | 'calculated_attributes'
  | 'seed-entry'
  | 'seed'
  | 'key_value_pairs'
  | 'user_attributes'
  | 'user-attribute';

/** Arrays whose elements the API defines. */
export type ArrayLocation = 'users' | 'seed-entries' | 'user-attribute-entries' | 'list';

export type Location = ObjectLocation | ArrayLocation | 'unknown';

const IDX = 0; // placeholder for "any array index" in the patterns below

const PATTERNS: ReadonlyArray<[ReadonlyArray<string | typeof IDX>, Location]> = [
  [[], 'user'],
  [['identities'], 'identities'],
  [['calculated_attributes'], 'calculated_attributes'],
  [['calculated_attributes', 'workspace'], 'seed-entries'],
  [['calculated_attributes', 'workspace', IDX], 'seed-entry'],
  [['calculated_attributes', 'workspace', IDX, 'seed'], 'seed'],
  [['calculated_attributes', 'workspace', IDX, 'seed', 'key_value_pairs'], 'key_value_pairs'],
  [['calculated_attributes', 'workspace', IDX, 'seed', 'list'], 'list'],
  [['user_attributes'], 'user_attributes'],
  [['user_attributes', 'workspace'], 'user-attribute-entries'],
  [['user_attributes', 'workspace', IDX], 'user-attribute'],
];

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
  for (const [pattern, location] of PATTERNS) {
    if (pattern.length !== path.length) continue;
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const p = pattern[i];
      ok = p === IDX ? typeof path[i] === 'number' : p === path[i];
    }
    if (ok) return location;
  }
  return 'unknown';
}

export function isObjectLocation(l: Location): l is ObjectLocation {
  return (
    l !== 'unknown' &&
    l !== 'users' &&
    l !== 'seed-entries' &&
    l !== 'user-attribute-entries' &&
    l !== 'list'
  );
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
