/**
 * Any {@link Clock} seen as an RxJS scheduler, so that time-based operators run on it.
 *
 * @module
 */
import { Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs';
import type { Clock, Timer } from './clock.js';

/** The unit of work RxJS hands to a scheduler (as in `SchedulerLike.schedule`). */
type Work<T> = (this: SchedulerAction<T>, state?: T) => void;

/**
 * An RxJS `SchedulerLike` whose time and timers are those of a {@link Clock}.
 *
 * This is what `clock.scheduler` returns for the clocks of this folder: pass it to
 * `timer`, `interval`, `delay`, `debounceTime`, `bufferTime`… and they wait on the
 * clock, so on a {@link VirtualClock} they move only when the test advances it.
 *
 * Guarantees (those of RxJS's `asyncScheduler`, whose `AsyncAction` this follows):
 * - `schedule(work, delay, state)` runs `work` once, `delay` ms from `clock.now()`,
 *   and returns the action; unsubscribing it before then cancels the run.
 * - Inside `work`, `this.schedule(state, delay)` re-arms the same action (this is
 *   how `interval` repeats); calling it before the action ran replaces the pending
 *   run. Each call arms a fresh clock timeout measured from `clock.now()`.
 * - A negative or `NaN` delay counts as 0. An infinite delay never comes due: the
 *   action stays open, doing nothing, until unsubscribed.
 *
 * Errors: if `work` throws, the action is unsubscribed and the error propagates out
 * of the clock's timer callback: out of `advance()` on a {@link VirtualClock}, as an
 * uncaught exception on the {@link RealClock} (as with `asyncScheduler`). Other
 * actions are not affected.
 */
export class ClockScheduler implements SchedulerLike {
  readonly #clock: Clock;

  /** @param options.clock - the clock to read time from and set timers on. */
  constructor(options: { readonly clock: Clock }) {
    this.#clock = options.clock;
  }

  /** The clock's current time, in milliseconds. */
  now(): number {
    return this.#clock.now();
  }

  /** Runs `work` with `state` once, `delay` milliseconds from now; returns the action. */
  schedule<T>(
    work: (this: SchedulerAction<T>, state?: T) => void,
    delay = 0,
    state?: T,
  ): SchedulerAction<T> {
    const action = new ClockAction<T>(this.#clock, work);
    action.schedule(state, delay);
    return action;
  }
}

/** One scheduled unit of work; a `Subscription`, as RxJS requires. */
class ClockAction<T> extends Subscription implements SchedulerAction<T> {
  readonly #clock: Clock;
  #work: Work<T> | undefined;
  #state: T | undefined;
  #timer: Timer | undefined;

  constructor(clock: Clock, work: Work<T>) {
    super();
    this.#clock = clock;
    this.#work = work;
  }

  schedule(state?: T, delay = 0): Subscription {
    if (this.closed) {
      return this;
    }
    this.#state = state;
    this.#timer?.cancel();
    this.#timer = undefined;
    if (delay !== Infinity) {
      this.#timer = this.#clock.setTimeout(() => this.#execute(), delay > 0 ? delay : 0);
    }
    return this;
  }

  override unsubscribe(): void {
    if (this.closed) {
      return;
    }
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#work = undefined;
    this.#state = undefined;
    super.unsubscribe();
  }

  #execute(): void {
    this.#timer = undefined;
    const work = this.#work;
    if (work === undefined) {
      return;
    }
    try {
      work.call(this, this.#state);
    } catch (error: unknown) {
      // As AsyncAction does: a failed action is finished; the clock surfaces the error.
      this.unsubscribe();
      throw error;
    }
  }
}
