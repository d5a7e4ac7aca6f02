/**
 * The names of the vocabulary, for the parser's fast path: a property name (or the value of
 * `calculation_type` or `environment`) whose characters are those of a known name becomes that very
 * string constant instead of a fresh slice of the text. Nothing is allocated for it, and each later
 * comparison or map lookup of it with the names the rules and the shape validator use is one of a
 * string object with itself (V8 keeps its hash). Strings are immutable, so which object holds the
 * characters is never observable: results do not change.
 */
import { CALCULATION_TYPE_ALIASES, CALCULATION_TYPES, ENVIRONMENTS, OBJECTS } from './vocabulary';

type Table = Map<number, string>;

let keys: Table | undefined;
let values: Table | undefined;

/** Length, first and last UTF-16 unit of a name, as one number (names are short and ASCII). */
function signature(length: number, first: number, last: number): number {
  return length * 65536 + (first & 255) * 256 + (last & 255);
}

function build(names: Iterable<string>): Table {
  const t: Table = new Map();
  const clash = new Set<number>();
  for (const name of names) {
    const sig = signature(name.length, name.charCodeAt(0), name.charCodeAt(name.length - 1));
    const had = t.get(sig);
    // Two names with one signature: neither is taken (the slow path still reads them).
    if (had !== undefined && had !== name) clash.add(sig);
    else t.set(sig, name);
  }
  for (const sig of clash) t.delete(sig);
  return t;
}

function propertyNames(): string[] {
  return Object.values(OBJECTS).flatMap((spec) => spec.properties.map((p) => p.name));
}

function valueNames(): string[] {
  return [
    ...CALCULATION_TYPES.map((t) => t.name),
    ...Object.keys(CALCULATION_TYPE_ALIASES),
    ...ENVIRONMENTS,
  ];
}

/**
 * The property name of the vocabulary whose characters `text` holds from `from` to `to`
 * (exclusive), or undefined. Only a name made of plain characters can match, so a match also says
 * that there is no escape and no control character in that range.
 */
export function knownKeyAt(text: string, from: number, to: number): string | undefined {
  return find((keys ??= build(propertyNames())), text, from, to);
}

/** The same for the values of `calculation_type` (types and aliases) and `environment`. */
export function knownValueAt(text: string, from: number, to: number): string | undefined {
  return find((values ??= build(valueNames())), text, from, to);
}

function find(table: Table, text: string, from: number, to: number): string | undefined {
  const length = to - from;
  if (length === 0) return undefined;
  const name = table.get(signature(length, text.charCodeAt(from), text.charCodeAt(to - 1)));
  if (name === undefined) return undefined;
  for (let k = 1; k < length - 1; k++) {
    if (text.charCodeAt(from + k) !== name.charCodeAt(k)) return undefined;
  }
  // The signature keeps the low 8 bits of the first and last units: check them whole.
  return text.charCodeAt(from) === name.charCodeAt(0) &&
    text.charCodeAt(to - 1) === name.charCodeAt(length - 1)
    ? name
    : undefined;
}
