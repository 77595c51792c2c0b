/**
 * What a reconcile asks for next: to run again after a delay, or only when something
 * it watches changes. A thrown error means "retry with backoff"; a
 * {@link TerminalError} means "do not retry".
 *
 * @module
 */
import { toPositiveMillis, type Duration } from '../clock/index.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/** Run this key again after `after` milliseconds, whatever happens meanwhile. */
export interface RequeueAfter {
  readonly _tag: 'RequeueAfter';
  /** The delay, in milliseconds. */
  readonly after: number;
}

/** Run this key again only when a watched object changes (or a resync comes). */
export interface AwaitChange {
  readonly _tag: 'AwaitChange';
}

/** The outcome of a successful reconcile. */
export type Action = RequeueAfter | AwaitChange;

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * Reconcile again after `delay` (`'30s'`, `5000`).
 *
 * Errors: throws `InvalidDurationError` for a delay that is not a positive duration.
 */
export function requeueAfter(delay: Duration): Action {
  return { _tag: 'RequeueAfter', after: toPositiveMillis(delay) };
}

const AWAIT_CHANGE: Action = Object.freeze({ _tag: 'AwaitChange' });

/** Reconcile again only when something watched changes. */
export function awaitChange(): Action {
  return AWAIT_CHANGE;
}

/**
 * An error a reconcile throws when retrying cannot help (a spec that can never be
 * satisfied): the controller records it and does not requeue the key until it
 * changes.
 */
export class TerminalError extends Error {
  /** The error's name, `TerminalError`. */
  override readonly name = 'TerminalError';

  /** @param message - why reconciling cannot succeed. */
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
  }
}

/** Whether a thrown value is a {@link TerminalError}. */
export function isTerminalError(error: unknown): error is TerminalError {
  return error instanceof TerminalError;
}
