/**
 * Where the apiserver keeps objects in the store: one key per object, grouped by
 * resource and namespace so that a list is one prefix range.
 *
 * @module
 */

/** A resource's place in the key space: its group and plural. */
export interface ResourceKeySpace {
  /** The API group; `''` for the core group. */
  readonly group: string;
  /** The plural resource name, such as `pods`. */
  readonly plural: string;
}

/**
 * The prefix of a resource's keys, or of one namespace's keys of it:
 * `/registry/core/pods/`, `/registry/apps/deployments/default/`.
 *
 * Guarantees: no prefix of one resource (or namespace) is a prefix of another's keys,
 * since each ends with `/` and names contain no `/`.
 */
export function resourcePrefix(space: ResourceKeySpace, namespace?: string): string {
  const base = `/registry/${space.group === '' ? 'core' : space.group}/${space.plural}/`;
  return namespace === undefined || namespace === '' ? base : `${base}${namespace}/`;
}

/** The key of one object: `/registry/core/pods/default/web-0`, `/registry/core/nodes/n1`. */
export function objectKey(
  space: ResourceKeySpace,
  namespace: string | undefined,
  name: string,
): string {
  return `${resourcePrefix(space, namespace)}${name}`;
}
