import { describe, expect, it } from '@jest/globals';
import { Observable, queueScheduler } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { Clock } from '../../src/clock/clock.js';
import { InvalidDurationError, type Duration } from '../../src/clock/duration.js';
import { schedulerClock } from '../../src/clock/scheduler-clock.js';

function newTestScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** Emits `value` and completes when a timeout set on `clock` fires. */
function afterTimeout<T>(clock: Clock, delay: Duration, value: T): Observable<T> {
  return new Observable<T>((subscriber) => {
    const timer = clock.setTimeout(() => {
      subscriber.next(value);
      subscriber.complete();
    }, delay);
    return () => timer.cancel();
  });
}

/** Emits the clock's time on every run of an interval set on `clock`. */
function everyPeriod(clock: Clock, period: Duration): Observable<number> {
  return new Observable<number>((subscriber) => {
    const timer = clock.setInterval(() => subscriber.next(clock.now()), period);
    return () => timer.cancel();
  });
}

describe('schedulerClock', () => {
  it('fires a timeout of 5s at frame 5000, written 5s in a marble diagram', () => {
    const testScheduler = newTestScheduler();
    testScheduler.run(({ expectObservable }) => {
      const clock = schedulerClock(testScheduler);
      expectObservable(afterTimeout(clock, '5s', 'a')).toBe('5s (a|)');
    });
  });

  it('runs an interval every period, at the scheduler’s frames', () => {
    const testScheduler = newTestScheduler();
    testScheduler.run(({ expectObservable }) => {
      const clock = schedulerClock(testScheduler);
      expectObservable(everyPeriod(clock, '1s'), '^ 3500ms !').toBe('1s a 999ms b 999ms c', {
        a: 1_000,
        b: 2_000,
        c: 3_000,
      });
    });
  });

  it('never fires a timer cancelled before its time', () => {
    const testScheduler = newTestScheduler();
    testScheduler.run(({ expectObservable }) => {
      const clock = schedulerClock(testScheduler);
      expectObservable(afterTimeout(clock, '5s', 'a'), '^ 4s !').toBe('');
    });
  });

  it('tells the time of the scheduler and hands the scheduler out as its own', () => {
    const testScheduler = newTestScheduler();
    testScheduler.run(({ flush }) => {
      const clock = schedulerClock(testScheduler);
      const seen: number[] = [];
      clock.setTimeout(() => seen.push(clock.now()), '250ms');
      flush();
      expect(seen).toEqual([250]);
      expect(clock.scheduler).toBe(testScheduler);
    });
  });

  it('marks a timeout inactive once fired or cancelled, and an interval active until cancelled', () => {
    const testScheduler = newTestScheduler();
    testScheduler.run(({ flush }) => {
      const clock = schedulerClock(testScheduler);
      const fired = clock.setTimeout(() => undefined, '1s');
      const cancelled = clock.setTimeout(() => undefined, '1s');
      let intervalRuns = 0;
      const repeating = clock.setInterval(() => {
        intervalRuns++;
        if (intervalRuns === 3) {
          repeating.cancel();
        }
      }, '1s');
      cancelled.cancel();
      expect([fired.active, cancelled.active, repeating.active]).toEqual([true, false, true]);
      flush();
      expect([fired.active, repeating.active, intervalRuns]).toEqual([false, false, 3]);
    });
  });

  it('fires timers due at the same instant in the order they were set', () => {
    const testScheduler = newTestScheduler();
    testScheduler.run(({ flush }) => {
      const clock = schedulerClock(testScheduler);
      const fired: string[] = [];
      clock.setTimeout(() => fired.push('a'), '1s');
      clock.setTimeout(() => fired.push('b'), '1s');
      clock.setTimeout(() => fired.push('c'), '1s');
      flush();
      expect(fired).toEqual(['a', 'b', 'c']);
    });
  });

  it('rethrows, from flush, the error of a callback that throws', () => {
    const testScheduler = newTestScheduler();
    testScheduler.run(({ flush }) => {
      const clock = schedulerClock(testScheduler);
      clock.setTimeout(() => {
        throw new Error('callback failed');
      }, '1s');
      expect(() => flush()).toThrow('callback failed');
    });
  });

  it('rejects an invalid delay and a zero period', () => {
    const clock = schedulerClock(new TestScheduler(() => undefined));
    expect(() => clock.setTimeout(() => undefined, '5x')).toThrow(InvalidDurationError);
    expect(() => clock.setInterval(() => undefined, 0)).toThrow(InvalidDurationError);
  });

  it('works on a scheduler that runs zero-delay work at once', () => {
    const clock = schedulerClock(queueScheduler);
    let ran = false;
    const timer = clock.setTimeout(() => (ran = true), 0);
    expect(ran).toBe(true);
    expect(timer.active).toBe(false);
  });
});
