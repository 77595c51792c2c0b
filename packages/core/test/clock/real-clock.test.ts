import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { InvalidDurationError } from '../../src/clock/duration.js';
import { RealClock, realClock } from '../../src/clock/real-clock.js';

/** Resolves after `ms` on Node's own timers, independently of the clock under test. */
function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves with `now()` when a timeout set on `clock` fires. */
function firedAt(clock: RealClock, delay: number): Promise<number> {
  return new Promise((resolve) => clock.setTimeout(() => resolve(clock.now()), delay));
}

describe('RealClock', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('tells the time of Date.now()', () => {
    const before = Date.now();
    const now = realClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('has one shared instance', () => {
    expect(realClock).toBeInstanceOf(RealClock);
  });

  it('runs a timeout once, after its delay', async () => {
    const setAt = realClock.now();
    const fired = await firedAt(realClock, 10);
    // Node may fire a timer up to a millisecond before Date.now() reaches its due time.
    expect(fired - setAt).toBeGreaterThanOrEqual(9);
  });

  it('fires timers with the same delay in the order they were set', async () => {
    const fired: number[] = [];
    for (let index = 0; index < 5; index++) {
      realClock.setTimeout(() => fired.push(index), 2);
    }
    await wait(2);
    expect(fired).toEqual([0, 1, 2, 3, 4]);
  });

  it('never runs a timeout cancelled before it fires', async () => {
    let ran = false;
    const timer = realClock.setTimeout(() => (ran = true), 2);
    expect(timer.active).toBe(true);
    timer.cancel();
    expect(timer.active).toBe(false);
    // Set after, due no earlier: had the cancelled timer run, it would have run first.
    await wait(2);
    expect(ran).toBe(false);
  });

  it('marks a timeout inactive once it has fired', async () => {
    const timer = realClock.setTimeout(() => undefined, 1);
    expect(timer.active).toBe(true);
    await wait(1);
    expect(timer.active).toBe(false);
  });

  it('runs an interval every period until it is cancelled, even from its own callback', async () => {
    let runs = 0;
    let activeWhileRunning = false;
    let thirdRun = (): void => undefined;
    const ranThreeTimes = new Promise<void>((resolve) => (thirdRun = resolve));
    const timer = realClock.setInterval(() => {
      runs++;
      activeWhileRunning = timer.active;
      if (runs === 3) {
        timer.cancel();
        thirdRun();
      }
    }, 1);
    await ranThreeTimes;
    await wait(5);
    expect(runs).toBe(3);
    expect(activeWhileRunning).toBe(true);
    expect(timer.active).toBe(false);
  });

  it('rejects an invalid delay and a zero period', () => {
    expect(() => realClock.setTimeout(() => undefined, '5x')).toThrow(InvalidDurationError);
    expect(() => realClock.setInterval(() => undefined, '0s')).toThrow(InvalidDurationError);
  });

  it('does not fire a delay beyond Node’s 24.8-day limit early', async () => {
    let ran = false;
    const timer = realClock.setTimeout(() => (ran = true), '30d');
    // Node would run an over-long timeout after 1 ms, before this one.
    await wait(5);
    expect(ran).toBe(false);
    expect(timer.active).toBe(true);
    timer.cancel();
  });

  it('fires a delay beyond Node’s 24.8-day limit when it is due, in several hops', () => {
    jest.useFakeTimers({ now: 0 });
    const clock = new RealClock();
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), '60d');
    clock.setInterval(() => fired.push(clock.now()), '30d');
    jest.advanceTimersByTime(29 * 86_400_000);
    expect(fired).toEqual([]);
    jest.advanceTimersByTime(31 * 86_400_000);
    expect(fired).toEqual([30 * 86_400_000, 60 * 86_400_000, 60 * 86_400_000]);
  });

  it('gives operators on its scheduler the clock’s time', () => {
    const before = Date.now();
    expect(realClock.scheduler.now()).toBeGreaterThanOrEqual(before);
  });
});
