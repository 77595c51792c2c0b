import { describe, expect, it } from '@jest/globals';
import type { Clock } from '../../src/clock/clock.js';
import { InvalidDurationError, type Duration } from '../../src/clock/duration.js';
import { VIRTUAL_CLOCK_DEFAULT_START, VirtualClock } from '../../src/clock/virtual-clock.js';

/** A clock at 0, so that `now()` reads as time elapsed in the test. */
function clockAtZero(): VirtualClock {
  return new VirtualClock({ start: 0 });
}

/** Resolves after `delay` on `clock`, as promise-driven code waits. */
function sleep(clock: Clock, delay: Duration): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, delay));
}

describe('VirtualClock time', () => {
  it('starts at 2025-01-01T00:00:00Z unless told otherwise', () => {
    const clock = new VirtualClock();
    expect(clock.now()).toBe(VIRTUAL_CLOCK_DEFAULT_START);
    expect(new Date(clock.now()).toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('starts at the given time, as milliseconds or as a Date', () => {
    expect(new VirtualClock({ start: 1_000 }).now()).toBe(1_000);
    const start = new Date('2030-06-01T12:00:00Z');
    expect(new VirtualClock({ start }).now()).toBe(start.getTime());
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, new Date('not a date')])(
    'refuses to start at %p',
    (start) => {
      expect(() => new VirtualClock({ start })).toThrow(RangeError);
    },
  );

  it('stands still until told to move', () => {
    const clock = clockAtZero();
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 0);
    expect(clock.now()).toBe(0);
    expect(fired).toEqual([]);
  });

  it('moves forward by the duration given to advance, as milliseconds or as a string', () => {
    const clock = clockAtZero();
    clock.advance(250);
    clock.advance('1m30s');
    expect(clock.now()).toBe(90_250);
  });

  it('rejects an invalid duration to advance by and stays where it was', () => {
    const clock = clockAtZero();
    expect(() => clock.advance('-1s')).toThrow(InvalidDurationError);
    expect(() => clock.advance(Number.NaN)).toThrow(InvalidDurationError);
    expect(clock.now()).toBe(0);
  });
});

describe('VirtualClock timeouts', () => {
  it('runs a timeout once, when time reaches its due time, with now() at that time', () => {
    const clock = clockAtZero();
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), '5s');
    clock.advance('4999ms');
    expect(fired).toEqual([]);
    clock.advance('1ms');
    expect(fired).toEqual([5_000]);
    clock.advance('1h');
    expect(fired).toEqual([5_000]);
  });

  it('sets now() to each timer’s due time while it runs and to the end of the window after', () => {
    const clock = clockAtZero();
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), '2s');
    clock.setTimeout(() => fired.push(clock.now()), '3s');
    clock.advance('10s');
    expect(fired).toEqual([2_000, 3_000]);
    expect(clock.now()).toBe(10_000);
  });

  it('fires timers due at the same instant in the order they were set', () => {
    const clock = clockAtZero();
    const fired: string[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      clock.setTimeout(() => fired.push(name), '1s');
    }
    clock.advance('1s');
    expect(fired).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('fires timers in due-time order, whatever order they were set in', () => {
    const clock = clockAtZero();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('3s'), '3s');
    clock.setTimeout(() => fired.push('1s'), '1s');
    clock.advance('500ms');
    // Set later, but due at the same instant as the first timer: runs after it.
    clock.setTimeout(() => fired.push('3s, set later'), '2.5s');
    clock.setTimeout(() => fired.push('2s'), '1.5s');
    clock.advance('5s');
    expect(fired).toEqual(['1s', '2s', '3s', '3s, set later']);
  });

  it('runs a zero-delay timeout at the next advance, even advance(0), never inside setTimeout', () => {
    const clock = clockAtZero();
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 0);
    expect(fired).toEqual([]);
    expect(clock.nextDue()).toBe(0);
    clock.advance(0);
    expect(fired).toEqual([0]);
  });

  it('runs timers set by timers when they fall due within the same advance', () => {
    const clock = clockAtZero();
    const fired: number[] = [];
    const tick = (): void => {
      fired.push(clock.now());
      clock.setTimeout(tick, '1s');
    };
    clock.setTimeout(tick, '1s');
    clock.advance('3.5s');
    expect(fired).toEqual([1_000, 2_000, 3_000]);
    expect(clock.nextDue()).toBe(4_000);
  });

  it('runs a zero-delay timer set by a callback after the timers already due at that instant', () => {
    const clock = clockAtZero();
    const fired: string[] = [];
    clock.setTimeout(() => {
      fired.push('first');
      clock.setTimeout(() => fired.push('set by first'), 0);
    }, '1s');
    clock.setTimeout(() => fired.push('second'), '1s');
    clock.advance('1s');
    expect(fired).toEqual(['first', 'second', 'set by first']);
  });

  it('counts pending timers and tells when the next one is due', () => {
    const clock = clockAtZero();
    expect(clock.pending()).toBe(0);
    expect(clock.nextDue()).toBeUndefined();
    clock.setTimeout(() => undefined, '2s');
    clock.setTimeout(() => undefined, '1s');
    expect(clock.pending()).toBe(2);
    expect(clock.nextDue()).toBe(1_000);
    clock.advance('1s');
    expect(clock.pending()).toBe(1);
    expect(clock.nextDue()).toBe(2_000);
  });

  it('marks a timeout inactive once it has fired', () => {
    const clock = clockAtZero();
    let activeWhileRunning: boolean | undefined;
    const timer = clock.setTimeout(() => (activeWhileRunning = timer.active), '1s');
    expect(timer.active).toBe(true);
    clock.advance('1s');
    expect(activeWhileRunning).toBe(false);
    expect(timer.active).toBe(false);
  });

  it('rejects an invalid delay and sets no timer', () => {
    const clock = clockAtZero();
    expect(() => clock.setTimeout(() => undefined, '5x')).toThrow(new InvalidDurationError('5x'));
    expect(clock.pending()).toBe(0);
  });
});

