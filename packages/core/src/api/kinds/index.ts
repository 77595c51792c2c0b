/**
 * The built-in kinds as codecs, one folder per API group and version: each codec is
 * the kind's TypeScript type (`t.TypeOf`, under the same name), its decoder
 * (`decodeObject`, with field paths) and, with `toOpenAPISchema`, its OpenAPI schema,
 * with upstream's field names, optionality and (shortened) descriptions.
 *
 * - core `v1`: {@link Namespace}, {@link ConfigMap}, {@link Secret},
 *   {@link ServiceAccount}, {@link Event}, {@link Binding}, {@link ObjectReference};
 * - core `v1` also: {@link Pod}, {@link Node}, {@link Service}, {@link Endpoints};
 * - `apps/v1`: {@link Deployment}, {@link ReplicaSet};
 * - `discovery.k8s.io/v1`: {@link EndpointSlice};
 * - `rbac.authorization.k8s.io/v1`: {@link Role}, {@link ClusterRole},
 *   {@link RoleBinding}, {@link ClusterRoleBinding};
 * - `apiextensions.k8s.io/v1`: {@link CustomResourceDefinition};
 * - `coordination.k8s.io/v1`: {@link Lease};
 * - `autoscaling/v1`: {@link Scale};
 * - `authorization.k8s.io/v1`: {@link SubjectAccessReview},
 *   {@link SelfSubjectAccessReview}.
 *
 * Every kind's `apiVersion` and `kind` are literals (`'v1'`, `'ConfigMap'`), optional
 * because a request body may leave them to the URL; stored kinds have a
 * `<Kind>List` (`ConfigMapList`); create-only kinds and subresources (`Binding`,
 * `Scale`, the access reviews) have none, as upstream.
 *
 * @example
 * ```ts
 * decodeObject(ConfigMap, { kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: 1 } });
 * // left([{ reason: 'FieldValueTypeInvalid', field: 'data[a]',
 * //         message: 'Invalid value: "integer": must be of type string' }])
 * toOpenAPISchema(Lease).properties?.spec?.properties?.leaseDurationSeconds;
 * // { type: 'integer', format: 'int32', description: 'leaseDurationSeconds is ...' }
 * ```
 *
 * @module
 */
export * from './apiextensions-v1/index.js';
export * from './apps-v1/index.js';
export * from './authorization-v1/index.js';
export * from './autoscaling-v1/index.js';
export * from './coordination-v1/index.js';
export * from './core-v1/index.js';
export * from './discovery-v1/index.js';
export * from './rbac-v1/index.js';
export type { ListCodec, TypeMetaProps } from './kind-codec.js';
export { listOf, typeMetaOf } from './kind-codec.js';
