/**
 * A store's whole state as plain data, for the durable backends.
 *
 * @module
 */
import type { HistoryEntry, LeaseId } from './key-value.js';

/** The format tag of {@link StoreSnapshot}. */
export const SNAPSHOT_FORMAT = 'drydock.store/v1';

/**
 * Everything a store holds, as plain data: revisions, each key's retained history,
 * the order of the retained events, and the leases. Values are the stored objects
 * themselves (shared, not copied); the snapshot is JSON-serialisable when they are.
 */
export interface StoreSnapshot<V> {
  /** Always {@link SNAPSHOT_FORMAT}. */
  readonly format: typeof SNAPSHOT_FORMAT;
  /** The revision of the last write. */
  readonly revision: number;
  /** The compaction point: reads and watches from older revisions fail. */
  readonly compactRevision: number;
  /**
   * Every key that has retained history, in key order, with that history oldest
   * first: the newest entry at or before `compactRevision` (if it is a value), then
   * every entry after it.
   */
  readonly keys: readonly { readonly key: string; readonly history: readonly HistoryEntry<V>[] }[];
  /**
   * The keys of the retained events (revision `compactRevision` on), in the order
   * the store emitted them. Each names the key of the next unconsumed history entry
   * at or after `compactRevision`; this keeps the order of writes within a
   * transaction, which revisions alone do not.
   */
  readonly events: readonly string[];
  /** The live leases, with the time each has left. */
  readonly leases: readonly {
    readonly id: LeaseId;
    readonly ttl: number;
    readonly remaining: number;
  }[];
  /** The id the next granted lease will get. */
  readonly nextLeaseId: LeaseId;
}
