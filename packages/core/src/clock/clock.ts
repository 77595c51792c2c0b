/**
 * The one source of time in drydock.
 *
 * Every delay in the system (resyncs, back-off, heartbeats, lease expiry, grace
 * periods, compaction) goes through a `Clock`, so that a test can swap in a
 * {@link VirtualClock} and run an hour of cluster time in milliseconds.
 *
 * @module
 */
import type { SchedulerLike } from 'rxjs';
import type { Duration } from './duration.js';

/**
 * A timer set on a {@link Clock}.
 *
 * Guarantees: after `cancel()` returns, the callback does not run again. Cancelling
 * twice, or cancelling a one-shot timer that already fired, does nothing.
 */
export interface Timer {
  /** Stops the timer; the callback will not run (again). */
  cancel(): void;
  /** `true` until the timer is cancelled or, for a one-shot timer, has fired. */
  readonly active: boolean;
}

/**
 * A source of the current time and of timers.
 *
 * Implementations: {@link RealClock} (wall time), {@link VirtualClock} (time moves
 * only when a test advances it) and {@link schedulerClock} (time of any RxJS
 * scheduler, such as the `TestScheduler` of marble tests).
 */
export interface Clock {
  /** The current time, in milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Runs `callback` once, `delay` from now.
   *
   * Timers due at the same instant fire in the order they were set.
   *
   * @throws {@link InvalidDurationError} if `delay` is not a valid duration.
   */
  setTimeout(callback: () => void, delay: Duration): Timer;
  /**
   * Runs `callback` every `period`, the first time one period from now.
   *
   * @throws {@link InvalidDurationError} if `period` is not a valid, positive duration.
   */
  setInterval(callback: () => void, period: Duration): Timer;
  /**
   * This clock as an RxJS scheduler, so that time-based operators
   * (`delay(d, clock.scheduler)`, `timer(d, clock.scheduler)`,
   * `debounceTime(d, clock.scheduler)`) run on it.
   */
  readonly scheduler: SchedulerLike;
}