describe('VirtualClock cancellation', () => {
  it('never runs a timer cancelled before it fires, and stops counting it', () => {
    const clock = clockAtZero();
    const fired: string[] = [];
    const cancelled = clock.setTimeout(() => fired.push('cancelled'), '1s');
    clock.setTimeout(() => fired.push('kept'), '2s');
    cancelled.cancel();
    expect(cancelled.active).toBe(false);
    expect(clock.pending()).toBe(1);
    expect(clock.nextDue()).toBe(2_000);
    clock.advance('5s');
    expect(fired).toEqual(['kept']);
  });

  it('lets a callback cancel another timer due at the same instant', () => {
    const clock = clockAtZero();
    const fired: string[] = [];
    clock.setTimeout(() => {
      fired.push('canceller');
      victim.cancel();
    }, '1s');
    const victim = clock.setTimeout(() => fired.push('victim'), '1s');
    clock.advance('1s');
    expect(fired).toEqual(['canceller']);
    expect(clock.pending()).toBe(0);
  });

  it('does nothing when a timer is cancelled twice or after it fired', () => {
    const clock = clockAtZero();
    const fired = clock.setTimeout(() => undefined, '1s');
    const twice = clock.setTimeout(() => undefined, '1h');
    clock.setTimeout(() => undefined, '2h');
    clock.advance('1s');
    fired.cancel();
    twice.cancel();
    twice.cancel();
    expect(clock.pending()).toBe(1);
    expect(clock.nextDue()).toBe(7_200_000);
  });

  it('keeps order and counts right through many cancellations', () => {
    const clock = clockAtZero();
    const fired: number[] = [];
    const timers = Array.from({ length: 1_000 }, (_, index) =>
      clock.setTimeout(() => fired.push(index), (index * 7919) % 1_000),
    );
    timers.forEach((timer, index) => {
      if (index % 10 !== 0) {
        timer.cancel();
      }
    });
    expect(clock.pending()).toBe(100);
    clock.advance('1s');
    const survivors = Array.from({ length: 100 }, (_, k) => k * 10);
    const byDueThenSetOrder = (a: number, b: number): number =>
      ((a * 7919) % 1_000) - ((b * 7919) % 1_000) || a - b;
    expect(fired).toEqual(survivors.sort(byDueThenSetOrder));
    expect(clock.pending()).toBe(0);
  });
});

