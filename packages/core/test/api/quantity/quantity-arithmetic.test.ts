import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  addQuantities,
  compareQuantities,
  formatQuantity,
  isZeroQuantity,
  negateQuantity,
  quantity,
  subtractQuantities,
} from '../../../src/api/quantity/index.js';
import {
  arbitraryQuantity,
  decimal,
  MAX_BINARY_NANOS,
  quantityOf,
  UNIT,
} from './quantity-arbitrary.js';

describe('compareQuantities', () => {
  it.each<[string, string, -1 | 0 | 1]>([
    // Upstream's TestQuantityCmp.
    ['0', '0', 0],
    ['100m', '50m', 1],
    ['50m', '100m', -1],
    ['10000T', '100Gi', 1],
    // Across formats.
    ['1Gi', '1G', 1],
    ['1G', '1Gi', -1],
    ['1', '1000m', 0],
    ['1k', '1e3', 0],
    ['1Ki', '1024', 0],
    ['0Ki', '0', 0],
    ['-1', '1n', -1],
    ['0.9n', '1n', 0],
    ['8Ei', '9223372036854775807', 0],
    ['12E', '9Ei', 1],
    ['1e1000', '1e999', 1],
  ])('compares %p with %p as %p', (a, b, expected) => {
    expect(compareQuantities(quantity(a), quantity(b))).toBe(expected);
  });

  it('is a total order consistent with subtraction', () => {
    fc.assert(
      fc.property(arbitraryQuantity, arbitraryQuantity, (a, b) => {
        const order = compareQuantities(a, b);
        expect(compareQuantities(b, a)).toBe(-order || 0);
        const difference = subtractQuantities(a, b).nanoValue;
        expect(order).toBe(difference === 0n ? 0 : difference < 0n ? -1 : 1);
      }),
    );
  });
});

describe('addQuantities', () => {
  it.each<[string, string, string]>([
    ['100m', '0.9', '1'],
    ['1Gi', '1G', '2073741824'],
    ['1Gi', '512Mi', '1536Mi'],
    ['1G', '1Gi', '2073741824'],
    ['500m', '500m', '1'],
    ['1e3', '1', '1001'],
    ['1n', '1n', '2n'],
    ['1', '-1', '0'],
    ['12E', '12E', '24E'],
    ['1e1000', '1', `1${'0'.repeat(999)}1`],
  ])('adds %p and %p exactly: %p', (a, b, sum) => {
    expect(formatQuantity(addQuantities(quantity(a), quantity(b)))).toBe(sum);
  });

  it.each<[bigint, 'BinarySI' | 'DecimalSI', bigint, 'BinarySI' | 'DecimalSI', bigint, string]>([
    // Upstream's TestAdd: the result keeps the first argument's format.
    [decimal(10n, 0), 'DecimalSI', decimal(1n, 1), 'DecimalSI', decimal(20n, 0), 'DecimalSI'],
    [decimal(10n, 0), 'DecimalSI', decimal(1n, 0), 'BinarySI', decimal(11n, 0), 'DecimalSI'],
    [decimal(10n, 0), 'BinarySI', decimal(1n, 0), 'DecimalSI', decimal(11n, 0), 'BinarySI'],
    [0n, 'DecimalSI', decimal(50n, 0), 'DecimalSI', decimal(50n, 0), 'DecimalSI'],
    [decimal(50n, 0), 'DecimalSI', 0n, 'DecimalSI', decimal(50n, 0), 'DecimalSI'],
    [0n, 'DecimalSI', 0n, 'DecimalSI', 0n, 'DecimalSI'],
  ])('adds %p (%s) and %p (%s): %p in %s', (a, aFormat, b, bFormat, sum, format) => {
    expect(addQuantities(quantityOf(a, aFormat), quantityOf(b, bFormat))).toEqual({
      nanoValue: sum,
      format,
    });
  });

  it.each(['100m', '1Gi', '1e3'])(
    'keeps the suffix of %p whichever side the zero is on, as upstream',
    (text) => {
      const zero = quantity('0');
      expect(formatQuantity(addQuantities(quantity(text), zero))).toBe(text);
      expect(formatQuantity(addQuantities(zero, quantity(text)))).toBe(text);
    },
  );

  it('goes past the binary parsing cap exactly: 8Ei + 1 is 2^63 bytes, 8Ei', () => {
    const capped = quantity('8Ei');
    expect(capped.nanoValue).toBe(MAX_BINARY_NANOS);
    const sum = addQuantities(capped, quantity('1'));
    expect(sum.nanoValue).toBe(2n ** 63n * UNIT);
    expect(formatQuantity(sum)).toBe('8Ei');
    expect(formatQuantity(addQuantities(sum, sum))).toBe('16Ei');
  });

  it('leaves its arguments unchanged and returns a frozen quantity', () => {
    const a = quantity('1Gi');
    const b = quantity('1G');
    const sum = addQuantities(a, b);
    expect(a).toEqual({ nanoValue: 1024n ** 3n * UNIT, format: 'BinarySI' });
    expect(b).toEqual({ nanoValue: 10n ** 9n * UNIT, format: 'DecimalSI' });
    expect(Object.isFrozen(sum)).toBe(true);
  });

  it('is commutative in value and exact against bigint arithmetic', () => {
    fc.assert(
      fc.property(arbitraryQuantity, arbitraryQuantity, (a, b) => {
        const sum = addQuantities(a, b);
        expect(sum.nanoValue).toBe(a.nanoValue + b.nanoValue);
        expect(compareQuantities(sum, addQuantities(b, a))).toBe(0);
      }),
    );
  });

  it('is associative, with zero as identity', () => {
    fc.assert(
      fc.property(arbitraryQuantity, arbitraryQuantity, arbitraryQuantity, (a, b, c) => {
        const left = addQuantities(addQuantities(a, b), c);
        const right = addQuantities(a, addQuantities(b, c));
        expect(compareQuantities(left, right)).toBe(0);
        expect(addQuantities(a, quantity('0')).nanoValue).toBe(a.nanoValue);
      }),
    );
  });
});

