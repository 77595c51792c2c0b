/**
 * Caches: in-memory mirrors of one resource type, fed by a watcher.
 *
 * - {@link createStore}: a store's {@link CacheWriter} (one) and {@link CacheReader}
 *   (shared), with indexes and a `ready` signal.
 * - {@link reflector}: the operator that applies watcher events to a writer and
 *   passes them on.
 * - Indexers: {@link byNamespace}, {@link byOwnerUid}, {@link byLabel}.
 *
 * @module
 */
export {
  byLabel,
  byNamespace,
  byOwnerUid,
  DEFAULT_INDEXERS,
  NAMESPACE_INDEX,
  OWNER_UID_INDEX,
  type Indexer,
} from './indexers.js';
export { reflector } from './reflector.js';
export {
  createStore,
  IndexConflictError,
  UnknownIndexError,
  type CacheReader,
  type CacheWriter,
  type CreateStoreOptions,
  type CacheStore,
} from './store.js';
