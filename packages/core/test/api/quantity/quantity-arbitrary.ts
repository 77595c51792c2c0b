import fc from 'fast-check';
import type { Quantity, QuantityFormat } from '../../../src/api/quantity/index.js';

/** Billionths in one unit. */
export const UNIT = 1_000_000_000n;

/** Upstream's cap on a parsed binary quantity, 2^63 - 1, in billionths. */
export const MAX_BINARY_NANOS = (2n ** 63n - 1n) * UNIT;

/** `mantissa × 10^exponent` in billionths; the test tables' decQuantity. */
export function decimal(mantissa: bigint, exponent: number): bigint {
  const shift = exponent + 9;
  return shift >= 0 ? mantissa * 10n ** BigInt(shift) : mantissa / 10n ** BigInt(-shift);
}

/** A quantity literal, as the parser would build it. */
export function quantityOf(nanoValue: bigint, format: QuantityFormat): Quantity {
  return { nanoValue, format };
}

const formats = fc.constantFrom<QuantityFormat>('BinarySI', 'DecimalSI', 'DecimalExponent');

/**
 * Quantities of every shape: arbitrary billionths, round powers of 1000 and of 1024
 * (so suffixes get exercised), small and huge, positive and negative.
 */
export const arbitraryQuantity: fc.Arbitrary<Quantity> = fc
  .tuple(
    fc.oneof(
      fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
      fc
        .tuple(fc.bigInt({ min: -2_000n, max: 2_000n }), fc.integer({ min: -9, max: 30 }))
        .map(([mantissa, exponent]) => decimal(mantissa, exponent)),
      fc
        .tuple(fc.bigInt({ min: -2_000n, max: 2_000n }), fc.integer({ min: 0, max: 8 }))
        .map(([mantissa, power]) => mantissa * 1024n ** BigInt(power) * UNIT),
    ),
    formats,
  )
  .map(([nanoValue, format]) => quantityOf(nanoValue, format));
