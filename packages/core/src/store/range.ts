/**
 * Reading keys: options and results of `range`.
 *
 * @module
 */
import type { KeyValue } from './key-value.js';

/** How to read a range. */
export interface RangeOptions {
  /**
   * Read the keys as they were at this revision. Unset or 0: the current revision.
   * Older than the compaction point: `Compacted`; newer than the current revision:
   * `FutureRevision`.
   */
  readonly revision?: number;
  /** Return at most this many items (`more` tells whether there were others). 0 or unset: no limit. */
  readonly limit?: number;
  /** Return no items, only `count`. */
  readonly countOnly?: boolean;
}

/** The answer to a `range`. */
export interface RangeResult<V> {
  /** The store's current revision when the read was served (also for reads in the past). */
  readonly revision: number;
  /** The matching key-values in key order (empty with `countOnly`). */
  readonly items: readonly KeyValue<V>[];
  /** How many keys matched in all, regardless of `limit`. */
  readonly count: number;
  /** Whether `limit` left matching keys out of `items` (always false with `countOnly`). */
  readonly more: boolean;
}
