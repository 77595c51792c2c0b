import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { left, right } from 'fp-ts/lib/Either.js';
import {
  formatDuration,
  InvalidDurationError,
  parseDuration,
  toMillis,
  toPositiveMillis,
  type Duration,
} from '../../src/clock/duration.js';

describe('parseDuration', () => {
  it.each<[Duration, number]>([
    [0, 0],
    [250, 250],
    [0.5, 0.5],
    ['0s', 0],
    ['250ms', 250],
    ['0.5ms', 0.5],
    ['5s', 5_000],
    ['1.5s', 1_500],
    ['1.001s', 1_001],
    ['0.1h', 360_000],
    ['.5s', 500],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
    ['1h2m3s4ms', 3_723_004],
    ['30m1h', 5_400_000],
    ['01s', 1_000],
  ])('reads %p as %p milliseconds', (input, expected) => {
    expect(parseDuration(input)).toEqual(right(expected));
  });

  it.each<[string, Duration]>([
    ['an empty string', ''],
    ['a blank string', ' '],
    ['leading whitespace', ' 5s'],
    ['trailing whitespace', '5s '],
    ['a space before the unit', '5 s'],
    ['a space between terms', '1h 30m'],
    ['a missing unit', '5'],
    ['a bare zero', '0'],
    ['a unit without a number', 's'],
    ['an unknown unit', '5x'],
    ['a unit Go has but drydock does not', '5us'],
    ['an upper-case unit', '5S'],
    ['a trailing number', '1h30'],
    ['a negative string', '-5s'],
    ['a plus sign', '+5s'],
    ['a trailing dot', '1.s'],
    ['an exponent', '1e3ms'],
    ['"NaN"', 'NaN'],
    ['"Infinity"', 'Infinity'],
    ['a string too large to be finite', `${'9'.repeat(400)}ms`],
    ['a negative number', -1],
    ['negative zero point one', -0.1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('rejects %s', (_description, input) => {
    expect(parseDuration(input)).toEqual(left(new InvalidDurationError(input)));
  });

  it('rejects values that are neither numbers nor strings, for callers without types', () => {
    const input = null as unknown as Duration;
    expect(parseDuration(input)).toEqual(left(new InvalidDurationError(input)));
  });
});

describe('toMillis', () => {
  it('returns the milliseconds of a valid duration', () => {
    expect(toMillis('1h30m')).toBe(5_400_000);
    expect(toMillis(42)).toBe(42);
  });

  it('throws an InvalidDurationError that names the input and what was expected', () => {
    let caught: unknown;
    try {
      toMillis('5x');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidDurationError);
    expect(caught).toBeInstanceOf(RangeError);
    expect(caught).toMatchObject({
      name: 'InvalidDurationError',
      input: '5x',
      message:
        'invalid duration "5x": expected milliseconds (a finite number, zero or more) ' +
        "or a string such as '250ms', '5s', '2m', '1h' or '1h30m'",
    });
  });

  it('names a rejected number as a number', () => {
    expect(() => toMillis(-5)).toThrow(/^invalid duration -5: expected milliseconds/);
  });
});

describe('toPositiveMillis', () => {
  it('returns the milliseconds of a duration greater than zero', () => {
    expect(toPositiveMillis('1s')).toBe(1_000);
  });

  it.each<Duration>([0, '0s', '0ms'])('rejects the zero duration %p', (input) => {
    expect(() => toPositiveMillis(input)).toThrow(
      new InvalidDurationError(input, {
        expected: 'a duration greater than zero, such as a period of 1s',
      }),
    );
  });

  it('rejects an invalid duration like toMillis does', () => {
    expect(() => toPositiveMillis('soon')).toThrow(InvalidDurationError);
  });
});

describe('formatDuration', () => {
  it.each<[number, string]>([
    [0, '0s'],
    [0.0001, '0s'],
    [0.5, '0.5ms'],
    [250, '250ms'],
    [999, '999ms'],
    [1_000, '1s'],
    [1_500, '1.5s'],
    [1_001, '1.001s'],
    [60_000, '1m'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [5_400_000, '1h30m'],
    [3_600_500, '1h0.5s'],
    [59_999.9999999, '1m'],
    [86_400_000, '1d'],
    [129_600_000, '1d12h'],
    [-1_500, '-1.5s'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
  ])('writes %p milliseconds as %p', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it('writes what parseDuration reads back to the same milliseconds', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000 * 86_400_000 }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toEqual(right(ms));
      }),
    );
  });
});
