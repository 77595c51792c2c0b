/**
 * Reproducible randomness and identifiers for test environments: the same seed gives
 * the same `generateName` suffixes, and uids count up from `uid-1`.
 *
 * @module
 */

/**
 * A pseudo-random generator of numbers in `[0, 1)` from a 32-bit `seed`
 * (mulberry32): the same seed always gives the same sequence.
 *
 * Caveats: not cryptographic; good enough for names, not for secrets.
 *
 * Errors: throws `RangeError` for a seed that is not a safe integer.
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`invalid seed ${seed}: expected an integer`);
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Uids `uid-1`, `uid-2`, ... in the order they are asked for (`prefix` replaces `uid-`). */
export function sequentialUids(prefix = 'uid-'): () => string {
  let next = 1;
  return () => `${prefix}${next++}`;
}
