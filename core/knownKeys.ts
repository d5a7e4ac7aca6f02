/**
 * The property names of the vocabulary, for the parser's fast path for keys: a key whose characters
 * are those of a known name becomes that very string constant instead of a fresh slice of the text.
 * Nothing is allocated for it, and every later comparison of that key with a name the rules and the
 * shape validator compare it with is a comparison of one string object with itself. Strings are
 * immutable, so which object holds the characters is never observable: results do not change.
 */
import { OBJECTS } from './vocabulary';

let table: Map<number, string> | undefined;

/** Length, first and last UTF-16 unit of a name, as one number (names are short and ASCII). */
function signature(length: number, first: number, last: number): number {
  return length * 65536 + (first & 255) * 256 + (last & 255);
}

function build(): Map<number, string> {
  const t = new Map<number, string>();
  const clash = new Set<number>();
  for (const spec of Object.values(OBJECTS)) {
    for (const p of spec.properties) {
      const name = p.name;
      const sig = signature(name.length, name.charCodeAt(0), name.charCodeAt(name.length - 1));
      const had = t.get(sig);
      // Two names with one signature: neither is taken (the slow path still reads them).
      if (had !== undefined && had !== name) clash.add(sig);
      else t.set(sig, name);
    }
  }
  for (const sig of clash) t.delete(sig);
  return t;
}

/**
 * The known name whose characters `text` holds from `from` to `to` (exclusive), or undefined. Only
 * a name made of plain characters can match, so a match also says there is no escape and no
 * control character in that range.
 */
export function knownKeyAt(text: string, from: number, to: number): string | undefined {
  const length = to - from;
  if (length === 0) return undefined;
  const name = (table ??= build()).get(
    signature(length, text.charCodeAt(from), text.charCodeAt(to - 1)),
  );
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
