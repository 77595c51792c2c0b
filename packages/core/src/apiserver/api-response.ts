/**
 * What the apiserver answers: a success with its HTTP code and body, a watch stream,
 * or a failure `Status`.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { Observable } from 'rxjs';
import type { Status } from '../api/status/index.js';
import { deepFreeze, type ApiObject } from './api-object.js';

/** A successful answer: 200, 201 (created) or 202 (accepted, still deleting). */
export interface ApiResponse {
  readonly code: 200 | 201 | 202;
  /** The object, the list, or a success `Status`. */
  readonly body: ApiObject;
  /** Warnings for the client (the `Warning` header), such as unknown fields dropped. */
  readonly warnings?: readonly string[];
}

/** The answer to any request but a watch: a response, or a failure `Status`. */
export type ApiResult = Either<Status, ApiResponse>;

/** The type of a watch event, as the watch stream writes it. */
export type ApiWatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/**
 * One event of a watch: an object that entered the selection (ADDED), changed in it
 * (MODIFIED) or left it (DELETED); a BOOKMARK (an object with only
 * `metadata.resourceVersion`, and annotations for the end of the initial events); an
 * ERROR with a failure `Status` (such as 410 Expired), after which the stream ends.
 */
export interface ApiWatchEvent {
  readonly type: ApiWatchEventType;
  readonly object: ApiObject;
}

/** The answer to a watch: a stream of events, or a failure `Status` before it starts. */
export type ApiWatchResult = Either<Status, Observable<ApiWatchEvent>>;

/**
 * A response with a code and a body. The body is frozen all the way down (objects
 * from the store already are, so this costs a list its wrapper only).
 */
export function respond(
  code: ApiResponse['code'],
  body: ApiObject,
  warnings?: readonly string[],
): ApiResponse {
  const frozen = deepFreeze(body);
  return warnings === undefined || warnings.length === 0
    ? { code, body: frozen }
    : { code, body: frozen, warnings };
}
