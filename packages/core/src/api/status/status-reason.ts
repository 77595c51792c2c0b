/**
 * `metav1.StatusReason`: why an API call failed, in one machine-readable word.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../codec/index.js';

/**
 * The codec of `metav1.StatusReason`: one of upstream's `StatusReason*` constants, each
 * with the HTTP code it maps to:
 *
 * | reason | code | | reason | code |
 * | --- | --- | --- | --- | --- |
 * | `''` (Unknown) | 500 | | `BadRequest` | 400 |
 * | `Unauthorized` | 401 | | `MethodNotAllowed` | 405 |
 * | `Forbidden` | 403 | | `NotAcceptable` | 406 |
 * | `NotFound` | 404 | | `RequestEntityTooLarge` | 413 |
 * | `AlreadyExists` | 409 | | `UnsupportedMediaType` | 415 |
 * | `Conflict` | 409 | | `InternalError` | 500 |
 * | `Gone` | 410 | | `Expired` | 410 |
 * | `Invalid` | 422 | | `ServiceUnavailable` | 503 |
 * | `ServerTimeout` | 500 | | `Timeout` | 504 |
 * | `StorageReadError` | 500 | | `TooManyRequests` | 429 |
 *
 * Caveat: upstream's type is an open string; this codec rejects a reason it does not
 * list (a newer server's), so the type is a closed union.
 */
export const StatusReason = withSchema(
  t.keyof({
    '': null,
    Unauthorized: null,
    Forbidden: null,
    NotFound: null,
    AlreadyExists: null,
    Conflict: null,
    Gone: null,
    Invalid: null,
    ServerTimeout: null,
    StorageReadError: null,
    Timeout: null,
    TooManyRequests: null,
    BadRequest: null,
    MethodNotAllowed: null,
    NotAcceptable: null,
    RequestEntityTooLarge: null,
    UnsupportedMediaType: null,
    InternalError: null,
    Expired: null,
    ServiceUnavailable: null,
  }),
  {
    description:
      'A machine-readable description of why this operation is in the "Failure" status. ' +
      'A Reason clarifies an HTTP status code but does not override it.',
  },
  'StatusReason',
);

/** One of upstream's status reasons; `''` is `StatusReasonUnknown`. See {@link StatusReason}. */
export type StatusReason = t.TypeOf<typeof StatusReason>;
