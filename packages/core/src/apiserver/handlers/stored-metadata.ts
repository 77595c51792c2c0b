/**
 * Keeping the stored object's `metadata` when a change leaves it as it was: most
 * changes (a status patch, a binding) touch other parts, yet each builds the metadata
 * anew on the way.
 *
 * @module
 */
import type { ObjectMeta } from '../../api/meta/index.js';
import type { ApiObject } from '../api-object.js';
import { withFields } from '../object-copy.js';

// Looked up once: in a `vm` context (as jest runs tests) each global lookup goes
// through the context's interceptors.
const keysOf = Object.keys;

/**
 * `object` with the metadata of `stored` (the version it replaces) in place of its
 * own when the two have the same fields, in the same order, with the same values (by
 * reference): the written object then shares the stored metadata, already frozen and
 * measured, instead of keeping a copy of it. Otherwise `object` itself.
 *
 * Guarantees: the result encodes to the same JSON as `object`, and has the same fields
 * in the same order; `object` is not modified.
 */
export function withStoredMetadataIfUnchanged(object: ApiObject, stored: ApiObject): ApiObject {
  const metadata = object.metadata;
  const storedMetadata = stored.metadata;
  if (
    metadata === undefined ||
    storedMetadata === undefined ||
    metadata === storedMetadata ||
    !sameFields(metadata, storedMetadata)
  ) {
    return object;
  }
  return withFields(object, { metadata: storedMetadata });
}

// The same own enumerable fields, in the same order, with identical values.
function sameFields(a: ObjectMeta, b: ObjectMeta): boolean {
  const aKeys = keysOf(a);
  const bKeys = keysOf(b);
  if (aKeys.length !== bKeys.length) {
    return false;
  }
  const aFields = a as Readonly<Record<string, unknown>>;
  const bFields = b as Readonly<Record<string, unknown>>;
  for (let i = 0; i < aKeys.length; i++) {
    const key = aKeys[i] as string;
    if (key !== bKeys[i] || aFields[key] !== bFields[key]) {
      return false;
    }
  }
  return true;
}