describe('subtractQuantities', () => {
  it.each<[string, string, string]>([
    ['1', '100m', '900m'],
    ['1Gi', '512Mi', '512Mi'],
    ['1Gi', '1G', '73741824'],
    ['1G', '1Gi', '-73741824'],
    ['100m', '100m', '0'],
    ['0', '1Gi', '-1Gi'],
    ['0', '100m', '-100m'],
    ['100m', '0', '100m'],
  ])('subtracts %p minus %p exactly: %p', (a, b, difference) => {
    expect(formatQuantity(subtractQuantities(quantity(a), quantity(b)))).toBe(difference);
  });

  it.each<[bigint, 'BinarySI' | 'DecimalSI', bigint, 'BinarySI' | 'DecimalSI', bigint, string]>([
    // Upstream's TestSub.
    [decimal(10n, 0), 'DecimalSI', decimal(1n, 1), 'DecimalSI', 0n, 'DecimalSI'],
    [decimal(10n, 0), 'DecimalSI', decimal(1n, 0), 'BinarySI', decimal(9n, 0), 'DecimalSI'],
    [decimal(10n, 0), 'BinarySI', decimal(1n, 0), 'DecimalSI', decimal(9n, 0), 'BinarySI'],
    [0n, 'DecimalSI', decimal(50n, 0), 'DecimalSI', decimal(-50n, 0), 'DecimalSI'],
    [decimal(50n, 0), 'DecimalSI', 0n, 'DecimalSI', decimal(50n, 0), 'DecimalSI'],
    [0n, 'DecimalSI', 0n, 'DecimalSI', 0n, 'DecimalSI'],
  ])('subtracts %p (%s) minus %p (%s): %p in %s', (a, aFormat, b, bFormat, difference, format) => {
    expect(subtractQuantities(quantityOf(a, aFormat), quantityOf(b, bFormat))).toEqual({
      nanoValue: difference,
      format,
    });
  });

  it('undoes addition exactly', () => {
    fc.assert(
      fc.property(arbitraryQuantity, arbitraryQuantity, (a, b) => {
        expect(subtractQuantities(addQuantities(a, b), b).nanoValue).toBe(a.nanoValue);
      }),
    );
  });
});

describe('negateQuantity', () => {
  it.each<[string, string]>([
    ['9.01', '-9010m'],
    ['1Gi', '-1Gi'],
    ['-1Gi', '1Gi'],
    ['0', '0'],
    ['1e3', '-1e3'],
  ])('negates %p to %p, keeping the format', (text, negated) => {
    expect(formatQuantity(negateQuantity(quantity(text)))).toBe(negated);
  });

  it('cancels itself', () => {
    fc.assert(
      fc.property(arbitraryQuantity, (q) => {
        expect(negateQuantity(negateQuantity(q))).toEqual(q);
      }),
    );
  });
});

describe('isZeroQuantity', () => {
  it.each(['0', '0Ki', '-0', '0.0', '0e9', '.', '0.0000000000'])('says %p is zero', (text) => {
    expect(isZeroQuantity(quantity(text))).toBe(true);
  });

  it.each(['1n', '-1n', '0.0000000001', '1Ki', '1e-9'])('says %p is not zero', (text) => {
    expect(isZeroQuantity(quantity(text))).toBe(false);
  });
});
