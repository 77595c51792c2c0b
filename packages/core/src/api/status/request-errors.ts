/**
 * Failures of a request as sent: bad request, expired, unsupported media type, too large,
 * too many.
 *
 * @module
 */
import { failureStatus } from './failure-status.js';
import type { Status } from './status.js';

/** A failure's message. */
export interface MessageOptions {
  /** The message, written as given. */
  readonly message: string;
}

/** 400 `BadRequest` with the message as given (upstream's `NewBadRequest`); no `details`. */
export function badRequest(options: MessageOptions): Status {
  return failureStatus({ code: 400, reason: 'BadRequest', message: options.message });
}

/** A resourceVersion older than the oldest the server still has. */
export interface TooOldResourceVersion {
  /** The resourceVersion asked for. */
  readonly requested: number;
  /** The oldest resourceVersion the server can still serve. */
  readonly oldest: number;
}

/**
 * 410 `Expired` (upstream's `NewResourceExpired`): the message as given, or for a
 * resourceVersion too old to watch or list from, the watch cache's `too old resource
 * version: 5 (10)`. No `details`.
 */
export function expired(options: MessageOptions | TooOldResourceVersion): Status {
  const message =
    'message' in options
      ? options.message
      : `too old resource version: ${options.requested} (${options.oldest})`;
  return failureStatus({ code: 410, reason: 'Expired', message });
}

/**
 * 410 `Gone` with the message as given (upstream's `NewGone`, which upstream deprecates in
 * favour of {@link expired}); no `details`.
 */
export function gone(options: MessageOptions): Status {
  return failureStatus({ code: 410, reason: 'Gone', message: options.message });
}

/** The media types the server accepts, or a message of one's own. */
export type UnsupportedMediaTypeOptions = { readonly accepted: readonly string[] } | MessageOptions;

/**
 * 415 `UnsupportedMediaType`: with `accepted`, the apiserver's negotiation message,
 * `the body of the request was in an unknown format - accepted media types include:
 * application/json, application/yaml`; otherwise the message as given. No `details`.
 */
export function unsupportedMediaType(options: UnsupportedMediaTypeOptions): Status {
  const message =
    'accepted' in options
      ? `the body of the request was in an unknown format - accepted media types include: ${options.accepted.join(', ')}`
      : options.message;
  return failureStatus({ code: 415, reason: 'UnsupportedMediaType', message });
}

/**
 * 413 `RequestEntityTooLarge`: `Request entity too large: <message>` (upstream's
 * `NewRequestEntityTooLargeError`); no `details`.
 */
export function requestEntityTooLarge(options: MessageOptions): Status {
  return failureStatus({
    code: 413,
    reason: 'RequestEntityTooLarge',
    message: `Request entity too large: ${options.message}`,
  });
}

/** A failure's message, and when the client may retry. */
export interface RetryAfterOptions extends MessageOptions {
  /** Seconds before a retry; `details.retryAfterSeconds` (left out when 0). */
  readonly retryAfterSeconds: number;
}

/**
 * 429 `TooManyRequests` with the message as given and `details.retryAfterSeconds`
 * (upstream's `NewTooManyRequests`).
 */
export function tooManyRequests(options: RetryAfterOptions): Status {
  return failureStatus({
    code: 429,
    reason: 'TooManyRequests',
    message: options.message,
    details: { retryAfterSeconds: options.retryAfterSeconds },
  });
}
