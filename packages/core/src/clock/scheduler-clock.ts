/**
 * Any RxJS scheduler seen as a {@link Clock}: the reverse of {@link ClockScheduler}.
 *
 * @module
 */
import type { SchedulerLike, Subscription } from 'rxjs';
import type { Clock, Timer } from './clock.js';
import { toMillis, toPositiveMillis } from './duration.js';

/**
 * A {@link Clock} whose time and timers are those of an RxJS scheduler, so that code
 * written against a `Clock` can be driven by the `TestScheduler` of marble tests.
 *
 * - `now()` is `scheduler.now()`; for a `TestScheduler` that is the current frame,
 *   counted from 0 (1970-01-01), not a realistic date.
 * - `setTimeout(callback, '5s')` schedules `callback` 5 000 time units ahead.
 *   Inside `testScheduler.run(…)` a unit is one millisecond, so the callback fires
 *   at frame 5000, written `'5s'` in a marble diagram. (Outside `run`, a frame is 10
 *   units, and durations no longer line up with diagrams.)
 * - `scheduler` is the given scheduler itself.
 *
 * Guarantees: those of any {@link Clock}. An interval is re-armed, as a new scheduled
 * action, before its callback runs, so a callback that throws does not by itself
 * stop it.
 *
 * Errors: a callback that throws propagates as the scheduler propagates errors from
 * its actions. `TestScheduler.flush()` rethrows it, after unsubscribing every action
 * it still holds (intervals included), so the marble test fails with that error.
 *
 * @example
 * ```ts
 * testScheduler.run(({ expectObservable }) => {
 *   const clock = schedulerClock(testScheduler);
 *   const fired$ = new Observable<string>((subscriber) => {
 *     const timer = clock.setTimeout(() => subscriber.next('a'), '5s');
 *     return () => timer.cancel();
 *   });
 *   expectObservable(fired$).toBe('5s a');
 * });
 * ```
 */
export function schedulerClock(scheduler: SchedulerLike): Clock {
  return {
    scheduler,
    now: () => scheduler.now(),
    setTimeout: (callback, delay) =>
      new SchedulerTimer({ scheduler, callback, delay: toMillis(delay), period: undefined }),
    setInterval: (callback, period) => {
      const periodMillis = toPositiveMillis(period);
      return new SchedulerTimer({ scheduler, callback, delay: periodMillis, period: periodMillis });
    },
  };
}

/** A one-shot (`period` undefined) or repeating timer made of scheduled actions. */
class SchedulerTimer implements Timer {
  readonly #scheduler: SchedulerLike;
  readonly #callback: () => void;
  readonly #period: number | undefined;
  #scheduled: Subscription | undefined;
  #active = true;

  constructor(options: {
    scheduler: SchedulerLike;
    callback: () => void;
    delay: number;
    period: number | undefined;
  }) {
    this.#scheduler = options.scheduler;
    this.#callback = options.callback;
    this.#period = options.period;
    this.#arm(options.delay);
  }

  get active(): boolean {
    return this.#active;
  }

  cancel(): void {
    this.#active = false;
    this.#scheduled?.unsubscribe();
    this.#scheduled = undefined;
  }

  #arm(delay: number): void {
    // One independent action per run (not `this.schedule` inside the work), so that
    // when a callback throws and RxJS unsubscribes that action, the next run survives.
    this.#scheduled = this.#scheduler.schedule(() => this.#fire(), delay);
  }

  #fire(): void {
    if (this.#period === undefined) {
      this.#active = false;
      this.#scheduled = undefined;
    } else {
      this.#arm(this.#period);
    }
    this.#callback();
  }
}
