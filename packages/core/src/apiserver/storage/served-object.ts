/**
 * The object a reader sees: the stored object with `metadata.resourceVersion` set to
 * the revision that wrote it.
 *
 * The store keeps each object once, as written; its revision is only known once the
 * write commits, so the resourceVersion is added on the way out. Each stored value is
 * decorated once and the result is shared by every reader (a `WeakMap` keyed by the
 * stored value, which is immutable and unique to its write), so reads allocate
 * nothing after the first.
 *
 * @module
 */
import type { KeyValue } from '../../store/index.js';
import type { ApiObject } from '../api-object.js';
import { withFields } from '../object-copy.js';

const served = new WeakMap<ApiObject, ApiObject>();

/**
 * The object in `kv` as readers see it: its `metadata.resourceVersion` is the write's
 * revision (`kv.modRevision`).
 *
 * Guarantees: the same object for the same stored value, every time; frozen, with
 * every field but the two top levels of `metadata` shared with the stored value.
 */
export function servedObject(kv: KeyValue<ApiObject>): ApiObject {
  const value = kv.value;
  // Every watcher of a write asks for its object and the one before, in turn: the
  // last two answers are kept at hand, in front of the WeakMap.
  if (value === recentValue && recentServed !== undefined) {
    return recentServed;
  }
  if (value === previousValue && previousServed !== undefined) {
    return previousServed;
  }
  let object = served.get(value);
  if (object === undefined) {
    object = withResourceVersion(value, kv.modRevision);
    served.set(value, object);
  }
  previousValue = recentValue;
  previousServed = recentServed;
  recentValue = value;
  recentServed = object;
  return object;
}

let recentValue: ApiObject | undefined;
let recentServed: ApiObject | undefined;
let previousValue: ApiObject | undefined;
let previousServed: ApiObject | undefined;

/**
 * The object with `metadata.resourceVersion` set to `revision`, as a new frozen
 * object sharing everything else (used for a deleted object, whose resourceVersion is
 * the deleting revision).
 */
export function withResourceVersion(object: ApiObject, revision: number): ApiObject {
  const metadata = Object.freeze(
    withFields(object.metadata ?? {}, { resourceVersion: String(revision) }),
  );
  return Object.freeze(withFields(object, { metadata }));
}

/**
 * The revision a resourceVersion string names, or `undefined` if it is not a decimal
 * revision (`''`, `'abc'`, `'-1'`, `'1.5'`). `'0'` is 0.
 */
export function parseResourceVersion(resourceVersion: string): number | undefined {
  if (!/^(0|[1-9][0-9]{0,15})$/.test(resourceVersion)) {
    return undefined;
  }
  const revision = Number(resourceVersion);
  return Number.isSafeInteger(revision) ? revision : undefined;
}
