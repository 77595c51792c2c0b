/**
 * The records the store keeps: one per revision of a key.
 *
 * @module
 */

/** A lease id; `0` means "no lease", as in etcd. */
export type LeaseId = number;

/** The lease id of a key that has no lease. */
export const NO_LEASE: LeaseId = 0;

/**
 * A key's value at one revision, with etcd's per-key counters.
 *
 * The value is the very object the writer stored: the store never copies it, so
 * every reader receives the same reference. Treat it as immutable.
 */
export interface KeyValue<V> {
  /** The key. */
  readonly key: string;
  /** The stored value, shared by reference with every other reader. */
  readonly value: V;
  /** The revision at which the key was (last) created. */
  readonly createRevision: number;
  /** The revision of the write that produced this value. */
  readonly modRevision: number;
  /** Writes to the key since it was created: 1 after the creating put. */
  readonly version: number;
  /** The lease the key is attached to, or {@link NO_LEASE}. */
  readonly lease: LeaseId;
}

/**
 * The record of a deletion: the key and the revision that deleted it.
 *
 * Shaped like etcd's delete event key-value: `createRevision`, `version` and
 * `lease` are all zero.
 */
export interface Tombstone {
  /** The deleted key. */
  readonly key: string;
  /** The revision of the delete. */
  readonly modRevision: number;
  /** Always 0. */
  readonly createRevision: 0;
  /** Always 0. */
  readonly version: 0;
  /** Always 0. */
  readonly lease: 0;
}

/** One entry in a key's history: a value, or the deletion of the key. */
export type HistoryEntry<V> = KeyValue<V> | Tombstone;

/** Whether a history entry records a deletion. */
export function isTombstone<V>(entry: HistoryEntry<V>): entry is Tombstone {
  return entry.version === 0;
}
