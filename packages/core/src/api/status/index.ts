/**
 * Kubernetes `Status` errors, as data: the {@link Status} codec, and constructors that
 * build the failures the apiserver returns, with upstream's messages, reasons and codes
 * (`k8s.io/apimachinery/pkg/api/errors`).
 *
 * - objects: {@link notFound} 404, {@link alreadyExists} 409, {@link conflict} 409,
 *   {@link invalid} 422 (and {@link statusFromFieldErrors} for decoding failures),
 *   {@link methodNotSupported} 405;
 * - access: {@link unauthorized} 401, {@link forbidden} 403;
 * - requests: {@link badRequest} 400, {@link expired} and {@link gone} 410,
 *   {@link requestEntityTooLarge} 413, {@link unsupportedMediaType} 415,
 *   {@link tooManyRequests} 429;
 * - the server: {@link internalError} 500, {@link serviceUnavailable} 503,
 *   {@link timeout} 504;
 * - predicates by reason: {@link isNotFound}, {@link isConflict}, ...
 *
 * Names in messages are quoted as JSON strings; Go's `%q` differs only for control and
 * non-printable characters, which Kubernetes names cannot hold.
 *
 * @example
 * ```ts
 * notFound({ group: 'apps', resource: 'deployments', name: 'web' });
 * // { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
 * //   message: 'deployments.apps "web" not found', reason: 'NotFound', code: 404,
 * //   details: { name: 'web', group: 'apps', kind: 'deployments' } }
 * ```
 *
 * @module
 */
export type { GroupResource } from './failure-status.js';
export {
  forbidden,
  unauthorized,
  type ForbiddenPathRequest,
  type ForbiddenResourceRequest,
} from './forbidden.js';
export {
  invalid,
  statusFromFieldErrors,
  type InvalidObjectRef,
  type InvalidOptions,
  type StatusFromFieldErrorsOptions,
} from './invalid.js';
export {
  alreadyExists,
  conflict,
  methodNotSupported,
  notFound,
  OPTIMISTIC_LOCK_MESSAGE,
  type ConflictOptions,
  type MethodNotSupportedOptions,
  type ObjectRef,
} from './object-errors.js';
export {
  badRequest,
  expired,
  gone,
  requestEntityTooLarge,
  tooManyRequests,
  unsupportedMediaType,
  type MessageOptions,
  type RetryAfterOptions,
  type TooOldResourceVersion,
  type UnsupportedMediaTypeOptions,
} from './request-errors.js';
export {
  internalError,
  serviceUnavailable,
  timeout,
  type TimeoutOptions,
} from './server-errors.js';
export { Status, StatusCause, StatusDetails } from './status.js';
export { StatusReason } from './status-reason.js';
export {
  isAlreadyExists,
  isBadRequest,
  isConflict,
  isExpired,
  isForbidden,
  isGone,
  isInternalError,
  isInvalid,
  isMethodNotSupported,
  isNotFound,
  isRequestEntityTooLarge,
  isServiceUnavailable,
  isTimeout,
  isTooManyRequests,
  isUnauthorized,
  isUnsupportedMediaType,
  type StatusLike,
  type StatusPredicate,
} from './status-predicates.js';
