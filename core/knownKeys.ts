/**
 * The names of the vocabulary, for the parser's fast path: a property name (or the value of
 * `calculation_type` or `environment`) whose characters are those of a known name becomes that very
 * string constant instead of a fresh slice of the text. Nothing is allocated for it, and each later
 * comparison or map lookup of it with the names the rules and the shape validator use is one of a
 * string object with itself (V8 keeps its hash). Strings are immutable, so which object holds the
 * characters is never observable: results do not change.
 */
import { CALCULATION_TYPE_ALIASES, CALCULATION_TYPES, ENVIRONMENTS, OBJECTS } from './vocabulary';

/** Open addressing on (length, first, last character): a few array reads, no hashing of a string. */
type Table = Array<string | undefined>;

const SIZE = 1024;
const MASK = SIZE - 1;

let keys: Table | undefined;
let values: Table | undefined;

function slot(length: number, first: number, last: number): number {
  return (length * 31 + first * 7 + last * 131) & MASK;
}

function build(names: Iterable<string>): Table {
  const t: Table = new Array<string | undefined>(SIZE).fill(undefined);
  for (const name of new Set(names)) {
    let i = slot(name.length, name.charCodeAt(0), name.charCodeAt(name.length - 1));
    while (t[i] !== undefined) i = (i + 1) & MASK;
    t[i] = name;
  }
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
  const first = text.charCodeAt(from);
  const last = text.charCodeAt(to - 1);
  for (let i = slot(length, first, last); ; i = (i + 1) & MASK) {
    const name = table[i];
    if (name === undefined) return undefined;
    if (
      name.length === length &&
      name.charCodeAt(0) === first &&
      name.charCodeAt(length - 1) === last &&
      sameMiddle(text, from, name)
    )
      return name;
  }
}

/** The characters between the first and the last are those of `name`. */
function sameMiddle(text: string, from: number, name: string): boolean {
  for (let k = 1; k < name.length - 1; k++) {
    if (text.charCodeAt(from + k) !== name.charCodeAt(k)) return false;
  }
  return true;
}
