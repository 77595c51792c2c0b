/**
 * Failures of the server: internal error, service unavailable, timeout.
 *
 * @module
 */
import { failureStatus } from './failure-status.js';
import type { MessageOptions } from './request-errors.js';
import type { Status } from './status.js';

/**
 * 500 `InternalError`: `Internal error occurred: <message>`, with the message alone as
 * the one cause (upstream's `NewInternalError`).
 */
export function internalError(options: MessageOptions): Status {
  return failureStatus({
    code: 500,
    reason: 'InternalError',
    message: `Internal error occurred: ${options.message}`,
    details: { causes: [{ message: options.message }] },
  });
}

/** 503 `ServiceUnavailable` with the message as given (upstream's `NewServiceUnavailable`). */
export function serviceUnavailable(options: MessageOptions): Status {
  return failureStatus({ code: 503, reason: 'ServiceUnavailable', message: options.message });
}

/** What timed out, and when the client may retry. */
export interface TimeoutOptions extends MessageOptions {
  /** Seconds before a retry; `details.retryAfterSeconds` (left out when 0 or absent). */
  readonly retryAfterSeconds?: number;
}

/**
 * 504 `Timeout`: `Timeout: <message>`, with `details` (empty unless
 * `retryAfterSeconds` is set), as upstream's `NewTimeoutError`. The operation may still
 * complete.
 */
export function timeout(options: TimeoutOptions): Status {
  return failureStatus({
    code: 504,
    reason: 'Timeout',
    message: `Timeout: ${options.message}`,
    details: { retryAfterSeconds: options.retryAfterSeconds ?? 0 },
  });
}
