/** Seeded randomness for the property tests and fuzzers, so a failure reproduces from its seed. */

export interface Random {
  /** A float in [0, 1). */
  (): number;
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): Random {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function below(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** One element of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[below(random, items.length)];
}

/** True with probability p. */
export function chance(random: Random, p: number): boolean {
  return random() < p;
}
