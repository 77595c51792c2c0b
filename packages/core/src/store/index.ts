/**
 * The store: etcd's model — an observable, multi-version key-value store.
 *
 * {@link KeyValueStore} is the interface the apiserver persists through;
 * {@link MemoryStore} implements it in memory.
 *
 * @module
 */
export type { AutoCompaction } from './auto-compaction.js';
export { DEFAULT_AUTO_COMPACTION } from './auto-compaction.js';
export type { KeyRange } from './key-range.js';
export { describeKeyRange, keyRange, prefixEnd, prefixRange, rangeContains } from './key-range.js';
export type { HistoryEntry, KeyValue, LeaseId, Tombstone } from './key-value.js';
export { NO_LEASE, isTombstone } from './key-value.js';
export type { LeaseGrant, LeaseRevokeResult, LeaseStatus } from './lease.js';
export type { MemoryStoreOptions } from './memory/memory-store.js';
export { MemoryStore } from './memory/memory-store.js';
export type { RangeOptions, RangeResult } from './range.js';
export type { StoreSnapshot } from './snapshot.js';
export { SNAPSHOT_FORMAT } from './snapshot.js';
export type { KeyValueStore } from './store.js';
export type {
  Compacted,
  FutureRevision,
  InvalidRequest,
  LeaseNotFound,
  StoreClosed,
  StoreError,
  ValueTooLarge,
} from './store-error.js';
export { isStoreError } from './store-error.js';
export type { Compare, CompareOperator, TxnOp, TxnOpResult, TxnRequest, TxnResult } from './txn.js';
export { compareHolds } from './txn.js';
export type { SizeOf } from './value-size.js';
export {
  DEFAULT_MAX_REQUEST_BYTES,
  defaultSizeOf,
  defaultSizeWithin,
  recordSizeBound,
} from './value-size.js';
export type { WatchEvent, WatchOptions } from './watch.js';
export { eventRevision } from './watch.js';
export type { DeleteOptions, DeleteResult, PutOptions, PutResult } from './write.js';
