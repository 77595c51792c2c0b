import { describe, expect, it } from '@jest/globals';
import {
  formatQuantity,
  quantityFromMillis,
  quantityFromValue,
  quantityMilliValue,
  quantityValue,
  quantity,
  type QuantityFormat,
} from '../../../src/api/quantity/index.js';

describe('quantityFromValue', () => {
  // Upstream's TestNewSet.
  it.each<[bigint | number, QuantityFormat, string]>([
    [1, 'DecimalSI', '1'],
    [1000, 'DecimalSI', '1k'],
    [1234000, 'DecimalSI', '1234k'],
    [1024, 'BinarySI', '1Ki'],
    [1000000, 'DecimalExponent', '1e6'],
    [1024 * 1024, 'BinarySI', '1Mi'],
    [110n, 'DecimalSI', '110'],
    [-3n, 'DecimalSI', '-3'],
    // Beyond upstream's parsing cap: made exactly, though quantity('1024Ei') is capped.
    [2n ** 70n, 'BinarySI', '1024Ei'],
  ])('makes %p units in %s, written %p', (value, format, text) => {
    const made = quantityFromValue(value, { format });
    expect(formatQuantity(made)).toBe(text);
    expect(quantityValue(made)).toBe(BigInt(value));
  });

  it('uses DecimalSI unless told otherwise', () => {
    expect(quantityFromValue(1024)).toEqual({ nanoValue: 1024n * 10n ** 9n, format: 'DecimalSI' });
  });

  it('takes integers beyond 2^53 exactly', () => {
    expect(quantityValue(quantityFromValue(2 ** 60))).toBe(2n ** 60n);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError for %p', (value) => {
    expect(() => quantityFromValue(value)).toThrow(
      new RangeError(
        `quantityFromValue: expected an integer, got ${value}; write fractions as text, such as quantity('0.5')`,
      ),
    );
  });

  it('returns a frozen quantity', () => {
    expect(Object.isFrozen(quantityFromValue(1))).toBe(true);
  });
});

describe('quantityFromMillis', () => {
  // Upstream's TestMilliNewSet.
  it.each<[bigint | number, QuantityFormat, string]>([
    [1, 'DecimalSI', '1m'],
    [1000, 'DecimalSI', '1'],
    [1234000, 'DecimalSI', '1234'],
    [1024, 'BinarySI', '1024m'],
    [1000000, 'DecimalExponent', '1e3'],
    [1024 * 1024, 'BinarySI', '1048576m'],
    [250n, 'DecimalSI', '250m'],
  ])('makes %p thousandths in %s, written %p', (millis, format, text) => {
    const made = quantityFromMillis(millis, { format });
    expect(formatQuantity(made)).toBe(text);
    expect(quantityMilliValue(quantity(text))).toBe(BigInt(millis));
  });

  it('makes 250m from 250n, in DecimalSI', () => {
    expect(quantityFromMillis(250n)).toEqual({ nanoValue: 250_000_000n, format: 'DecimalSI' });
  });

  it('throws a RangeError for a fraction of a thousandth', () => {
    expect(() => quantityFromMillis(0.5)).toThrow(RangeError);
  });
});
