/**
 * A seeded pseudo-random source (mulberry32): small, fast, and the same sequence on every machine,
 * for generated test data, benchmarks and demo firms that must be deterministic by seed.
 */

/** Returns a function giving uniform numbers in [0, 1), deterministic for `seed`. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