describe('VirtualClock intervals', () => {
  it('runs an interval every period, the first time one period from now', () => {
    const clock = clockAtZero();
    const fired: number[] = [];
    clock.setInterval(() => fired.push(clock.now()), '1s');
    clock.advance('999ms');
    expect(fired).toEqual([]);
    clock.advance('2.5s');
    expect(fired).toEqual([1_000, 2_000, 3_000]);
    expect(clock.pending()).toBe(1);
    expect(clock.nextDue()).toBe(4_000);
  });

  it('stays active between runs and stops when cancelled, even from its own callback', () => {
    const clock = clockAtZero();
    const fired: number[] = [];
    const timer = clock.setInterval(() => {
      fired.push(clock.now());
      if (fired.length === 2) {
        timer.cancel();
      }
    }, '1s');
    clock.advance('1s');
    expect(timer.active).toBe(true);
    clock.advance('10s');
    expect(fired).toEqual([1_000, 2_000]);
    expect(timer.active).toBe(false);
    expect(clock.pending()).toBe(0);
  });

  it('counts an interval as set again each time it fires, for ordering at the same instant', () => {
    const clock = clockAtZero();
    const fired: string[] = [];
    clock.setInterval(() => fired.push(`interval at ${clock.now()}`), '1s');
    clock.setTimeout(() => fired.push(`timeout at ${clock.now()}`), '1s');
    clock.setTimeout(() => fired.push(`timeout at ${clock.now()}`), '2s');
    clock.advance('2s');
    expect(fired).toEqual([
      'interval at 1000',
      'timeout at 1000',
      'timeout at 2000',
      'interval at 2000',
    ]);
  });

  it.each<Duration>([0, '0s', -1, '-1s', 'often'])('rejects the period %p', (period) => {
    const clock = clockAtZero();
    expect(() => clock.setInterval(() => undefined, period)).toThrow(InvalidDurationError);
    expect(clock.pending()).toBe(0);
  });
});

describe('VirtualClock advanceTo', () => {
  it('moves to an absolute time, given as milliseconds or as a Date, running timers on the way', () => {
    const clock = new VirtualClock({ start: new Date('2025-01-01T00:00:00Z') });
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(new Date(clock.now()).toISOString()), '1h');
    clock.advanceTo(new Date('2025-01-01T02:00:00Z'));
    expect(fired).toEqual(['2025-01-01T01:00:00.000Z']);
    clock.advanceTo(Date.UTC(2025, 0, 2));
    expect(new Date(clock.now()).toISOString()).toBe('2025-01-02T00:00:00.000Z');
  });

  it('accepts the current time, running the timers due now', () => {
    const clock = clockAtZero();
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 0);
    clock.advanceTo(0);
    expect(fired).toEqual([0]);
  });

  it('refuses to move backwards, saying by how much, and stays where it was', () => {
    const clock = new VirtualClock();
    clock.advance('1h');
    expect(() => clock.advanceTo(Date.UTC(2025, 0, 1, 0, 30))).toThrow(
      new RangeError(
        'VirtualClock cannot move backwards: advanceTo(2025-01-01T00:30:00.000Z) is 30m ' +
          'before now (2025-01-01T01:00:00.000Z)',
      ),
    );
    expect(clock.now()).toBe(VIRTUAL_CLOCK_DEFAULT_START + 3_600_000);
  });

  it.each([Number.NaN, new Date('not a date')])('rejects the target %p', (target) => {
    expect(() => clockAtZero().advanceTo(target)).toThrow(RangeError);
  });
});

describe('VirtualClock runNext', () => {
  it('jumps to the next due timer and runs only that one', () => {
    const clock = clockAtZero();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('a'), '1s');
    clock.setTimeout(() => fired.push('b'), '1s');
    clock.setTimeout(() => fired.push('c'), '1m');
    expect(clock.runNext()).toBe(true);
    expect(fired).toEqual(['a']);
    expect(clock.now()).toBe(1_000);
    expect(clock.runNext()).toBe(true);
    expect(clock.runNext()).toBe(true);
    expect(fired).toEqual(['a', 'b', 'c']);
    expect(clock.now()).toBe(60_000);
  });

  it('skips cancelled timers', () => {
    const clock = clockAtZero();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('cancelled'), '1s').cancel();
    clock.setTimeout(() => fired.push('kept'), '2s');
    expect(clock.runNext()).toBe(true);
    expect(fired).toEqual(['kept']);
    expect(clock.now()).toBe(2_000);
  });

  it('returns false and leaves time alone when no timer is pending', () => {
    const clock = clockAtZero();
    clock.setTimeout(() => undefined, '1s').cancel();
    expect(clock.runNext()).toBe(false);
    expect(clock.now()).toBe(0);
  });
});

