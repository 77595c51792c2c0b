import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  formatQuantity,
  parseQuantity,
  quantity,
  QuantityError,
  type QuantityErrorReason,
  type QuantityFormat,
} from '../../../src/api/quantity/index.js';
import { expectLeft, expectRight } from '../../support/either.js';
import { decimal, MAX_BINARY_NANOS, UNIT } from './quantity-arbitrary.js';

const KI = 1024n;
const MI = KI * 1024n;
const GI = MI * 1024n;
const TI = GI * 1024n;
const PI = TI * 1024n;
const EI = PI * 1024n;

// Upstream's TestQuantityParse table (k8s.io/apimachinery/pkg/api/resource), with each
// expected value written in billionths.
const UPSTREAM_PARSE_CASES: [string, bigint, QuantityFormat][] = [
  ['0', 0n, 'DecimalSI'],
  ['0n', 0n, 'DecimalSI'],
  ['0u', 0n, 'DecimalSI'],
  ['0m', 0n, 'DecimalSI'],
  ['0Ki', 0n, 'BinarySI'],
  ['0k', 0n, 'DecimalSI'],
  ['0Mi', 0n, 'BinarySI'],
  ['0M', 0n, 'DecimalSI'],
  ['0Gi', 0n, 'BinarySI'],
  ['0G', 0n, 'DecimalSI'],
  ['0Ti', 0n, 'BinarySI'],
  ['0T', 0n, 'DecimalSI'],
  // No suffix at all.
  ['1', UNIT, 'DecimalSI'],
  // Binary suffixes.
  ['1Ki', KI * UNIT, 'BinarySI'],
  ['8Ki', 8n * KI * UNIT, 'BinarySI'],
  ['7Mi', 7n * MI * UNIT, 'BinarySI'],
  ['6Gi', 6n * GI * UNIT, 'BinarySI'],
  ['5Ti', 5n * TI * UNIT, 'BinarySI'],
  ['4Pi', 4n * PI * UNIT, 'BinarySI'],
  ['3Ei', 3n * EI * UNIT, 'BinarySI'],
  ['10Ti', 10n * TI * UNIT, 'BinarySI'],
  ['100Ti', 100n * TI * UNIT, 'BinarySI'],
  // Decimal suffixes.
  ['5n', 5n, 'DecimalSI'],
  ['4u', decimal(4n, -6), 'DecimalSI'],
  ['3m', decimal(3n, -3), 'DecimalSI'],
  ['9', decimal(9n, 0), 'DecimalSI'],
  ['8k', decimal(8n, 3), 'DecimalSI'],
  ['50k', decimal(5n, 4), 'DecimalSI'],
  ['7M', decimal(7n, 6), 'DecimalSI'],
  ['6G', decimal(6n, 9), 'DecimalSI'],
  ['5T', decimal(5n, 12), 'DecimalSI'],
  ['40T', decimal(4n, 13), 'DecimalSI'],
  ['300T', decimal(3n, 14), 'DecimalSI'],
  ['2P', decimal(2n, 15), 'DecimalSI'],
  ['1E', decimal(1n, 18), 'DecimalSI'],
  // Decimal exponents.
  ['1E-3', decimal(1n, -3), 'DecimalExponent'],
  ['1e3', decimal(1n, 3), 'DecimalExponent'],
  ['1E6', decimal(1n, 6), 'DecimalExponent'],
  ['1e9', decimal(1n, 9), 'DecimalExponent'],
  ['1E12', decimal(1n, 12), 'DecimalExponent'],
  ['1e15', decimal(1n, 15), 'DecimalExponent'],
  ['1E18', decimal(1n, 18), 'DecimalExponent'],
  // Non-standard but still readable.
  ['1e14', decimal(1n, 14), 'DecimalExponent'],
  ['1e13', decimal(1n, 13), 'DecimalExponent'],
  ['100.035k', decimal(100035n, 0), 'DecimalSI'],
  // Things that look like floating point.
  ['0.001', decimal(1n, -3), 'DecimalSI'],
  ['0.0005k', decimal(5n, -1), 'DecimalSI'],
  ['0.005', decimal(5n, -3), 'DecimalSI'],
  ['0.05', decimal(5n, -2), 'DecimalSI'],
  ['0.5', decimal(5n, -1), 'DecimalSI'],
  ['0.00050k', decimal(5n, -1), 'DecimalSI'],
  ['0.00500', decimal(5n, -3), 'DecimalSI'],
  ['0.05000', decimal(5n, -2), 'DecimalSI'],
  ['0.50000', decimal(5n, -1), 'DecimalSI'],
  ['0.5e0', decimal(5n, -1), 'DecimalExponent'],
  ['0.5e-1', decimal(5n, -2), 'DecimalExponent'],
  ['0.5e-2', decimal(5n, -3), 'DecimalExponent'],
  ['10.035M', decimal(10035n, 3), 'DecimalSI'],
  ['1.2e3', decimal(12n, 2), 'DecimalExponent'],
  ['1.3E+6', decimal(13n, 5), 'DecimalExponent'],
  ['1.40e9', decimal(14n, 8), 'DecimalExponent'],
  ['1.53E12', decimal(153n, 10), 'DecimalExponent'],
  ['1.6e15', decimal(16n, 14), 'DecimalExponent'],
  ['1.7E18', decimal(17n, 17), 'DecimalExponent'],
  ['9.01', decimal(901n, -2), 'DecimalSI'],
  ['8.1k', decimal(81n, 2), 'DecimalSI'],
  ['7.123456M', decimal(7123456n, 0), 'DecimalSI'],
  ['6.987654321G', decimal(6987654321n, 0), 'DecimalSI'],
  ['5.444T', decimal(5444n, 9), 'DecimalSI'],
  ['40.1T', decimal(401n, 11), 'DecimalSI'],
  ['300.2T', decimal(3002n, 11), 'DecimalSI'],
  ['2.5P', decimal(25n, 14), 'DecimalSI'],
  ['1.01E', decimal(101n, 16), 'DecimalSI'],
  // Things that saturate or round.
  ['3.001n', 4n, 'DecimalSI'],
  ['1.1E-9', 2n, 'DecimalExponent'],
  ['0.0000000001', 1n, 'DecimalSI'],
  ['0.0000000005', 1n, 'DecimalSI'],
  ['0.00000000050', 1n, 'DecimalSI'],
  ['0.5e-9', 1n, 'DecimalExponent'],
  ['0.9n', 1n, 'DecimalSI'],
  ['0.00000012345', 124n, 'DecimalSI'],
  ['0.00000012354', 124n, 'DecimalSI'],
  ['9Ei', MAX_BINARY_NANOS, 'BinarySI'],
  ['9223372036854775807Ki', MAX_BINARY_NANOS, 'BinarySI'],
  ['12E', decimal(12n, 18), 'DecimalSI'],
  // Fractional binary values.
  ['100.035Ki', decimal(10243584n, -2), 'BinarySI'],
  ['0.5Mi', 512n * KI * UNIT, 'BinarySI'],
  ['0.05Gi', decimal(536870912n, -1), 'BinarySI'],
  ['0.025Ti', decimal(274877906944n, -1), 'BinarySI'],
  // Things written by trolls.
  ['0.000000000001Ki', 2n, 'DecimalSI'],
  ['.001', decimal(1n, -3), 'DecimalSI'],
  ['.0001k', decimal(100n, -3), 'DecimalSI'],
  ['1.', UNIT, 'DecimalSI'],
  ['1.G', decimal(1n, 9), 'DecimalSI'],
];

