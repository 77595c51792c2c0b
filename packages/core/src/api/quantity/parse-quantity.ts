/**
 * Reading quantities from text, as `k8s.io/apimachinery`'s `ParseQuantity` does.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { makeQuantity, NANOS_PER_UNIT, type Quantity, type QuantityFormat } from './quantity.js';
import { QuantityError } from './quantity-error.js';

/** Powers of 1024, by suffix. */
const BINARY_SUFFIX_BITS: Readonly<Record<string, bigint>> = {
  Ki: 10n,
  Mi: 20n,
  Gi: 30n,
  Ti: 40n,
  Pi: 50n,
  Ei: 60n,
};

/** Powers of 10, by suffix. */
const DECIMAL_SUFFIX_EXPONENT: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

/**
 * The largest `e` exponent accepted, either way. Upstream accepts any 64-bit one (and
 * silently wraps it to 32 bits); beyond a thousand digits an exact value only costs
 * memory and time, and no real quantity is that large or that small.
 */
const MAX_EXPONENT = 1000;

/**
 * Upstream caps a parsed binary quantity at 2^63 - 1 (so `'8Ei'` reads as
 * `9223372036854775807`); this is that cap in billionths.
 */
const MAX_BINARY_NANOS = (2n ** 63n - 1n) * NANOS_PER_UNIT;

// Everything upstream's scanner accepts. The number may have no digits at all: upstream
// reads '.', '+', '-' and a bare suffix such as 'Ki' as zero.
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
const NUMBER_PREFIX = /^[+-]?\d*(?:\.\d*)?/;

const EXPECTED_SUFFIX =
  'expected a number with one of the suffixes n, u, m, k, M, G, T, P, E (powers of 1000), ' +
  'Ki, Mi, Gi, Ti, Pi, Ei (powers of 1024) or an exponent such as e3';

const ALL_SUFFIXES = [...Object.keys(DECIMAL_SUFFIX_EXPONENT), ...Object.keys(BINARY_SUFFIX_BITS)];

/**
 * Reads a Kubernetes quantity: `<sign><digits>.<digits><suffix>`, such as `'500m'`,
 * `'1.5Gi'`, `'-2k'`, `'1e3'` or `'128974848'`.
 *
 * The suffix is one of `n u m k M G T P E` (powers of 1000; none for units), `Ki Mi Gi
 * Ti Pi Ei` (powers of 1024), or `e`/`E` and a signed integer (powers of 10). As
 * upstream, the sign, the integer part and the fraction are each optional (`'.5'`,
 * `'5.'`, `'+1'`; even `'.'`, `'-'` and a bare `'Ki'` read as zero), suffixes are
 * case-sensitive, and there is no whitespace.
 *
 * Guarantees:
 * - exact: the result is the written value, with no floating-point step;
 * - rounding: a value finer than 10^-9 is rounded up, away from zero, to the next
 *   billionth (`'0.1n'` is `'1n'`, `'-1.5n'` is `'-2n'`), so a request for some
 *   resource never becomes a request for none;
 * - the format is taken from the suffix (`'1Gi'` → `'BinarySI'`, `'1e3'` →
 *   `'DecimalExponent'`, otherwise `'DecimalSI'`), except that a binary value strictly
 *   between -1 and 1 (`'0.0005Ki'`) becomes `'DecimalSI'`, as upstream;
 * - as upstream, a binary value is capped at 2^63 - 1 in size: `'8Ei'` reads as
 *   `9223372036854775807`. Decimal values have no cap, and sums may exceed it.
 *
 * @example
 * ```ts
 * parseQuantity('1.5Gi'); // right({ nanoValue: 1_610_612_736_000_000_000n, format: 'BinarySI' })
 * parseQuantity('1KB'); // left(QuantityError: invalid quantity "1KB": unknown suffix "KB" (did you mean "k" or "Ki"? ...)
 * ```
 *
 * Errors: `left(QuantityError)` for an empty string, a non-string, text that is not a
 * number and suffix (`'1.2.3'`, `' 1'`), an unknown suffix (`'1KB'`, `'1K'`), or an
 * exponent beyond ±1000. The error's `reason` says which.
 */