describe('VirtualClock runAll', () => {
  it('runs timers, including those set by timers, until none is pending', () => {
    const clock = clockAtZero();
    const fired: number[] = [];
    const backOff = (delay: number): void => {
      fired.push(clock.now());
      if (delay < 8_000) {
        clock.setTimeout(() => backOff(delay * 2), delay * 2);
      }
    };
    clock.setTimeout(() => backOff(1_000), 1_000);
    clock.runAll();
    expect(fired).toEqual([1_000, 3_000, 7_000, 15_000]);
    expect(clock.now()).toBe(15_000);
    expect(clock.pending()).toBe(0);
  });

  it('does nothing when no timer is pending', () => {
    const clock = clockAtZero();
    clock.runAll();
    expect(clock.now()).toBe(0);
  });

  it('gives up with a clear error after the limit, because an interval never ends', () => {
    const clock = clockAtZero();
    let runs = 0;
    clock.setInterval(() => runs++, '1s');
    expect(() => clock.runAll()).toThrow(
      new Error(
        'VirtualClock.runAll gave up after 10000 timer runs with 1 timer(s) still pending ' +
          '(next due at 1970-01-01T02:46:41.000Z); an interval never ends, so advance by a ' +
          'duration instead, or raise the limit',
      ),
    );
    expect(runs).toBe(10_000);
  });

  it('takes a limit, and succeeds when the timers end exactly at it', () => {
    const clock = clockAtZero();
    let runs = 0;
    for (let index = 0; index < 3; index++) {
      clock.setTimeout(() => runs++, index);
    }
    clock.runAll({ limit: 3 });
    expect(runs).toBe(3);
    clock.setInterval(() => runs++, '1s');
    expect(() => clock.runAll({ limit: 5 })).toThrow(/gave up after 5 timer runs/);
    expect(runs).toBe(8);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects the limit %p', (limit) => {
    expect(() => clockAtZero().runAll({ limit })).toThrow(RangeError);
  });
});

describe('VirtualClock callbacks that throw', () => {
  it('propagates the error out of advance, stopping at the failing timer', () => {
    const clock = clockAtZero();
    const fired: string[] = [];
    const failure = new Error('callback failed');
    clock.setTimeout(() => fired.push('before'), '1s');
    clock.setTimeout(() => {
      throw failure;
    }, '2s');
    clock.setTimeout(() => fired.push('after'), '3s');
    expect(() => clock.advance('5s')).toThrow(failure);
    expect(fired).toEqual(['before']);
    expect(clock.now()).toBe(2_000);
    expect(clock.pending()).toBe(1);
  });

  it('can resume after the error by moving time again', () => {
    const clock = clockAtZero();
    const fired: string[] = [];
    clock.setTimeout(() => {
      throw new Error('callback failed');
    }, '2s');
    clock.setTimeout(() => fired.push('after'), '3s');
    expect(() => clock.advanceTo(5_000)).toThrow('callback failed');
    clock.advanceTo(5_000);
    expect(fired).toEqual(['after']);
    expect(clock.now()).toBe(5_000);
  });

  it('re-arms an interval whose callback throws', () => {
    const clock = clockAtZero();
    let runs = 0;
    const timer = clock.setInterval(() => {
      runs++;
      if (runs === 1) {
        throw new Error('first run failed');
      }
    }, '1s');
    expect(() => clock.advance('1s')).toThrow('first run failed');
    expect(timer.active).toBe(true);
    expect(clock.nextDue()).toBe(2_000);
    clock.advance('2s');
    expect(runs).toBe(3);
  });

  it('propagates the error out of runNext and runAll too', () => {
    const clock = clockAtZero();
    clock.setTimeout(() => {
      throw new Error('from runNext');
    }, '1s');
    clock.setTimeout(() => {
      throw new Error('from runAll');
    }, '2s');
    expect(() => clock.runNext()).toThrow('from runNext');
    expect(() => clock.runAll()).toThrow('from runAll');
    expect(clock.now()).toBe(2_000);
    expect(clock.pending()).toBe(0);
  });
});

