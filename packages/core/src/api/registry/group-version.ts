/**
 * API groups, versions, kinds and resources, as upstream's `schema` package names them,
 * and the `apiVersion` strings objects carry (`v1`, `apps/v1`).
 *
 * `GroupResource` is the one in `../status/` (`{ resource, group? }`), reused here.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { malformedApiVersion, type MalformedApiVersion } from './registry-error.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** An API group and version, as upstream's `schema.GroupVersion`; the core group is `''`. */
export interface GroupVersion {
  /** The API group, such as `apps`; `''` for the core group. */
  readonly group: string;
  /** The version, such as `v1`. */
  readonly version: string;
}

/** A kind in a group and version, as upstream's `schema.GroupVersionKind`: `apps/v1 Deployment`. */
export interface GroupVersionKind extends GroupVersion {
  /** The kind, in CamelCase, such as `Deployment`. */
  readonly kind: string;
}

/**
 * A resource in a group and version, as upstream's `schema.GroupVersionResource`:
 * `deployments` in `apps/v1`.
 */
export interface GroupVersionResource extends GroupVersion {
  /** The resource's plural name, such as `deployments`. */
  readonly resource: string;
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

/**
 * The `apiVersion` of objects in a group and version: the version alone for the core
 * group (`v1`), `group/version` otherwise (`apps/v1`).
 */
export function apiVersionOf(groupVersion: GroupVersion): string {
  return groupVersion.group === ''
    ? groupVersion.version
    : `${groupVersion.group}/${groupVersion.version}`;
}

/**
 * Splits an `apiVersion` into its group and version: `v1` is the core group's,
 * `apps/v1` is `apps`'s (upstream's `schema.ParseGroupVersion`).
 *
 * Errors: `left(MalformedApiVersion)` for the empty string, more than one `/`, or an
 * empty group or version around the `/` (`apps/`, `/v1`). Upstream reads `''` as the
 * empty GroupVersion; an object's `apiVersion` cannot be empty, so it is refused here.
 */
export function parseApiVersion(apiVersion: string): Either<MalformedApiVersion, GroupVersion> {
  const parts = apiVersion.split('/');
  if (parts.length === 1 && apiVersion !== '') {
    return right({ group: '', version: apiVersion });
  }
  const [group, version] = parts;
  if (
    parts.length === 2 &&
    group !== undefined &&
    group !== '' &&
    version !== undefined &&
    version !== ''
  ) {
    return right({ group, version });
  }
  return left(malformedApiVersion(apiVersion));
}
