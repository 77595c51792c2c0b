import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { InvalidDurationError } from '../../../src/clock/index.js';
import {
  DEFAULT_WATCHER_BACKOFF,
  exponentialBackoff,
} from '../../../src/reconcile/watcher/backoff.js';

describe('exponentialBackoff', () => {
  it('waits 800 ms after a first failure by default, doubling up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map(DEFAULT_WATCHER_BACKOFF)).toEqual([
      800, 1_600, 3_200, 6_400, 12_800, 25_600, 30_000, 30_000, 30_000,
    ]);
  });

  it('multiplies by the factor it is given', () => {
    const backoff = exponentialBackoff({ initial: 100, max: '1s', factor: 3 });
    expect([1, 2, 3, 4].map(backoff)).toEqual([100, 300, 900, 1_000]);
  });

  it('never waits less than initial nor more than max, and never less after more failures', () => {
    const backoff = exponentialBackoff({ initial: '250ms', max: '10s' });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (failures) => {
        const delay = backoff(failures);
        expect(delay).toBeGreaterThanOrEqual(250);
        expect(delay).toBeLessThanOrEqual(10_000);
        expect(backoff(failures + 1)).toBeGreaterThanOrEqual(delay);
      }),
    );
  });

  it('rejects a factor below 1, a max below initial and invalid durations', () => {
    expect(() => exponentialBackoff({ initial: 1, max: 2, factor: 0.5 })).toThrow(RangeError);
    expect(() =>
      exponentialBackoff({ initial: 1, max: 2, factor: Number.POSITIVE_INFINITY }),
    ).toThrow(RangeError);
    expect(() => exponentialBackoff({ initial: '2s', max: '1s' })).toThrow(RangeError);
    expect(() => exponentialBackoff({ initial: '5', max: '1s' })).toThrow(InvalidDurationError);
  });
});
