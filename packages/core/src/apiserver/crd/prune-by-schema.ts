/**
 * Pruning a custom resource: dropping the fields its CRD's schema does not specify.
 *
 * @module
 */
import type { JSONSchemaProps } from '../../api/codec/openapi-schema.js';
import { childPath, keyPath } from './field-errors.js';
import { isJSONObject, ownEntry } from './json-values.js';

/** What {@link pruneBySchema} gives back. */
export interface PruneResult {
  /** The value without the fields the schema does not allow. */
  readonly value: unknown;
  /**
   * The paths of the dropped fields, in input order (`spec.foo`, `spec.items[0].bar`,
   * `spec.limits[cpu].extra`): the `unknown field` errors of `fieldValidation=Strict`
   * and the warnings of `Warn`.
   */
  readonly unknownFields: readonly string[];
}

// Fields kept as they are at the root of an object and of an embedded resource:
// `metadata` is coerced to ObjectMeta by the apiserver, not pruned by the schema.
const TYPE_AND_OBJECT_META = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * `value` without the object fields `schema` does not specify, at every depth, as
 * the apiserver prunes a custom resource before defaulting and validating it.
 *
 * Rules, as upstream's structural pruning:
 * - an object keeps the fields named in `properties` (each pruned with its schema)
 *   and, when `additionalProperties` is a schema, every other field (pruned with it);
 *   `additionalProperties: true` keeps them as they are;
 * - `x-kubernetes-preserve-unknown-fields: true` keeps fields the schema does not
 *   name, as they are, while named fields are still pruned;
 * - `apiVersion`, `kind` and `metadata` at the root and in an
 *   `x-kubernetes-embedded-resource` are always kept, as they are;
 * - list items are pruned with `items`; scalars, and values whose type does not
 *   match the schema, are kept (validation reports them);
 * - `anyOf`, `allOf`, `oneOf` and `not` play no part (in a structural schema they
 *   cannot specify fields).
 *
 * Guarantees: the input is not modified; pruned objects and lists are new.
 */
export function pruneBySchema(value: unknown, schema: JSONSchemaProps): PruneResult {
  const unknownFields: string[] = [];
  return { value: prune(value, schema, '', true, unknownFields), unknownFields };
}

function prune(
  value: unknown,
  s: JSONSchemaProps,
  path: string,
  isResource: boolean,
  unknown: string[],
): unknown {
  if (Array.isArray(value)) {
    const items = s.items;
    return items === undefined
      ? value
      : value.map((item: unknown, i) => prune(item, items, keyPath(path, i), false, unknown));
  }
  if (!isJSONObject(value)) {
    return value;
  }
  const keepsResourceFields = isResource || s['x-kubernetes-embedded-resource'] === true;
  const preserves = s['x-kubernetes-preserve-unknown-fields'] === true;
  const additional = s.additionalProperties;
  // Built with fromEntries, which defines keys such as `__proto__` as plain fields.
  const entries: [string, unknown][] = [];
  for (const [key, item] of Object.entries(value)) {
    const property = ownEntry(s.properties, key);
    if (keepsResourceFields && TYPE_AND_OBJECT_META.has(key)) {
      entries.push([key, item]);
    } else if (property !== undefined) {
      entries.push([key, prune(item, property, childPath(path, key), false, unknown)]);
    } else if (typeof additional === 'object') {
      entries.push([key, prune(item, additional, keyPath(path, key), false, unknown)]);
    } else if (additional === true || preserves) {
      entries.push([key, item]);
    } else {
      unknown.push(childPath(path, key));
    }
  }
  return Object.fromEntries(entries);
}