describe('VirtualClock re-entrance', () => {
  it('refuses to let a timer callback move time', () => {
    const clock = clockAtZero();
    clock.setTimeout(() => clock.advance('1s'), '1s');
    expect(() => clock.advance('1s')).toThrow(/VirtualClock is already moving time/);
    expect(clock.now()).toBe(1_000);
  });

  it('refuses to move time while an advanceAsync is still running', async () => {
    const clock = clockAtZero();
    const advancing = clock.advanceAsync('1s');
    expect(() => clock.advance('1s')).toThrow(/VirtualClock is already moving time/);
    await advancing;
    expect(clock.now()).toBe(1_000);
  });
});

describe('VirtualClock async variants', () => {
  /** Waits `times` times for `delay`, noting the time after each wait. */
  async function sleepLoop(clock: Clock, times: number, delay: Duration): Promise<number[]> {
    const wokeAt: number[] = [];
    for (let index = 0; index < times; index++) {
      await sleep(clock, delay);
      wokeAt.push(clock.now());
    }
    return wokeAt;
  }

  it('advance does not wait for promise continuations, so a sleep loop falls behind', async () => {
    const clock = clockAtZero();
    const woken = sleepLoop(clock, 3, '1s');
    clock.advance('3s');
    // The first sleep ended at 1s, but the code after it (which notes the time and
    // sets the next timer) runs only once advance has returned, at 3s.
    await clock.advanceAsync('2s');
    await expect(woken).resolves.toEqual([3_000, 4_000, 5_000]);
  });

  it('advanceAsync lets promise continuations run between timers, so a sleep loop keeps pace', async () => {
    const clock = clockAtZero();
    const woken = sleepLoop(clock, 3, '1s');
    await clock.advanceAsync('3s');
    await expect(woken).resolves.toEqual([1_000, 2_000, 3_000]);
    expect(clock.now()).toBe(3_000);
  });

  it('advanceAsync honours a timer set after an await inside a callback', async () => {
    const clock = clockAtZero();
    const fired: number[] = [];
    clock.setTimeout(() => {
      void Promise.resolve()
        .then(() => Promise.resolve())
        .then(() => clock.setTimeout(() => fired.push(clock.now()), '1s'));
    }, '1s');
    await clock.advanceAsync('2s');
    expect(fired).toEqual([2_000]);
  });

  it('advanceAsync waits for continuations already queued before it looks for the first timer', async () => {
    const clock = clockAtZero();
    const woken = (async () => {
      await Promise.resolve();
      await sleep(clock, '1s');
      return clock.now();
    })();
    await clock.advanceAsync('1s');
    await expect(woken).resolves.toBe(1_000);
  });

  it('runAllAsync runs a promise-driven chain of timers to its end', async () => {
    const clock = clockAtZero();
    const woken = sleepLoop(clock, 5, '1m');
    await clock.runAllAsync();
    await expect(woken).resolves.toEqual([60_000, 120_000, 180_000, 240_000, 300_000]);
    expect(clock.now()).toBe(300_000);
    expect(clock.pending()).toBe(0);
  });

  it('runAllAsync gives up after the limit', async () => {
    const clock = clockAtZero();
    clock.setInterval(() => undefined, '1s');
    await expect(clock.runAllAsync({ limit: 3 })).rejects.toThrow(
      /runAll gave up after 3 timer runs/,
    );
    expect(clock.now()).toBe(3_000);
  });

  it('advanceAsync rejects with the error of a callback that throws, stopping at that timer', async () => {
    const clock = clockAtZero();
    clock.setTimeout(() => {
      throw new Error('callback failed');
    }, '2s');
    await expect(clock.advanceAsync('5s')).rejects.toThrow('callback failed');
    expect(clock.now()).toBe(2_000);
    await clock.advanceAsync('1s');
    expect(clock.now()).toBe(3_000);
  });

  it('advanceAsync rejects an invalid duration', async () => {
    await expect(clockAtZero().advanceAsync('soon')).rejects.toThrow(InvalidDurationError);
  });
});
