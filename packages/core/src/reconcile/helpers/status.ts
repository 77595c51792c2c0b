/**
 * Writing an object's status only when it changed, so that a reconcile that finds
 * nothing to do writes nothing (and triggers no watch event, no new reconcile).
 *
 * @module
 */
import { right } from 'fp-ts/lib/Either.js';
import type { ApiObject } from '../../apiserver/api-object.js';
import { isPlainObject } from '../../apiserver/api-object.js';
import { jsonEqual } from '../../apiserver/json-equal.js';
import type { Client, ClientResult } from '../../client/client.js';
import { keyOf, type ResourceType } from '../../client/resource-type.js';

/** What {@link patchStatusIfChanged} needs. */
export interface PatchStatusIfChangedOptions<T extends ApiObject> {
  readonly client: Client;
  /** The object's resource type (with a `status` subresource). */
  readonly type: ResourceType<T>;
  /** The object as last read. */
  readonly object: T;
  /** The whole status the object should have. */
  readonly status: T['status'];
  /**
   * Whether the write must fail with `409 Conflict` if the object changed since
   * `object` was read (the patch then carries its `metadata.resourceVersion`).
   * Default: `false`, the status is written over whatever is there.
   */
  readonly optimisticLock?: boolean;
}

/**
 * Writes `status` through the `status` subresource when it differs (deep JSON
 * equality) from `object.status`; answers the object as written, or `object` itself
 * when nothing differed.
 *
 * The write is a JSON merge patch of the difference: changed fields are set, fields
 * that `status` lacks and `object.status` has are removed (`null`), lists are
 * replaced whole.
 *
 * Errors: the apiserver's `Status` as `left` (`404 NotFound`, `409 Conflict` with
 * `optimisticLock`, ...).
 *
 * Caveats: a merge patch cannot write a `null` value: a `null` in `status` removes
 * the field instead. The comparison is with `object`, not the stored object: a status
 * someone changed since `object` was read may be overwritten (use `optimisticLock`).
 */
export async function patchStatusIfChanged<T extends ApiObject>(
  options: PatchStatusIfChangedOptions<T>,
): ClientResult<T> {
  const { client, type, object, status } = options;
  const current = object['status'];
  if (jsonEqual(current, status)) {
    return right(object);
  }
  const resourceVersion = object.metadata?.resourceVersion;
  const body = {
    ...(options.optimisticLock === true && resourceVersion !== undefined
      ? { metadata: { resourceVersion } }
      : {}),
    status: mergePatchFrom(current, status),
  };
  return client.patchStatus(type, keyOf(object), { type: 'merge', body });
}

/**
 * The RFC 7386 merge patch that turns `from` into `to`: `to` itself unless both are
 * objects; then the changed fields, recursively, and `null` for removed ones.
 */
function mergePatchFrom(from: unknown, to: unknown): unknown {
  if (!isPlainObject(from) || !isPlainObject(to)) {
    return to === undefined ? null : to;
  }
  const patch: Record<string, unknown> = {};
  for (const key in from) {
    if (from[key] !== undefined && to[key] === undefined) {
      patch[key] = null;
    }
  }
  for (const key in to) {
    const value = to[key];
    if (value !== undefined && !jsonEqual(from[key], value)) {
      patch[key] = mergePatchFrom(from[key], value);
    }
  }
  return patch;
}
