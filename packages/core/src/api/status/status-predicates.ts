/**
 * Predicates on a `Status`, by reason, as upstream's `IsNotFound`, `IsConflict`, ...
 *
 * @module
 */
import type { Status } from './status.js';

/** The part of a {@link Status} the predicates read. */
export type StatusLike = Pick<Status, 'reason' | 'code'>;

/** A predicate on a {@link Status}. */
export type StatusPredicate = (status: StatusLike) => boolean;

/**
 * Matches `reason`; or, when the status gives no reason (`''` or absent,
 * `StatusReasonUnknown`), the reason's HTTP `code`, as upstream does for a status from
 * a server that predates the reason.
 */
function byReasonOrUnknownCode(reason: Status['reason'], code: number): StatusPredicate {
  return (status) =>
    status.reason === reason ||
    ((status.reason === undefined || status.reason === '') && status.code === code);
}

function byReason(reason: Status['reason']): StatusPredicate {
  return (status) => status.reason === reason;
}

/** Matches `reason`, or `code` whatever the reason (upstream's older checks). */
function byReasonOrCode(reason: Status['reason'], code: number): StatusPredicate {
  return (status) => status.reason === reason || status.code === code;
}

/** `NotFound`, or no reason and 404. */
export const isNotFound: StatusPredicate = byReasonOrUnknownCode('NotFound', 404);
/** `AlreadyExists` (by reason only: 409 alone is {@link isConflict}'s). */
export const isAlreadyExists: StatusPredicate = byReason('AlreadyExists');
/** `Conflict`, or no reason and 409. */
export const isConflict: StatusPredicate = byReasonOrUnknownCode('Conflict', 409);
/** `Invalid`, or no reason and 422. */
export const isInvalid: StatusPredicate = byReasonOrUnknownCode('Invalid', 422);
/** `Gone`, or no reason and 410. */
export const isGone: StatusPredicate = byReasonOrUnknownCode('Gone', 410);
/** `Expired` (by reason only; upstream's `IsResourceExpired`). */
export const isExpired: StatusPredicate = byReason('Expired');
/** `Forbidden`, or no reason and 403. */
export const isForbidden: StatusPredicate = byReasonOrUnknownCode('Forbidden', 403);
/** `Unauthorized`, or no reason and 401. */
export const isUnauthorized: StatusPredicate = byReasonOrUnknownCode('Unauthorized', 401);
/** `BadRequest`, or no reason and 400. */
export const isBadRequest: StatusPredicate = byReasonOrUnknownCode('BadRequest', 400);
/** `MethodNotAllowed`, or no reason and 405. */
export const isMethodNotSupported: StatusPredicate = byReasonOrUnknownCode('MethodNotAllowed', 405);
/** `UnsupportedMediaType`, or no reason and 415. */
export const isUnsupportedMediaType: StatusPredicate = byReasonOrUnknownCode(
  'UnsupportedMediaType',
  415,
);
/** `RequestEntityTooLarge`, or 413 whatever the reason. */
export const isRequestEntityTooLarge: StatusPredicate = byReasonOrCode(
  'RequestEntityTooLarge',
  413,
);
/** `TooManyRequests`, or 429 whatever the reason. */
export const isTooManyRequests: StatusPredicate = byReasonOrCode('TooManyRequests', 429);
/** `InternalError`, or no reason and 500. */
export const isInternalError: StatusPredicate = byReasonOrUnknownCode('InternalError', 500);
/** `ServiceUnavailable`, or no reason and 503. */
export const isServiceUnavailable: StatusPredicate = byReasonOrUnknownCode(
  'ServiceUnavailable',
  503,
);
/** `Timeout`, or no reason and 504 (a 504 from the server; not `ServerTimeout`). */
export const isTimeout: StatusPredicate = byReasonOrUnknownCode('Timeout', 504);
