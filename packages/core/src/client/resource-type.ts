/**
 * A resource type as clients name it: where its objects live (group, version,
 * plural, scope) and, for typing, the TypeScript type of its objects.
 *
 * @module
 */
import type * as t from 'io-ts';
import type { ApiObject } from '../apiserver/index.js';

/**
 * One resource in one group version, with the type `T` of its objects.
 *
 * Guarantees (when built by {@link resourceType}): frozen.
 */
export interface ResourceType<T extends ApiObject = ApiObject> {
  /** The API group; `''` for the core group. */
  readonly group: string;
  readonly version: string;
  /** The kind of its objects, such as `Deployment`. */
  readonly kind: string;
  /** The plural, as URLs name it: `deployments`. */
  readonly plural: string;
  /** Whether its objects live in namespaces. */
  readonly namespaced: boolean;
  /** The codec of its objects, when known (for typing; clients do not decode with it). */
  readonly codec?: t.Type<T, unknown, unknown>;
}

/** The `apiVersion` of a resource type's objects: `v1`, `apps/v1`. */
export function apiVersionOfType<T extends ApiObject>(type: ResourceType<T>): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/**
 * A {@link ResourceType}, typed by `codec` when given:
 * `resourceType({ group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, codec: Deployment })`.
 */
export function resourceType<T extends ApiObject = ApiObject>(definition: {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly namespaced: boolean;
  readonly codec?: t.Type<T, unknown, unknown>;
}): ResourceType<T> {
  return Object.freeze({ ...definition });
}

/** The name (and, for namespaced resources, namespace) of one object. */
export interface ObjectKey {
  readonly namespace?: string;
  readonly name: string;
}

/** An object's key: `namespace/name`, or `name` for cluster-scoped objects. */
export function objectKeyString(key: ObjectKey): string {
  return key.namespace === undefined || key.namespace === ''
    ? key.name
    : `${key.namespace}/${key.name}`;
}

/** The key of an object: its namespace and name. */
export function keyOf(object: ApiObject): ObjectKey {
  const namespace = object.metadata?.namespace;
  const name = object.metadata?.name ?? '';
  return namespace === undefined || namespace === '' ? { name } : { namespace, name };
}
