/**
 * Reproducible randomness and identifiers for test environments: the same seed gives
 * the same `generateName` suffixes, and uids count up from `uid-1`.
 *
 * @module
 */

/** The seeded generator (mulberry32) the whole of drydock uses: `@drydock/core`'s. */
export { seededRandom } from '@drydock/core';

/** Uids `uid-1`, `uid-2`, ... in the order they are asked for (`prefix` replaces `uid-`). */
export function sequentialUids(prefix = 'uid-'): () => string {
  let next = 1;
  return () => `${prefix}${next++}`;
}
