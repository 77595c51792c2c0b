/**
 * The store's failures, as values.
 *
 * Every store operation resolves to an `Either<StoreError, Result>`; a watch fails
 * with a `StoreError` on the Observable's error channel. Each error has a `_tag`
 * naming what failed and a readable `message`.
 *
 * @module
 */
import type { LeaseId } from './key-value.js';

/**
 * The revision asked for is older than the compaction point: its history is gone.
 * The apiserver turns this into `410 Expired`.
 */
export interface Compacted {
  readonly _tag: 'Compacted';
  /** The oldest revision still readable. */
  readonly compactRevision: number;
  /** The revision that was asked for. */
  readonly requestedRevision: number;
  readonly message: string;
}

/** The revision asked for has not happened yet. */
export interface FutureRevision {
  readonly _tag: 'FutureRevision';
  /** The store's current revision. */
  readonly currentRevision: number;
  /** The revision that was asked for. */
  readonly requestedRevision: number;
  readonly message: string;
}

/** The lease does not exist: it was never granted, was revoked, or expired. */
export interface LeaseNotFound {
  readonly _tag: 'LeaseNotFound';
  readonly lease: LeaseId;
  readonly message: string;
}

/** A request is over the size limit (etcd's default: 1.5 MiB). */
export interface ValueTooLarge {
  readonly _tag: 'ValueTooLarge';
  /** The first key whose value pushed the request over the limit. */
  readonly key: string;
  /** The request's size in bytes, as measured by the store's `sizeOf`. */
  readonly size: number;
  /** The limit in bytes. */
  readonly limit: number;
  readonly message: string;
}

/** The request itself is malformed: an empty key, a duplicate key in a txn, a bad revision. */
export interface InvalidRequest {
  readonly _tag: 'InvalidRequest';
  /** Where in the request the problem is, as a path such as `success[1].key`. */
  readonly field: string;
  readonly message: string;
}

/** The store was closed; nothing more can be read or written. */
export interface StoreClosed {
  readonly _tag: 'StoreClosed';
  readonly message: string;
}

/** Everything a store operation can fail with. */
export type StoreError =
  Compacted | FutureRevision | LeaseNotFound | ValueTooLarge | InvalidRequest | StoreClosed;

/** A {@link Compacted} error. */
export function compacted(args: { compactRevision: number; requestedRevision: number }): Compacted {
  return {
    _tag: 'Compacted',
    ...args,
    message: `required revision ${args.requestedRevision} has been compacted; the oldest available revision is ${args.compactRevision}`,
  };
}

/** A {@link FutureRevision} error. */
export function futureRevision(args: {
  currentRevision: number;
  requestedRevision: number;
}): FutureRevision {
  return {
    _tag: 'FutureRevision',
    ...args,
    message: `required revision ${args.requestedRevision} is a future revision; the current revision is ${args.currentRevision}`,
  };
}

/** A {@link LeaseNotFound} error. */
export function leaseNotFound(lease: LeaseId): LeaseNotFound {
  return { _tag: 'LeaseNotFound', lease, message: `lease ${lease} not found` };
}

/** A {@link ValueTooLarge} error. */
export function valueTooLarge(args: { key: string; size: number; limit: number }): ValueTooLarge {
  return {
    _tag: 'ValueTooLarge',
    ...args,
    message: `request is too large: ${args.size} bytes (at key ${JSON.stringify(args.key)}) exceeds the limit of ${args.limit} bytes`,
  };
}

/** An {@link InvalidRequest} error. */
export function invalidRequest(field: string, message: string): InvalidRequest {
  return { _tag: 'InvalidRequest', field, message: `${field}: ${message}` };
}

/** A {@link StoreClosed} error. */
export const storeClosed: StoreClosed = { _tag: 'StoreClosed', message: 'the store is closed' };

/** Whether an unknown value is a {@link StoreError} (for a watch's error channel). */
export function isStoreError(value: unknown): value is StoreError {
  if (typeof value !== 'object' || value === null || !('_tag' in value)) {
    return false;
  }
  switch (value._tag) {
    case 'Compacted':
    case 'FutureRevision':
    case 'LeaseNotFound':
    case 'ValueTooLarge':
    case 'InvalidRequest':
    case 'StoreClosed':
      return true;
    default:
      return false;
  }
}
