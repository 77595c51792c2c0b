/**
 * Failures about one object: not found, already exists, conflict, method not supported.
 *
 * @module
 */
import { failureStatus, qualifiedName, type GroupResource } from './failure-status.js';
import type { Status } from './status.js';

/** An object of a resource, named. */
export interface ObjectRef extends GroupResource {
  /** The object's name. */
  readonly name: string;
}

/**
 * The message upstream's storage layer gives a resourceVersion conflict
 * (`storage.OptimisticLockErrorMsg`).
 */
export const OPTIMISTIC_LOCK_MESSAGE =
  'the object has been modified; please apply your changes to the latest version and try again';

/**
 * 404 `NotFound`: `pods "x" not found`, or `deployments.apps "x" not found` (upstream's
 * `NewNotFound`). `details.kind` is the resource, as upstream.
 */
export function notFound(options: ObjectRef): Status {
  return failureStatus({
    code: 404,
    reason: 'NotFound',
    message: `${qualifiedName(options.resource, options.group)} ${JSON.stringify(options.name)} not found`,
    details: { name: options.name, group: options.group, kind: options.resource },
  });
}

/** 409 `AlreadyExists`: `pods "x" already exists` (upstream's `NewAlreadyExists`). */
export function alreadyExists(options: ObjectRef): Status {
  return failureStatus({
    code: 409,
    reason: 'AlreadyExists',
    message: `${qualifiedName(options.resource, options.group)} ${JSON.stringify(options.name)} already exists`,
    details: { name: options.name, group: options.group, kind: options.resource },
  });
}

/** The object that could not be updated, and why. */
export interface ConflictOptions extends ObjectRef {
  /** Why; {@link OPTIMISTIC_LOCK_MESSAGE} (a resourceVersion mismatch) by default. */
  readonly detail?: string;
}

/**
 * 409 `Conflict`: `Operation cannot be fulfilled on pods "x": <detail>` (upstream's
 * `NewConflict`); by default the detail is a resourceVersion conflict's,
 * {@link OPTIMISTIC_LOCK_MESSAGE}.
 */
export function conflict(options: ConflictOptions): Status {
  const qualified = qualifiedName(options.resource, options.group);
  return failureStatus({
    code: 409,
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${qualified} ${JSON.stringify(options.name)}: ${
      options.detail ?? OPTIMISTIC_LOCK_MESSAGE
    }`,
    details: { name: options.name, group: options.group, kind: options.resource },
  });
}

/** The action that a resource does not support. */
export interface MethodNotSupportedOptions extends GroupResource {
  /** The action, such as `create` or `deletecollection`. */
  readonly action: string;
}

/**
 * 405 `MethodNotAllowed`: `create is not supported on resources of kind "nodes/proxy"`
 * (upstream's `NewMethodNotSupported`).
 */
export function methodNotSupported(options: MethodNotSupportedOptions): Status {
  const qualified = qualifiedName(options.resource, options.group);
  return failureStatus({
    code: 405,
    reason: 'MethodNotAllowed',
    message: `${options.action} is not supported on resources of kind ${JSON.stringify(qualified)}`,
    details: { group: options.group, kind: options.resource },
  });
}
