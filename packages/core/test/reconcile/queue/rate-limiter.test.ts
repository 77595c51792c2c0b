import { describe, expect, it } from '@jest/globals';
import { InvalidDurationError } from '../../../src/clock/duration.js';
import { VirtualClock } from '../../../src/clock/virtual-clock.js';
import {
  bucketRateLimiter,
  defaultControllerRateLimiter,
  itemExponentialRateLimiter,
  maxOfRateLimiters,
  type RateLimiter,
} from '../../../src/reconcile/queue/rate-limiter.js';

/** The waits `limiter` gives `key` over `count` retries in a row. */
function waits<K>(limiter: RateLimiter<K>, key: K, count: number): number[] {
  return Array.from({ length: count }, () => limiter.when(key));
}

describe('itemExponentialRateLimiter', () => {
  it('doubles the wait of a key on each retry, from 5 ms', () => {
    const limiter = itemExponentialRateLimiter<string>();
    expect(waits(limiter, 'a', 5)).toEqual([5, 10, 20, 40, 80]);
    expect(limiter.retries('a')).toBe(5);
  });

  it('caps the wait at 1000 s, even after enough retries to overflow', () => {
    const limiter = itemExponentialRateLimiter<string>();
    const all = waits(limiter, 'a', 2_000);
    // 5 ms · 2^17 = 655 s, 5 ms · 2^18 = 1311 s.
    expect(all[17]).toBe(655_360);
    expect(all[18]).toBe(1_000_000);
    expect(all.at(-1)).toBe(1_000_000);
  });

  it('counts the retries of each key apart', () => {
    const limiter = itemExponentialRateLimiter<string>();
    waits(limiter, 'a', 3);
    expect(limiter.when('b')).toBe(5);
    expect(limiter.retries('a')).toBe(3);
    expect(limiter.retries('b')).toBe(1);
  });

  it('starts a forgotten key over from the base wait', () => {
    const limiter = itemExponentialRateLimiter<string>();
    waits(limiter, 'a', 4);
    limiter.forget('a');
    expect(limiter.retries('a')).toBe(0);
    expect(limiter.when('a')).toBe(5);
  });

  it('takes its base and max as durations', () => {
    const limiter = itemExponentialRateLimiter<string>({ base: '1s', max: '3s' });
    expect(waits(limiter, 'a', 4)).toEqual([1_000, 2_000, 3_000, 3_000]);
  });

  it('rejects a zero or invalid base and an invalid max', () => {
    expect(() => itemExponentialRateLimiter({ base: 0 })).toThrow(InvalidDurationError);
    expect(() => itemExponentialRateLimiter({ base: '5x' })).toThrow(InvalidDurationError);
    expect(() => itemExponentialRateLimiter({ max: -1 })).toThrow(InvalidDurationError);
  });
});

describe('bucketRateLimiter', () => {
  it('allows a burst of 100 at once, then one every 100 ms (10 per second)', () => {
    const clock = new VirtualClock();
    const limiter = bucketRateLimiter({ clock });
    expect(waits(limiter, 'any', 100).every((wait) => wait === 0)).toBe(true);
    expect(waits(limiter, 'any', 3)).toEqual([100, 200, 300]);
  });

  it('refills at qps as time passes, up to the burst', () => {
    const clock = new VirtualClock();
    const limiter = bucketRateLimiter({ clock, qps: 10, burst: 2 });
    expect(waits(limiter, 'any', 3)).toEqual([0, 0, 100]);
    // The reserved token arrives at 100 ms; one more by 200 ms.
    clock.advance('200ms');
    expect(waits(limiter, 'any', 2)).toEqual([0, 100]);
    clock.advance('1h');
    expect(waits(limiter, 'any', 3)).toEqual([0, 0, 100]);
  });

  it('counts no retries and forgets nothing, as it does not track keys', () => {
    const limiter = bucketRateLimiter({ clock: new VirtualClock(), burst: 1 });
    waits(limiter, 'a', 2);
    limiter.forget('a');
    expect(limiter.retries('a')).toBe(0);
    expect(limiter.when('a')).toBe(200);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects a qps of %p', (qps) => {
    expect(() => bucketRateLimiter({ clock: new VirtualClock(), qps })).toThrow(RangeError);
  });

  it.each([0, 1.5, -3])('rejects a burst of %p', (burst) => {
    expect(() => bucketRateLimiter({ clock: new VirtualClock(), burst })).toThrow(RangeError);
  });
});

describe('maxOfRateLimiters', () => {
  it('waits as long as the strictest limiter asks, and records the retry in each', () => {
    const clock = new VirtualClock();
    const bucket = bucketRateLimiter({ clock, qps: 1, burst: 1 });
    const perKey = itemExponentialRateLimiter<string>({ base: '300ms' });
    const limiter = maxOfRateLimiters(perKey, bucket);
    // Per key: 300, 600, 1200 ms; bucket: 0, 1000, 2000 ms.
    expect(waits(limiter, 'a', 3)).toEqual([300, 1_000, 2_000]);
    expect(perKey.retries('a')).toBe(3);
  });

  it('forgets in every limiter and reports the largest retry count', () => {
    const first = itemExponentialRateLimiter<string>();
    const second = itemExponentialRateLimiter<string>();
    const limiter = maxOfRateLimiters(first, second);
    waits(limiter, 'a', 2);
    second.when('a');
    expect(limiter.retries('a')).toBe(3);
    limiter.forget('a');
    expect(first.retries('a')).toBe(0);
    expect(second.retries('a')).toBe(0);
  });
});

describe('defaultControllerRateLimiter', () => {
  it('backs a failing key off exponentially from 5 ms', () => {
    const limiter = defaultControllerRateLimiter<string>(new VirtualClock());
    expect(waits(limiter, 'a', 4)).toEqual([5, 10, 20, 40]);
  });

  it('holds many keys failing at once to 10 retries per second after a burst of 100', () => {
    const limiter = defaultControllerRateLimiter<string>(new VirtualClock());
    const first = Array.from({ length: 100 }, (_, i) => limiter.when(`key-${i}`));
    expect(first.every((wait) => wait === 5)).toBe(true);
    expect(limiter.when('key-100')).toBe(100);
    expect(limiter.when('key-101')).toBe(200);
  });
});
