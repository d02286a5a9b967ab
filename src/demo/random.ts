/** Deterministic randomness: the same seed gives the same history, byte for byte. */

/** mulberry32: a tiny, fast PRNG with good enough statistics for demo traffic. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A uniform number in [0, 1) from integer coordinates, without state: any slot of any
 * stream can be computed on its own (series are written one by one, live mode jumps to now).
 */
export function hashUniform(seed: number, a: number, b: number, c: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ a ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ b ^ (h >>> 16), 0x27d4eb2f);
  h = Math.imul(h ^ c ^ (h >>> 15), 0x165667b1);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** An integer count with mean `expected`: floor(expected + u) for a uniform u. */
export function countWithMean(expected: number, u: number): number {
  return Math.floor(expected + u);
}
