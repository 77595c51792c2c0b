/**
 * A clock for tests and simulations: time moves only when told.
 *
 * @module
 */
import type { SchedulerLike } from 'rxjs';
import { BinaryHeap } from './binary-heap.js';
import type { Clock, Timer } from './clock.js';
import { ClockScheduler } from './clock-scheduler.js';
import { formatDuration, toMillis, toPositiveMillis, type Duration } from './duration.js';

/**
 * Where a {@link VirtualClock} starts unless told otherwise:
 * 2025-01-01T00:00:00.000Z, so that timestamps in tests are the same on every run.
 */
export const VIRTUAL_CLOCK_DEFAULT_START: number = Date.UTC(2025, 0, 1);

/** Options for a {@link VirtualClock}. */
export interface VirtualClockOptions {
  /** The initial time. Default: {@link VIRTUAL_CLOCK_DEFAULT_START}. */
  readonly start?: number | Date;
}

/** Options for {@link VirtualClock.runAll} and {@link VirtualClock.runAllAsync}. */
export interface RunAllTimersOptions {
  /**
   * How many timer runs to allow before giving up: a repeating timer never ends,
   * so without a limit `runAll` would loop forever. Default: 10 000.
   */
  readonly limit?: number;
}

const DEFAULT_RUN_ALL_LIMIT = 10_000;

// Captured when this module loads, so that fake timers a test installs later
// (jest.useFakeTimers, sinon) cannot stall the async variants.
const setImmediateOfNode = globalThis.setImmediate;

/**
 * A {@link Clock} whose time moves only when a test calls `advance`, `advanceTo`,
 * `runNext` or `runAll` (or their async variants).
 *
 * Moving time runs, in order, every timer that falls due on the way, with `now()`
 * set to each timer's due time while its callback runs. Timers set by those
 * callbacks (and the next runs of intervals) run in the same call if they fall due
 * within it.
 *
 * Guarantees:
 * - Timers due at the same instant fire in the order they were set. An interval
 *   counts as set again each time it fires.
 * - `setTimeout(callback, 0)` is due now and runs at the next `advance` (even
 *   `advance(0)`), never inside `setTimeout` itself.
 * - A cancelled timer never runs, even when it is cancelled by another callback
 *   due at the same instant.
 * - An interval is re-armed before its callback runs.
 *
 * Errors:
 * - A callback that throws is not caught: the error propagates out of the call
 *   that was moving time (`advance`, `runNext`…). The clock is left consistent:
 *   `now()` is the failing timer's due time, a one-shot failing timer is gone and
 *   a failing interval is re-armed, and timers not yet run stay pending, so calling
 *   `advanceTo(target)` again resumes where it stopped.
 * - Moving time while it is already moving (from inside a timer callback, or while
 *   an async variant is still running) throws an `Error`: the two calls would
 *   disagree about where time ends up.
 *
 * Caveat: a timer that keeps setting zero-delay timers never lets time move on, so
 * `advance` would not return; `runAll` stops at its limit.
 *
 * @example
 * ```ts
 * const clock = new VirtualClock();
 * const fired: number[] = [];
 * clock.setTimeout(() => fired.push(clock.now()), '5s');
 * clock.advance('10s');
 * // fired is [VIRTUAL_CLOCK_DEFAULT_START + 5_000];
 * // clock.now() is VIRTUAL_CLOCK_DEFAULT_START + 10_000
 * ```
 */
export class VirtualClock implements Clock {
  /** This clock as an RxJS scheduler: operators given it wait on virtual time. */
  readonly scheduler: SchedulerLike = new ClockScheduler({ clock: this });

