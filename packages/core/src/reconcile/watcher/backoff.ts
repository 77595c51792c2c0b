/**
 * How long a {@link watcher} waits before retrying after a failure.
 *
 * @module
 */
import { toMillis, type Duration } from '../../clock/index.js';

/**
 * The delay, in milliseconds, to wait after the `failures`-th consecutive failure
 * (`failures` is 1 after the first).
 */
export type BackoffPolicy = (failures: number) => number;

/** Options of {@link exponentialBackoff}. */
export interface ExponentialBackoffOptions {
  /** The delay after the first failure. */
  readonly initial: Duration;
  /** The longest delay: growth stops here. */
  readonly max: Duration;
  /** How much each further failure multiplies the delay by. Default: 2. */
  readonly factor?: number;
}

/**
 * A {@link BackoffPolicy} that starts at `initial` and multiplies the delay by
 * `factor` after each further failure, up to `max`:
 * `initial * factor^(failures - 1)`, capped.
 *
 * Caveat: no jitter, so that virtual-clock tests see exact delays; many watchers that
 * fail together retry together.
 *
 * Errors: throws `InvalidDurationError` for an invalid duration, and `RangeError`
 * for a `factor` below 1 or not finite, or `max` below `initial`.
 */
export function exponentialBackoff(options: ExponentialBackoffOptions): BackoffPolicy {
  const initial = toMillis(options.initial);
  const max = toMillis(options.max);
  const factor = options.factor ?? 2;
  if (!Number.isFinite(factor) || factor < 1) {
    throw new RangeError(`invalid backoff factor ${factor}: expected a finite number of 1 or more`);
  }
  if (max < initial) {
    throw new RangeError(`invalid backoff: max (${max}ms) is below initial (${initial}ms)`);
  }
  return (failures) => Math.min(max, initial * factor ** Math.max(0, failures - 1));
}

/**
 * The watcher's default backoff, kube-rs' default without its jitter: 800 ms after
 * the first failure, doubling up to 30 s (800 ms, 1.6 s, 3.2 s, 6.4 s, 12.8 s, 25.6 s,
 * 30 s, 30 s...). The watcher resets the count on its next success.
 */
export const DEFAULT_WATCHER_BACKOFF: BackoffPolicy = exponentialBackoff({
  initial: '800ms',
  max: '30s',
  factor: 2,
});
