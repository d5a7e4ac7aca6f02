/**
 * The names of the vocabulary, for the parser's fast path: a property name (or the value of
 * `calculation_type` or `environment`) whose characters are those of a known name becomes that very
 * string constant instead of a fresh slice of the text. Nothing is allocated for it, and each later
 * comparison or map lookup of it with the names the rules and the shape validator use is one of a
 * string object with itself (V8 keeps its hash). Strings are immutable, so which object holds the
 * characters is never observable: results do not change.
 *
 * The names are compiled into an automaton (a table of transitions on ASCII characters), so the
 * scanner recognises a name in the same single pass that finds the closing quote.
 */
import {
  CALCULATION_TYPE_ALIASES,
  CALCULATION_TYPES,
  ENVIRONMENTS,
  IDENTITY_ALIASES,
  OBJECTS,
} from './vocabulary';

/** A recogniser of a set of names: state 0 is dead, 1 the start. */
export interface KnownNames {
  /**
   * `next[state * 128 + c]`: the state after ASCII character `c`, 0 when no name goes on so. The
   * closing quote after a whole name leads to `-1 - k`, for the name `names[k]` (so the scanner
   * finds the end of a name in the same lookup as any other character).
   */
  readonly next: Int16Array;
  /** The names, by the index their closing quote's transition gives. */
  readonly names: readonly string[];
}

export const DEAD = 0;
export const START = 1;

function compile(names: Iterable<string>): KnownNames {
  const rows: number[][] = [[], []];
  const accept: Array<string | undefined> = [undefined, undefined];
  for (const name of new Set(names)) {
    let state = START;
    for (let k = 0; k < name.length; k++) {
      const c = name.charCodeAt(k);
      // Only plain ASCII (no quote, backslash or control character) is ever a transition.
      if (c >= 128 || c < 32 || c === 34 || c === 92) throw new Error(`not a plain name: ${name}`);
      let to = rows[state][c];
      if (to === undefined) {
        to = rows.length;
        rows.push([]);
        accept.push(undefined);
        rows[state][c] = to;
      }
      state = to;
    }
    accept[state] = name;
  }
  if (rows.length >= 0x8000) throw new Error('too many states for an Int16Array');
  const next = new Int16Array(rows.length * 128);
  rows.forEach((row, state) => row.forEach((to, c) => (next[state * 128 + c] = to)));
  const found: string[] = [];
  accept.forEach((name, state) => {
    if (name === undefined) return;
    next[state * 128 + 34] = -1 - found.length;
    found.push(name);
  });
  return { next, names: found };
}

let keys: KnownNames | undefined;
let values: KnownNames | undefined;

/**
 * The vocabulary's property names, and the identity names of other mParticle APIs that the
 * identities rule looks up (`IDENTITY_ALIASES`).
 */
export function knownKeys(): KnownNames {
  return (keys ??= compile([
    ...Object.values(OBJECTS).flatMap((spec) => spec.properties.map((p) => p.name)),
    ...Object.keys(IDENTITY_ALIASES),
  ]));
}

/** The values of `calculation_type` (types and aliases) and `environment`. */
export function knownValues(): KnownNames {
  return (values ??= compile([
    ...CALCULATION_TYPES.map((t) => t.name),
    ...Object.keys(CALCULATION_TYPE_ALIASES),
    ...ENVIRONMENTS,
  ]));
}
