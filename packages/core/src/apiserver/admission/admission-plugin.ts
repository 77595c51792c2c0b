/**
 * The admission stages: mutating plugins change an object before validation,
 * validating plugins accept or reject it after. Built-in plugins and the ones users
 * register share these shapes.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { GroupVersionKind, GroupVersionResource } from '../../api/registry/index.js';
import type { Status } from '../../api/status/index.js';
import type { ApiObject } from '../api-object.js';
import type { UserInfo } from '../rbac/index.js';

/** The operation being admitted, as admission webhooks name it. */
export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE';

/** What an admission plugin is told about a write. */
export interface AdmissionAttributes {
  readonly operation: AdmissionOperation;
  readonly user: UserInfo;
  readonly resource: GroupVersionResource;
  readonly subresource?: string;
  readonly kind: GroupVersionKind;
  readonly namespace?: string;
  /** The object's name; `''` for a create with `generateName` (named later). */
  readonly name: string;
  /** The object as it will be written (for DELETE, the object being deleted). */
  readonly object: ApiObject;
  /** The object as stored, for UPDATE and DELETE. */
  readonly oldObject?: ApiObject;
  readonly dryRun: boolean;
}

/**
 * Which writes a plugin sees: every field that is given must match (an absent field
 * matches everything).
 */
export interface AdmissionMatch {
  /** The operations, such as `['CREATE']`. */
  readonly operations?: readonly AdmissionOperation[];
  /** Resources as `plural` (core), `plural.group`, `plural/subresource`, or `*`. */
  readonly resources?: readonly string[];
  /** Namespaces the object must be in. */
  readonly namespaces?: readonly string[];
}

/** The answer of a plugin: synchronous or not. */
export type AdmissionOutcome<T> = Either<Status, T> | Promise<Either<Status, T>>;

/**
 * A plugin that may change objects (defaults, injected sidecars, labels). It returns
 * the object to write (the same one for no change) or a failure `Status`.
 *
 * Assumptions: the plugin builds a changed copy and never modifies the object it is
 * given in place: parts of it may be shared, frozen, with stored objects (a pod's
 * containers with its ReplicaSet's template, an update's unchanged fields).
 */
export interface MutatingAdmissionPlugin {
  /** The plugin's name, for errors and the audit record. */
  readonly name: string;
  readonly match?: AdmissionMatch;
  readonly admit: (attributes: AdmissionAttributes) => AdmissionOutcome<ApiObject>;
}

/** A plugin that accepts or rejects writes. */
export interface ValidatingAdmissionPlugin {
  /** The plugin's name, for errors and the audit record. */
  readonly name: string;
  readonly match?: AdmissionMatch;
  readonly validate: (attributes: AdmissionAttributes) => AdmissionOutcome<void>;
}

/** Whether a plugin with `match` sees a write with `attributes`. */
export function admissionMatches(
  match: AdmissionMatch | undefined,
  attributes: AdmissionAttributes,
): boolean {
  if (match === undefined) {
    return true;
  }
  if (match.operations !== undefined && !match.operations.includes(attributes.operation)) {
    return false;
  }
  if (
    match.namespaces !== undefined &&
    (attributes.namespace === undefined || !match.namespaces.includes(attributes.namespace))
  ) {
    return false;
  }
  if (match.resources !== undefined) {
    const { group, resource } = attributes.resource;
    const plural = group === '' ? resource : `${resource}.${group}`;
    const name =
      attributes.subresource === undefined ? plural : `${plural}/${attributes.subresource}`;
    return match.resources.some((pattern) => pattern === '*' || pattern === name);
  }
  return true;
}
