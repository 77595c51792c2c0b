import { describe, expect, it } from '@jest/globals';
import { median } from '../src/stats.js';

describe('median', () => {
  it('is the middle sample of an odd number of samples', () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it('is the mean of the two middle samples of an even number of samples', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is the sample itself for one sample', () => {
    expect(median([7])).toBe(7);
  });

  it('is not moved by one outlier', () => {
    expect(median([100, 101, 99, 1, 100])).toBe(100);
  });

  it('sorts numerically, not as strings', () => {
    expect(median([10, 9, 100])).toBe(10);
  });

  it('leaves the samples in their order', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('rejects no samples', () => {
    expect(() => median([])).toThrow(new RangeError('median: no samples'));
  });

  it('rejects a sample that is not finite', () => {
    expect(() => median([1, Number.POSITIVE_INFINITY])).toThrow(/Infinity is not a finite number/);
    expect(() => median([Number.NaN])).toThrow(RangeError);
  });
});
