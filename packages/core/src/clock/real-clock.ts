/**
 * The wall clock: `Date.now()` and Node's timers.
 *
 * @module
 */
import type { SchedulerLike } from 'rxjs';
import type { Clock, Timer } from './clock.js';
import { ClockScheduler } from './clock-scheduler.js';
import { toMillis, toPositiveMillis, type Duration } from './duration.js';

/**
 * The longest delay Node's `setTimeout` honours (2^31 - 1 ms, about 24.8 days);
 * beyond it Node fires after 1 ms instead, so longer waits are made of several hops.
 */
const MAX_NODE_TIMER_DELAY = 2 ** 31 - 1;

/**
 * A {@link Clock} on wall time: `now()` is `Date.now()` and timers are Node timers.
 *
 * Guarantees:
 * - Timers keep the process alive until they fire or are cancelled, as Node timers do.
 * - Delays longer than Node's limit (about 24.8 days) are honoured, not cut to 1 ms.
 * - An interval measures each period from when the previous run fired, as Node's
 *   `setInterval` does, and is re-armed before its callback runs, so a callback
 *   that throws does not stop it.
 *
 * Caveats: timers due at the same instant fire in the order they were set only as
 * far as Node's timer lists order them (they do for equal delays set in the same
 * turn). Like any Node timer, a timer may fire a millisecond before `Date.now()`
 * reaches its due time, and later under load. A callback that throws is an uncaught
 * exception, as with Node's own timers.
 */
export class RealClock implements Clock {
  /** This clock as an RxJS scheduler. */
  readonly scheduler: SchedulerLike = new ClockScheduler({ clock: this });

  /** `Date.now()`. */
  now(): number {
    return Date.now();
  }

  /** Runs `callback` once, after `delay`. */
  setTimeout(callback: () => void, delay: Duration): Timer {
    return new NodeTimer({ callback, delay: toMillis(delay), period: undefined });
  }

  /** Runs `callback` every `period`, the first time one period from now. */
  setInterval(callback: () => void, period: Duration): Timer {
    const periodMillis = toPositiveMillis(period);
    return new NodeTimer({ callback, delay: periodMillis, period: periodMillis });
  }
}

/** The process-wide {@link RealClock}; it holds no state, so one is enough. */
export const realClock: RealClock = new RealClock();

/** A one-shot (`period` undefined) or repeating timer made of Node timeouts. */
class NodeTimer implements Timer {
  readonly #callback: () => void;
  readonly #period: number | undefined;
  #timeout: NodeJS.Timeout | undefined;
  #active = true;

  constructor(options: { callback: () => void; delay: number; period: number | undefined }) {
    this.#callback = options.callback;
    this.#period = options.period;
    this.#arm(options.delay);
  }

  get active(): boolean {
    return this.#active;
  }

  cancel(): void {
    this.#active = false;
    clearTimeout(this.#timeout);
    this.#timeout = undefined;
  }

  #arm(remaining: number): void {
    const hop = Math.min(remaining, MAX_NODE_TIMER_DELAY);
    this.#timeout = setTimeout(() => {
      if (remaining > hop) {
        this.#arm(remaining - hop);
        return;
      }
      if (this.#period === undefined) {
        this.#active = false;
        this.#timeout = undefined;
      } else {
        this.#arm(this.#period);
      }
      this.#callback();
    }, hop);
  }
}