  #now: number;
  #nextSequence = 0;
  #activeTimers = 0;
  #moving = false;
  // Cancelled timers stay in the heap until they reach the top or a compaction.
  readonly #timers = new BinaryHeap<VirtualTimer>({
    before: (a, b) => a.due < b.due || (a.due === b.due && a.sequence < b.sequence),
  });

  /**
   * Errors: throws `RangeError` if `options.start` is not a finite time (an
   * invalid `Date`, `NaN`, `Infinity`).
   */
  constructor(options: VirtualClockOptions = {}) {
    this.#now = toInstant(options.start ?? VIRTUAL_CLOCK_DEFAULT_START, 'start');
  }

  /** The virtual time, in milliseconds since the Unix epoch. */
  now(): number {
    return this.#now;
  }

  /** Runs `callback` once, `delay` from now; it runs when time is moved past it. */
  setTimeout(callback: () => void, delay: Duration): Timer {
    return this.#arm({ callback, due: this.#now + toMillis(delay), period: undefined });
  }

  /** Runs `callback` every `period`, the first time one period from now. */
  setInterval(callback: () => void, period: Duration): Timer {
    const periodMillis = toPositiveMillis(period);
    return this.#arm({ callback, due: this.#now + periodMillis, period: periodMillis });
  }

  /** How many timers are set and not yet fired (one-shot) or cancelled. */
  pending(): number {
    return this.#activeTimers;
  }

  /** When the next pending timer is due, or `undefined` if none is pending. */
  nextDue(): number | undefined {
    return this.#peekActive()?.due;
  }

  /**
   * Moves time forward by `duration`, running every timer that falls due on the way.
   *
   * Afterwards `now()` is the time it started at plus `duration`.
   *
   * Errors: {@link InvalidDurationError} for an invalid duration; whatever a timer
   * callback throws (see the class documentation for the state it leaves).
   */
  advance(duration: Duration): void {
    const millis = toMillis(duration);
    this.#moveTime(() => this.#runUntil(this.#now + millis));
  }

  /**
   * Moves time forward to `time`, running every timer due until then.
   *
   * Errors: `RangeError` if `time` is before `now()` or not a finite time; whatever
   * a timer callback throws.
   */
  advanceTo(time: number | Date): void {
    const target = this.#checkTarget(time);
    this.#moveTime(() => this.#runUntil(target));
  }

  /**
   * Jumps to the next pending timer and runs it, and only it.
   *
   * Returns `false`, leaving time where it is, if no timer is pending.
   */
  runNext(): boolean {
    return this.#moveTime(() => {
      const next = this.#peekActive();
      if (next === undefined) {
        return false;
      }
      this.#fire(next);
      return true;
    });
  }

  /**
   * Runs timers, moving time to each, until none is pending.
   *
   * Afterwards `now()` is the due time of the last timer run.
   *
   * Errors: `Error` if timers are still pending after `limit` runs (an interval
   * never ends: advance by a duration instead); `RangeError` for a `limit` that is
   * not a positive integer; whatever a timer callback throws.
   */
  runAll(options: RunAllTimersOptions = {}): void {
    const limit = checkLimit(options.limit);
    this.#moveTime(() => {
      for (let runs = 0; ; runs++) {
        const next = this.#peekActive();
        if (next === undefined) {
          return;
        }
        if (runs === limit) {
          throw this.#limitReached(limit);
        }
        this.#fire(next);
      }
    });
  }

  /**
   * {@link VirtualClock.advance} for code driven by promises.
   *
   * Before looking for each next due timer (and once before the first), it waits
   * one turn of Node's event loop (`setImmediate`), so that promise continuations
   * queued by the previous callback run first: a callback that awaits something
   * and then sets a timer within the window sees that timer run in this same call.
   *
   * Caveats: one turn drains every queued microtask (promise chains of any length),
   * but not work that waits on real I/O or real timers, which virtual time cannot
   * speed up. Do not move time again until the returned promise settles.
   *
   * Errors: the promise rejects as {@link VirtualClock.advance} would throw.
   */
  async advanceAsync(duration: Duration): Promise<void> {
    const millis = toMillis(duration);
    await this.#moveTimeAsync(async () => {
      const target = this.#now + millis;
      for (;;) {
        await nextTurn();
        const next = this.#peekActive();
        if (next === undefined || next.due > target) {
          break;
        }
        this.#fire(next);
      }
      this.#now = target;
    });
  }

  /**
   * {@link VirtualClock.runAll} for code driven by promises: one event-loop turn
   * before looking for each next timer, as in {@link VirtualClock.advanceAsync}.
   *
   * Errors: the promise rejects as {@link VirtualClock.runAll} would throw.
   */
  async runAllAsync(options: RunAllTimersOptions = {}): Promise<void> {
    const limit = checkLimit(options.limit);
    await this.#moveTimeAsync(async () => {
      for (let runs = 0; ; runs++) {
        await nextTurn();
        const next = this.#peekActive();
        if (next === undefined) {
          return;
        }
        if (runs === limit) {
          throw this.#limitReached(limit);
        }
        this.#fire(next);
      }
    });
  }

  #arm(options: { callback: () => void; due: number; period: number | undefined }): VirtualTimer {
    const timer = new VirtualTimer({
      ...options,
      sequence: this.#nextSequence++,
      onCancel: () => this.#onCancel(),
    });
    this.#activeTimers++;
    this.#timers.push(timer);
    return timer;
  }

  #onCancel(): void {
    this.#activeTimers--;
    // Keep lazily cancelled timers from piling up (a debounce re-arming a far-off
    // timer on every event would otherwise grow the heap without bound).
    const cancelled = this.#timers.size - this.#activeTimers;
    if (cancelled > 64 && cancelled > this.#activeTimers) {
      this.#timers.removeWhere((timer) => !timer.active);
    }
  }

  #peekActive(): VirtualTimer | undefined {
    let top = this.#timers.peek();
    while (top !== undefined && !top.active) {
      this.#timers.pop();
      top = this.#timers.peek();
    }
    return top;
  }

  /** Runs `timer`, the active timer at the top of the heap, at its due time. */
  #fire(timer: VirtualTimer): void {
    this.#timers.pop();
    this.#now = timer.due;
    if (timer.period === undefined) {
      timer.markFired();
      this.#activeTimers--;
    } else {
      timer.due += timer.period;
      timer.sequence = this.#nextSequence++;
      this.#timers.push(timer);
    }
    timer.callback();
  }

  #runUntil(target: number): void {
    for (;;) {
      const next = this.#peekActive();
      if (next === undefined || next.due > target) {
        break;
      }
      this.#fire(next);
    }
    this.#now = target;
  }

  #moveTime<R>(move: () => R): R {
    this.#startMoving();
    try {
      return move();
    } finally {
      this.#moving = false;
    }
  }

  async #moveTimeAsync(move: () => Promise<void>): Promise<void> {
    this.#startMoving();
    try {
      await move();
    } finally {
      this.#moving = false;
    }
  }

  #startMoving(): void {
    if (this.#moving) {
      throw new Error(
        'VirtualClock is already moving time: a timer callback cannot move it, ' +
          'and an advanceAsync/runAllAsync must settle before time is moved again',
      );
    }
    this.#moving = true;
  }

  #checkTarget(time: number | Date): number {
    const target = toInstant(time, 'advanceTo target');
    if (target < this.#now) {
      throw new RangeError(
        `VirtualClock cannot move backwards: advanceTo(${describeInstant(target)}) is ` +
          `${formatDuration(this.#now - target)} before now (${describeInstant(this.#now)})`,
      );
    }
    return target;
  }

  #limitReached(limit: number): Error {
    const next = this.#peekActive();
    return new Error(
      `VirtualClock.runAll gave up after ${limit} timer runs with ${this.#activeTimers} ` +
        `timer(s) still pending (next due at ${describeInstant(next?.due ?? this.#now)}); ` +
        'an interval never ends, so advance by a duration instead, or raise the limit',
    );
  }
}

