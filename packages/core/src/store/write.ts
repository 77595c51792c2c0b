/**
 * Writing keys: options and results of `put` and `delete`.
 *
 * @module
 */
import type { KeyValue, LeaseId } from './key-value.js';

/** How to write one key. */
export interface PutOptions {
  /**
   * Attach the key to this lease: when the lease expires or is revoked, the key is
   * deleted. A put without a lease detaches the key from any lease it had.
   */
  readonly lease?: LeaseId;
  /** Return the key's previous value in the result. */
  readonly prevKv?: boolean;
}

/** The answer to a `put`. */
export interface PutResult<V> {
  /** The revision of this write. */
  readonly revision: number;
  /** The previous value, when asked for and the key existed. */
  readonly prevKv?: KeyValue<V>;
}

/** How to delete keys. */
export interface DeleteOptions {
  /** Return the deleted key-values in the result. */
  readonly prevKv?: boolean;
}

/** The answer to a `delete`. */
export interface DeleteResult<V> {
  /** The revision of the delete; the current revision if nothing was deleted. */
  readonly revision: number;
  /** How many keys were deleted. */
  readonly deleted: number;
  /** The deleted key-values, in key order, when asked for. */
  readonly prevKvs?: readonly KeyValue<V>[];
}
