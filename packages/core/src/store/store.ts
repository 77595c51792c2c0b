/**
 * The store interface: etcd v3 semantics, every operation asynchronous.
 *
 * @module
 */
import type { Observable } from 'rxjs';
import type { Either } from 'fp-ts/lib/Either.js';
import type { Duration } from '../clock/duration.js';
import type { KeyRange } from './key-range.js';
import type { LeaseId } from './key-value.js';
import type { LeaseGrant, LeaseRevokeResult, LeaseStatus } from './lease.js';
import type { RangeOptions, RangeResult } from './range.js';
import type { StoreError } from './store-error.js';
import type { StoreSnapshot } from './snapshot.js';
import type { TxnRequest, TxnResult } from './txn.js';
import type { WatchEvent, WatchOptions } from './watch.js';
import type { DeleteOptions, DeleteResult, PutOptions, PutResult } from './write.js';

/**
 * A multi-version key-value store with etcd v3 semantics: the model of etcd that the
 * apiserver persists to.
 *
 * - One global revision, +1 for every successful write (a transaction with several
 *   writes is one revision). Each key carries `createRevision`, `modRevision` and
 *   `version`.
 * - History is kept until compacted, so reads at past revisions and watches from
 *   past revisions work.
 * - Values are immutable and shared by reference: what a reader receives is the
 *   object the writer stored.
 *
 * Every operation resolves to an `Either`: `Left` with a {@link StoreError}, `Right`
 * with the result. Operations never reject, except on a bug.
 *
 * Assumptions: callers must not rely on a write having taken effect before its
 * promise settles, nor on a watch event arriving before the write's promise settles.
 * The in-memory store happens to be synchronous; a networked one (etcd) is not.
 */
export interface KeyValueStore<V> {
  /** Reads one key or a prefix, now or at a past revision. */
  range(range: KeyRange, options?: RangeOptions): Promise<Either<StoreError, RangeResult<V>>>;
  /** Writes one key. */
  put(key: string, value: V, options?: PutOptions): Promise<Either<StoreError, PutResult<V>>>;
  /** Deletes one key or every key under a prefix, in one revision. */
  delete(range: KeyRange, options?: DeleteOptions): Promise<Either<StoreError, DeleteResult<V>>>;
  /** Runs a compare-and-swap transaction; see {@link TxnRequest}. */
  txn(request: TxnRequest<V>): Promise<Either<StoreError, TxnResult<V>>>;
  /**
   * Watches a key or a prefix. The Observable emits events in revision order and
   * fails with a {@link StoreError} (e.g. `Compacted` when `fromRevision` is no
   * longer available). Unsubscribing cancels the watch.
   */
  watch(range: KeyRange, options?: WatchOptions): Observable<WatchEvent<V>>;
  /** Drops the history before `revision`: reads and watches from older revisions fail. */
  compact(revision: number): Promise<Either<StoreError, { readonly revision: number }>>;
  /** Grants a lease that expires `ttl` from now unless kept alive. */
  grantLease(ttl: Duration): Promise<Either<StoreError, LeaseGrant>>;
  /** Restarts a lease's time to live. */
  keepAliveLease(id: LeaseId): Promise<Either<StoreError, LeaseGrant>>;
  /** Ends a lease now, deleting its keys in one revision. */
  revokeLease(id: LeaseId): Promise<Either<StoreError, LeaseRevokeResult>>;
  /** Tells a lease's time to live, time left and keys. */
  leaseStatus(id: LeaseId): Promise<Either<StoreError, LeaseStatus>>;
  /** The whole state as plain data; see {@link StoreSnapshot}. */
  snapshot(): Promise<Either<StoreError, StoreSnapshot<V>>>;
  /**
   * Stops the store: its timers are cancelled, its watches complete, and later
   * operations fail with `StoreClosed`.
   */
  close(): Promise<void>;
}
