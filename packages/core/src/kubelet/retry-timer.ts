/**
 * A timer that repeats an attempt on the clock: at a steady period while it succeeds,
 * sooner, with back-off, while it fails.
 *
 * @module
 */
import type { Clock, Timer } from '../clock/index.js';

/** Options of {@link repeatOnClock}. */
export interface RepeatOnClockOptions {
  readonly clock: Clock;
  /** Runs once per turn; resolves `true` on success, `false` on failure. Must not reject. */
  readonly attempt: () => Promise<boolean>;
  /** The delay after a success. */
  readonly periodMs: number;
  /** The first delay after a failure, doubled after each further one. */
  readonly retryInitialMs: number;
  /** The longest delay after a failure. */
  readonly retryMaxMs: number;
  /** Whether the first attempt runs at once (`true`) or one period from now. */
  readonly immediately: boolean;
}

/** A running {@link repeatOnClock}. */
export interface Repeating {
  /** Stops it: no attempt starts after this; one in flight is left to finish. */
  stop(): void;
  /** Runs an attempt now (after the one in flight, if any), then carries on as usual. */
  now(): void;
}

/**
 * Runs `attempt` now or after `periodMs`, then again `periodMs` after each success, or
 * after `retryInitialMs` doubling to `retryMaxMs` after consecutive failures (as
 * upstream's lease controller retries from 200 ms to 7 s).
 *
 * Guarantees: attempts never overlap; after `stop()` no attempt starts.
 */
export function repeatOnClock(options: RepeatOnClockOptions): Repeating {
  let stopped = false;
  let timer: Timer | undefined;
  let running = false;
  let again = false;
  let failures = 0;

  const schedule = (delay: number): void => {
    timer?.cancel();
    timer = options.clock.setTimeout(run, delay);
  };
  const run = (): void => {
    if (stopped) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    running = true;
    timer?.cancel();
    void options.attempt().then((succeeded) => {
      running = false;
      if (stopped) {
        return;
      }
      failures = succeeded ? 0 : failures + 1;
      if (again) {
        again = false;
        run();
        return;
      }
      schedule(
        succeeded
          ? options.periodMs
          : Math.min(options.retryInitialMs * 2 ** (failures - 1), options.retryMaxMs),
      );
    });
  };
  if (options.immediately) {
    run();
  } else {
    schedule(options.periodMs);
  }
  return {
    stop() {
      stopped = true;
      timer?.cancel();
    },
    now: run,
  };
}
