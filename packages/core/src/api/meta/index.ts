/**
 * The object metadata of `k8s.io/apimachinery/pkg/apis/meta/v1`, as codecs: each is the
 * TypeScript type (`t.TypeOf`), the decoder (`decodeObject`) and, with
 * `toOpenAPISchema`, the OpenAPI schema, with upstream's field names, optionality
 * and (shortened) descriptions.
 *
 * - {@link TypeMeta}: `apiVersion` and `kind`;
 * - {@link ObjectMeta}: the metadata of persisted objects, with {@link OwnerReference}
 *   and {@link ManagedFieldsEntry};
 * - {@link ListMeta}: the metadata of lists and `Status`.
 *
 * @example
 * ```ts
 * const ConfigMap = t.intersection([
 *   TypeMeta,
 *   t.partial({ metadata: ObjectMeta, data: t.record(t.string, t.string) }),
 * ]);
 * decodeObject(ConfigMap, { metadata: { name: 'cfg', foo: 1 } }, { strictFields: true });
 * // left([{ reason: 'FieldValueUnknown', field: 'metadata.foo', message: 'unknown field "metadata.foo"' }])
 * ```
 *
 * @module
 */
export { Condition } from './condition.js';
export { ListMeta } from './list-meta.js';
export { ManagedFieldsEntry } from './managed-fields-entry.js';
export { ObjectMeta } from './object-meta.js';
export { OwnerReference } from './owner-reference.js';
export { TypeMeta } from './type-meta.js';