export function parseQuantity(text: string): Either<QuantityError, Quantity> {
  if (typeof text !== 'string') {
    return left(
      new QuantityError({
        input: text,
        reason: 'NotAString',
        detail: 'expected a string such as "500m" or "1Gi" (convert a JSON number with String)',
      }),
    );
  }
  const match = text === '' ? null : QUANTITY.exec(text);
  if (match === null) {
    return left(describeMismatch(text));
  }
  const [, sign = '', whole = '', fraction = '', suffix = ''] = match;
  const digits = whole + fraction;

  let magnitude: bigint;
  let format: QuantityFormat;
  const bits = BINARY_SUFFIX_BITS[suffix];
  if (bits !== undefined) {
    // digits × 2^bits / 10^|fraction|, in billionths, rounded up.
    const numerator = BigInt(digits) * (1n << bits) * NANOS_PER_UNIT;
    magnitude = ceilDivide(numerator, 10n ** BigInt(fraction.length));
    if (magnitude > MAX_BINARY_NANOS) {
      magnitude = MAX_BINARY_NANOS;
    }
    format = magnitude > 0n && magnitude < NANOS_PER_UNIT ? 'DecimalSI' : 'BinarySI';
  } else {
    let exponent = DECIMAL_SUFFIX_EXPONENT[suffix];
    format = 'DecimalSI';
    if (exponent === undefined) {
      exponent = Number(suffix.slice(1));
      format = 'DecimalExponent';
      if (Math.abs(exponent) > MAX_EXPONENT) {
        return left(
          new QuantityError({
            input: text,
            reason: 'ExponentOutOfRange',
            detail: `the exponent ${suffix.slice(1)} is out of range: exponents from -${MAX_EXPONENT} to ${MAX_EXPONENT} are accepted`,
          }),
        );
      }
    }
    magnitude = scaleToNanos(digits, exponent - fraction.length);
  }
  return right(makeQuantity(sign === '-' ? -magnitude : magnitude, format));
}

/**
 * Reads a quantity that is known to be valid, such as a literal in code.
 *
 * @example
 * ```ts
 * const request = quantity('250m');
 * ```
 *
 * Errors: throws {@link QuantityError} where {@link parseQuantity} returns a `left`.
 */
export function quantity(text: string): Quantity {
  const parsed = parseQuantity(text);
  if (isLeft(parsed)) {
    throw parsed.left;
  }
  return parsed.right;
}

/**
 * `digits × 10^exponent` in billionths, rounded up if finer. Works on the digit string
 * when rounding, so that `'1e-1000'` never builds 10^1000.
 */
function scaleToNanos(digits: string, exponent: number): bigint {
  const shift = exponent + 9;
  if (shift >= 0) {
    return BigInt(digits) * 10n ** BigInt(shift);
  }
  const kept = Math.max(digits.length + shift, 0);
  const roundUp = /[1-9]/.test(digits.slice(kept)) ? 1n : 0n;
  return BigInt(digits.slice(0, kept)) + roundUp;
}

function ceilDivide(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return quotient * denominator === numerator ? quotient : quotient + 1n;
}

/** The clearest explanation of why `text` does not match `QUANTITY`. */
function describeMismatch(text: string): QuantityError {
  if (text === '') {
    return new QuantityError({
      input: text,
      reason: 'Empty',
      detail: 'the empty string is not a quantity; write "0" for zero',
    });
  }
  const prefix = NUMBER_PREFIX.exec(text)?.[0] ?? '';
  const rest = text.slice(prefix.length);
  if (/\d/.test(prefix) && /^[A-Za-z]+$/.test(rest)) {
    return new QuantityError({
      input: text,
      reason: 'UnknownSuffix',
      detail: `unknown suffix ${JSON.stringify(rest)}${suffixHint(rest)}; ${EXPECTED_SUFFIX}`,
    });
  }
  return new QuantityError({
    input: text,
    reason: 'Malformed',
    detail: `expected <sign><digits>.<digits><suffix> with no spaces, such as "500m", "1.5Gi", "-2k" or "1e3"`,
  });
}

/**
 * A hint at what someone writing `suffix` may have meant: the same letters in another
 * case, or without a trailing "B" for bytes (`'K'`, `'KB'` → `'k'` or `'Ki'`).
 */
function suffixHint(suffix: string): string {
  if (suffix === 'e') {
    return ' (an exponent needs digits, such as "1e3")';
  }
  const stem = suffix.replace(/[bB]$/, '').toLowerCase();
  const suggestions = ALL_SUFFIXES.filter((known) => {
    const lower = known.toLowerCase();
    return known !== '' && (lower === stem || lower === `${stem}i`);
  }).map((known) => JSON.stringify(known));
  const last = suggestions.pop();
  if (last === undefined) {
    return '';
  }
  const choices = suggestions.length === 0 ? last : `${suggestions.join(', ')} or ${last}`;
  return ` (did you mean ${choices}? suffixes are case-sensitive)`;
}