/** A timer in a {@link VirtualClock}'s heap. */
class VirtualTimer implements Timer {
  readonly callback: () => void;
  readonly period: number | undefined;
  due: number;
  sequence: number;
  #active = true;
  readonly #onCancel: () => void;

  constructor(options: {
    callback: () => void;
    due: number;
    period: number | undefined;
    sequence: number;
    onCancel: () => void;
  }) {
    this.callback = options.callback;
    this.due = options.due;
    this.period = options.period;
    this.sequence = options.sequence;
    this.#onCancel = options.onCancel;
  }

  get active(): boolean {
    return this.#active;
  }

  cancel(): void {
    if (this.#active) {
      this.#active = false;
      this.#onCancel();
    }
  }

  markFired(): void {
    this.#active = false;
  }
}

function toInstant(time: number | Date, what: string): number {
  const millis = time instanceof Date ? time.getTime() : time;
  if (!Number.isFinite(millis)) {
    throw new RangeError(
      `invalid VirtualClock ${what}: expected a finite time, got ${String(time)}`,
    );
  }
  return millis;
}

function checkLimit(limit: number = DEFAULT_RUN_ALL_LIMIT): number {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`invalid runAll limit ${limit}: expected a positive integer`);
  }
  return limit;
}

/** An instant for messages: ISO 8601 when representable, else milliseconds. */
function describeInstant(millis: number): string {
  const date = new Date(millis);
  return Number.isNaN(date.getTime()) ? `${millis}ms` : date.toISOString();
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediateOfNode(() => resolve()));
}
