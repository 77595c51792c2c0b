/**
 * Watching keys: options and events of `watch`.
 *
 * @module
 */
import type { KeyValue, Tombstone } from './key-value.js';

/** How to watch a range. */
export interface WatchOptions {
  /**
   * Start at this revision: the history from it on is replayed first, then live
   * events follow with no gap and no duplicate at the seam. Unset or 0: only writes
   * after the watch starts. Older than the compaction point: the watch fails with
   * `Compacted`. In the future: events start when the store reaches it.
   */
  readonly fromRevision?: number;
  /** Give each event the key's previous value as `prevKv` (when it had one). */
  readonly prevKv?: boolean;
}

/**
 * A change to one key. Events arrive in revision order; the events of one
 * transaction share a revision and arrive in the order of its operations.
 */
export type WatchEvent<V> =
  | {
      readonly type: 'PUT';
      /** The new value. */
      readonly kv: KeyValue<V>;
      /** The value before, if asked for and the key existed. */
      readonly prevKv?: KeyValue<V>;
    }
  | {
      readonly type: 'DELETE';
      /** The key and the revision of the delete. */
      readonly kv: Tombstone;
      /** The deleted value, if asked for. */
      readonly prevKv?: KeyValue<V>;
    };

/** The revision at which an event happened. */
export function eventRevision<V>(event: WatchEvent<V>): number {
  return event.kv.modRevision;
}