describe('parseQuantity', () => {
  it.each(UPSTREAM_PARSE_CASES)('reads %p as %p billionths in %s', (text, nanoValue, format) => {
    expect(expectRight(parseQuantity(text))).toEqual({ nanoValue, format });
  });

  it.each(UPSTREAM_PARSE_CASES)(
    'reads -%s as the negative value, in the same format',
    (text, nanoValue, format) => {
      expect(expectRight(parseQuantity(`-${text}`))).toEqual({ nanoValue: -nanoValue, format });
    },
  );

  it.each(UPSTREAM_PARSE_CASES)('reads +%s as %s', (text, nanoValue, format) => {
    expect(expectRight(parseQuantity(`+${text}`))).toEqual({ nanoValue, format });
  });

  it.each<[string, bigint, QuantityFormat]>([
    ['.', 0n, 'DecimalSI'],
    ['-.', 0n, 'DecimalSI'],
    ['+', 0n, 'DecimalSI'],
    ['-', 0n, 'DecimalSI'],
    ['Ki', 0n, 'BinarySI'],
    ['m', 0n, 'DecimalSI'],
    ['e3', 0n, 'DecimalExponent'],
    ['000', 0n, 'DecimalSI'],
  ])('reads the digitless or all-zero %p as zero, as upstream does', (text, nanoValue, format) => {
    expect(expectRight(parseQuantity(text))).toEqual({ nanoValue, format });
  });

  it('reads the forms upstream accepts beyond the plain grammar', () => {
    expect(expectRight(parseQuantity('.5')).nanoValue).toBe(UNIT / 2n);
    expect(expectRight(parseQuantity('5.')).nanoValue).toBe(5n * UNIT);
    expect(expectRight(parseQuantity('+1')).nanoValue).toBe(UNIT);
    expect(expectRight(parseQuantity('007')).nanoValue).toBe(7n * UNIT);
    expect(expectRight(parseQuantity('1e+3')).nanoValue).toBe(1000n * UNIT);
    expect(expectRight(parseQuantity('1e003')).nanoValue).toBe(1000n * UNIT);
  });

  describe('rounding of values finer than 10^-9', () => {
    it.each<[string, bigint]>([
      ['0.1n', 1n],
      ['1.000000001n', 2n],
      ['1.0000000000000000000000000001', UNIT + 1n],
      ['-0.1n', -1n],
      ['-1.5n', -2n],
      ['0.0000000010', 1n],
      ['1e-1000', 1n],
      [`0.${'0'.repeat(500)}1`, 1n],
      ['0.0n', 0n],
      [`0.${'0'.repeat(500)}`, 0n],
    ])('rounds %p up, away from zero, to %p billionths', (text, nanoValue) => {
      expect(expectRight(parseQuantity(text)).nanoValue).toBe(nanoValue);
    });

    it('rounds only below the billionth: nine decimal places stay exact', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (nanos) => {
          const text = `${nanos / UNIT}.${(nanos % UNIT).toString().padStart(9, '0')}`;
          expect(expectRight(parseQuantity(text)).nanoValue).toBe(nanos);
        }),
      );
    });
  });

  describe('huge values', () => {
    it('keeps decimal values of any size exactly, with no cap', () => {
      const digits = `123456789${'0'.repeat(50)}1`;
      expect(expectRight(parseQuantity(digits)).nanoValue).toBe(BigInt(digits) * UNIT);
      expect(expectRight(parseQuantity('12E')).nanoValue).toBe(12n * 10n ** 27n);
      expect(expectRight(parseQuantity('1e1000')).nanoValue).toBe(10n ** 1009n);
    });

    it('caps a binary value at 2^63 - 1, as upstream: 8Ei reads as 9223372036854775807', () => {
      const eight = expectRight(parseQuantity('8Ei'));
      expect(eight).toEqual({ nanoValue: MAX_BINARY_NANOS, format: 'BinarySI' });
      expect(formatQuantity(eight)).toBe('9223372036854775807');
      expect(expectRight(parseQuantity('-8Ei')).nanoValue).toBe(-MAX_BINARY_NANOS);
      expect(expectRight(parseQuantity('7.5Ei')).nanoValue).toBe((15n * EI * UNIT) / 2n);
    });
  });

  it('agrees with exact rational arithmetic for any decimal number and suffix', () => {
    const suffixes: [string, bigint, bigint][] = [
      // suffix, numerator and denominator of its factor
      ['n', 1n, 10n ** 9n],
      ['u', 1n, 10n ** 6n],
      ['m', 1n, 1000n],
      ['', 1n, 1n],
      ['k', 1000n, 1n],
      ['G', 10n ** 9n, 1n],
      ['E', 10n ** 18n, 1n],
      ['e-7', 1n, 10n ** 7n],
      ['e21', 10n ** 21n, 1n],
      ['Ki', KI, 1n],
      ['Gi', GI, 1n],
    ];
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.stringMatching(/^\d{0,15}$/),
        fc.constantFrom(...suffixes),
        (whole, fraction, [suffix, numerator, denominator]) => {
          const text = `${whole}.${fraction}${suffix}`;
          const scaled = BigInt(`${whole}${fraction}`) * numerator * UNIT;
          const divisor = denominator * 10n ** BigInt(fraction.length);
          const expected = (scaled + divisor - 1n) / divisor;
          expect(expectRight(parseQuantity(text)).nanoValue).toBe(
            suffix.endsWith('i') && expected > MAX_BINARY_NANOS ? MAX_BINARY_NANOS : expected,
          );
        },
      ),
    );
  });

  const BAD_INPUTS: [string, QuantityErrorReason][] = [
    ['', 'Empty'],
    [' ', 'Malformed'],
    [' 1', 'Malformed'],
    ['1 ', 'Malformed'],
    ['1 Gi', 'Malformed'],
    ['\t1Gi\n', 'Malformed'],
    ['1KB', 'UnknownSuffix'],
    ['1K', 'UnknownSuffix'],
    ['1kb', 'UnknownSuffix'],
    ['1MiB', 'UnknownSuffix'],
    ['1Kib', 'UnknownSuffix'],
    ['0.1mi', 'UnknownSuffix'],
    ['0.1am', 'UnknownSuffix'],
    ['1i', 'UnknownSuffix'],
    ['.5i', 'UnknownSuffix'],
    ['-3.01i', 'UnknownSuffix'],
    ['1e', 'UnknownSuffix'],
    ['1mm', 'UnknownSuffix'],
    ['aoeu', 'Malformed'],
    ['Non-Numeric', 'Malformed'],
    ['--1', 'Malformed'],
    ['+-1', 'Malformed'],
    ['1.2.3', 'Malformed'],
    ['1.1.M', 'Malformed'],
    ['1+1.0M', 'Malformed'],
    ['-3.01e-', 'Malformed'],
    ['1e3.5', 'Malformed'],
    ['1e3m', 'Malformed'],
    ['1Ki1', 'Malformed'],
    ['1,5', 'Malformed'],
    ['1_000', 'Malformed'],
    ['0x10', 'Malformed'],
    ['NaN', 'Malformed'],
    ['Infinity', 'Malformed'],
    ['١', 'Malformed'],
    ['1e1001', 'ExponentOutOfRange'],
    ['1e-1001', 'ExponentOutOfRange'],
    [`1e${'9'.repeat(400)}`, 'ExponentOutOfRange'],
  ];

  it.each(BAD_INPUTS)('rejects %p as %s, naming the input', (text, reason) => {
    const error = expectLeft(parseQuantity(text));
    expect(error).toBeInstanceOf(QuantityError);
    expect(error._tag).toBe('QuantityError');
    expect(error.reason).toBe(reason);
    expect(error.input).toBe(text);
    expect(error.message).toContain(`invalid quantity ${JSON.stringify(text)}: `);
  });

  it('explains each kind of error in words', () => {
    expect(expectLeft(parseQuantity('')).message).toBe(
      'invalid quantity "": the empty string is not a quantity; write "0" for zero',
    );
    expect(expectLeft(parseQuantity('1.2.3')).message).toBe(
      'invalid quantity "1.2.3": expected <sign><digits>.<digits><suffix> with no spaces, such as "500m", "1.5Gi", "-2k" or "1e3"',
    );
    expect(expectLeft(parseQuantity('1KB')).message).toBe(
      'invalid quantity "1KB": unknown suffix "KB" (did you mean "k" or "Ki"? suffixes are case-sensitive); ' +
        'expected a number with one of the suffixes n, u, m, k, M, G, T, P, E (powers of 1000), ' +
        'Ki, Mi, Gi, Ti, Pi, Ei (powers of 1024) or an exponent such as e3',
    );
    expect(expectLeft(parseQuantity('1mi')).message).toContain(
      'unknown suffix "mi" (did you mean "Mi"? suffixes are case-sensitive)',
    );
    expect(expectLeft(parseQuantity('1MB')).message).toContain('did you mean "m", "M" or "Mi"?');
    expect(expectLeft(parseQuantity('1e')).message).toContain(
      'unknown suffix "e" (an exponent needs digits, such as "1e3")',
    );
    expect(expectLeft(parseQuantity('1am')).message).toContain('unknown suffix "am"; expected');
    expect(expectLeft(parseQuantity('1e5000')).message).toBe(
      'invalid quantity "1e5000": the exponent 5000 is out of range: exponents from -1000 to 1000 are accepted',
    );
  });

  it('rejects a value that is not a string, for callers without types', () => {
    const error = expectLeft(parseQuantity(5 as unknown as string));
    expect(error.reason).toBe('NotAString');
    expect(error.input).toBe(5);
    expect(error.message).toBe(
      'invalid quantity of type number: expected a string such as "500m" or "1Gi" (convert a JSON number with String)',
    );
  });

  it('returns frozen quantities', () => {
    const parsed = expectRight(parseQuantity('1Gi'));
    expect(Object.isFrozen(parsed)).toBe(true);
  });
});

describe('quantity', () => {
  it('returns the parsed quantity for a valid literal', () => {
    expect(quantity('250m')).toEqual({ nanoValue: 250_000_000n, format: 'DecimalSI' });
  });

  it('throws the QuantityError for an invalid literal', () => {
    expect(() => quantity('1KB')).toThrow(QuantityError);
    expect(() => quantity('1KB')).toThrow('invalid quantity "1KB": unknown suffix "KB"');
  });
});
