/**
 * Leases: time-limited grants that delete their keys when they expire.
 *
 * @module
 */
import type { LeaseId } from './key-value.js';

/** A granted (or renewed) lease. */
export interface LeaseGrant {
  /** The lease's id, to pass to `put`. */
  readonly id: LeaseId;
  /** The lease's time to live, in milliseconds. */
  readonly ttl: number;
}

/** What a lease looks like now. */
export interface LeaseStatus extends LeaseGrant {
  /** Milliseconds left before it expires. */
  readonly remaining: number;
  /** The keys attached to it, in key order. */
  readonly keys: readonly string[];
}

/** The answer to a lease revocation. */
export interface LeaseRevokeResult {
  /** The revision of the deletion of the lease's keys (the current one if it had none). */
  readonly revision: number;
  /** How many keys were deleted. */
  readonly deleted: number;
}
