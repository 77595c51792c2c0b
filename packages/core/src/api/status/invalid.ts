/**
 * 422 `Invalid`, from the field errors that decoding and validation find.
 *
 * @module
 */
import type { FieldError } from '../codec/index.js';
import { failureStatus, qualifiedName } from './failure-status.js';
import type { Status, StatusCause } from './status.js';

/** A kind and its API group, as upstream's `schema.GroupKind`, and the object's name. */
export interface InvalidObjectRef {
  /** The kind, such as `Pod` or `Deployment`. */
  readonly kind: string;
  /** The API group, such as `apps`; the core group when absent. */
  readonly group?: string;
  /** The object's name (`''` when it has none yet). */
  readonly name: string;
}

/** The object that is invalid, and its field errors. */
export interface InvalidOptions extends InvalidObjectRef {
  /** What is wrong, one error a field; each becomes one of `details.causes`. */
  readonly errors: readonly FieldError[];
}

/**
 * 422 `Invalid` (upstream's `NewInvalid`): `Pod "x" is invalid: spec.containers[0].name:
 * Required value` for one error, `Deployment.apps "x" is invalid: [a: ..., b: ...]` for
 * several (upstream's aggregate, which also drops repeated messages), `Pod "x" is
 * invalid` for none. Each error is a cause `{ reason, message, field }`, in order (the
 * `field` left out when it is `''`).
 */
export function invalid(options: InvalidOptions): Status {
  const causes: StatusCause[] = options.errors.map((error) => ({
    reason: error.reason,
    message: error.message,
    ...(error.field === '' ? {} : { field: error.field }),
  }));
  const subject = `${qualifiedName(options.kind, options.group)} ${JSON.stringify(options.name)} is invalid`;
  const aggregate = aggregateMessage(options.errors.map((e) => `${e.field}: ${e.message}`));
  return failureStatus({
    code: 422,
    reason: 'Invalid',
    message: aggregate === undefined ? subject : `${subject}: ${aggregate}`,
    details: { name: options.name, group: options.group, kind: options.kind, causes },
  });
}

/**
 * The message of upstream's `ErrorList.ToAggregate()`: repeated messages dropped, one
 * message alone, several as `[a, b]`; `undefined` for none.
 */
function aggregateMessage(messages: readonly string[]): string | undefined {
  const unique = [...new Set(messages)];
  if (unique.length === 0) {
    return undefined;
  }
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** The object that failed to decode, and the version it was sent in. */
export interface StatusFromFieldErrorsOptions extends InvalidObjectRef {
  /** The API version of the request body, such as `v1` (for the strict decoding message). */
  readonly version: string;
}

/**
 * The `Status` for the field errors of `decodeObject`, as the apiserver answers a
 * write whose body fails:
 *
 * - when some fields are unknown (`FieldValueUnknown`, from strict field validation):
 *   400 `BadRequest`, `Pod in version "v1" cannot be handled as a Pod: strict decoding
 *   error: unknown field "spec.foo", unknown field "spec.bar"`, listing the unknown fields
 *   only (the decoder fails before validation runs);
 * - otherwise: 422 `Invalid`, as {@link invalid}.
 *
 * Caveat: for built-in kinds, upstream's JSON decoder reports a wrongly typed value as a
 * 400 too; drydock validates every kind as the apiserver validates custom resources
 * (422, `FieldValueTypeInvalid`).
 */
export function statusFromFieldErrors(
  options: StatusFromFieldErrorsOptions,
  errors: readonly FieldError[],
): Status {
  const unknownFields = errors.filter((error) => error.reason === 'FieldValueUnknown');
  if (unknownFields.length > 0) {
    const strict = `strict decoding error: ${unknownFields.map((e) => e.message).join(', ')}`;
    return failureStatus({
      code: 400,
      reason: 'BadRequest',
      message: `${options.kind} in version ${JSON.stringify(options.version)} cannot be handled as a ${options.kind}: ${strict}`,
    });
  }
  return invalid({
    kind: options.kind,
    name: options.name,
    ...(options.group === undefined ? {} : { group: options.group }),
    errors,
  });
}
