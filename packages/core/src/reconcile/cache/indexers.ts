/**
 * Indexers: functions that file an object under zero or more values of an index, so
 * that a cache answers "all objects in namespace X" or "all objects owned by UID Y"
 * without scanning.
 *
 * @module
 */
import type { ApiObject } from '../../apiserver/index.js';

/**
 * The values an object is filed under in one index (as client-go's `IndexFunc`).
 *
 * Guarantees expected: pure and deterministic (the cache calls it again on the old
 * object to unfile it); duplicates in the answer are harmless.
 */
export type Indexer<T extends ApiObject = ApiObject> = (object: T) => readonly string[];

/** Files an object under its namespace (`''` for cluster-scoped objects). */
export const byNamespace: Indexer = (object) => [object.metadata?.namespace ?? ''];

/** Files an object under the `uid` of each of its `metadata.ownerReferences`. */
export const byOwnerUid: Indexer = (object) =>
  (object.metadata?.ownerReferences ?? []).map((reference) => reference.uid);

/** Files an object under the value of its label `key`; not at all without that label. */
export function byLabel(key: string): Indexer {
  return (object) => {
    const value = object.metadata?.labels?.[key];
    return value === undefined ? [] : [value];
  };
}

/** The name {@link byNamespace} is registered under in every cache. */
export const NAMESPACE_INDEX = 'namespace';

/** The name {@link byOwnerUid} is registered under in every cache. */
export const OWNER_UID_INDEX = 'ownerUid';

/** The indexes every cache has: {@link NAMESPACE_INDEX} and {@link OWNER_UID_INDEX}. */
export const DEFAULT_INDEXERS: Readonly<Record<string, Indexer>> = Object.freeze({
  [NAMESPACE_INDEX]: byNamespace,
  [OWNER_UID_INDEX]: byOwnerUid,
});
