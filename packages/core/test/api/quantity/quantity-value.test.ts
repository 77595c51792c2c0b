import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { quantity, quantityMilliValue, quantityValue } from '../../../src/api/quantity/index.js';
import { arbitraryQuantity, UNIT } from './quantity-arbitrary.js';

describe('quantityValue', () => {
  it.each<[string, bigint]>([
    ['0', 0n],
    ['1', 1n],
    ['1.5', 2n],
    ['9.01', 10n],
    ['100m', 1n],
    ['1n', 1n],
    ['1u', 1n],
    ['1m', 1n],
    ['-1.5', -2n],
    ['-100m', -1n],
    ['1Ki', 1024n],
    ['1Mi', 1_048_576n],
    ['1Gi', 1_073_741_824n],
    ['1e3', 1000n],
    ['12E', 12_000_000_000_000_000_000n],
    ['1e30', 10n ** 30n],
  ])('gives %p as %p whole units, rounded up away from zero', (text, expected) => {
    expect(quantityValue(quantity(text))).toBe(expected);
  });
});

describe('quantityMilliValue', () => {
  it.each<[string, bigint]>([
    ['0', 0n],
    ['250m', 250n],
    ['0.25', 250n],
    ['1', 1000n],
    ['1n', 1n],
    ['1u', 1n],
    ['0.1m', 1n],
    ['1.0001m', 2n],
    ['-1.5m', -2n],
    ['-0.1m', -1n],
    ['1Ki', 1_024_000n],
    ['1e-3', 1n],
    ['12E', 12_000_000_000_000_000_000_000n],
  ])('gives %p as %p thousandths, rounded up away from zero', (text, expected) => {
    expect(quantityMilliValue(quantity(text))).toBe(expected);
  });

  it('is the smallest whole number of thousandths that covers the value', () => {
    fc.assert(
      fc.property(arbitraryQuantity, (q) => {
        const millis = quantityMilliValue(q);
        const covered = millis * 1_000_000n;
        const size = q.nanoValue < 0n ? -q.nanoValue : q.nanoValue;
        const coveredSize = covered < 0n ? -covered : covered;
        expect(coveredSize >= size).toBe(true);
        expect(coveredSize - size < 1_000_000n).toBe(true);
        expect(quantityValue(q) * UNIT - q.nanoValue).toBe(
          q.nanoValue % UNIT === 0n ? 0n : (q.nanoValue < 0n ? -UNIT : UNIT) - (q.nanoValue % UNIT),
        );
      }),
    );
  });
});
