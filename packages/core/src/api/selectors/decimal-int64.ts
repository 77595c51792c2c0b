/**
 * Decimal 64-bit integers as Go's `strconv.ParseInt(s, 10, 64)` reads them, for the
 * label selector operators `>` and `<`.
 *
 * @module
 */

/** The bounds of Go's `int64`. */
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Digits that always fit in a double exactly (10^15 < 2^53). */
const SAFE_DIGITS = 15;

/**
 * An `int64` bound of a `>` or `<` requirement, kept both as a `bigint` (exact) and,
 * when it fits, as a `number` (fast).
 */
export interface Int64Bound {
  readonly exact: bigint;
  /** The bound as a number when it is a safe integer, otherwise `NaN`. */
  readonly fast: number;
}

/**
 * Reads `text` as Go's `ParseInt(text, 10, 64)` would: an optional `+` or `-`, then
 * one or more ASCII digits (leading zeros allowed), within the `int64` range.
 *
 * Errors: `undefined` for anything else, including blanks, `_`, exponents and values
 * out of range.
 */
export function parseInt64Bound(text: string): Int64Bound | undefined {
  if (!isDecimalInteger(text)) {
    return undefined;
  }
  const exact = BigInt(text);
  if (exact < INT64_MIN || exact > INT64_MAX) {
    return undefined;
  }
  const fast = Number(exact);
  return { exact, fast: Number.isSafeInteger(fast) ? fast : Number.NaN };
}

/**
 * Compares the integer written in `text` with `bound`: negative, zero or positive as
 * it is smaller, equal or greater; `undefined` when `text` is not an `int64` (see
 * {@link parseInt64Bound}).
 *
 * Guarantees: allocation-free when `text` has at most 15 digits and the bound is a
 * safe integer, which covers every realistic label value.
 */
export function compareInt64(text: string, bound: Int64Bound): number | undefined {
  const length = text.length;
  const first = text.charCodeAt(0);
  const start = first === PLUS || first === MINUS ? 1 : 0;
  if (length - start > SAFE_DIGITS || Number.isNaN(bound.fast)) {
    return compareSlowly(text, bound);
  }
  if (start === length) {
    return undefined;
  }
  let magnitude = 0;
  for (let i = start; i < length; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) {
      return undefined;
    }
    magnitude = magnitude * 10 + digit;
  }
  const value = first === MINUS ? -magnitude : magnitude;
  return value - bound.fast;
}

const PLUS = 0x2b;
const MINUS = 0x2d;
const ZERO = 0x30;

function compareSlowly(text: string, bound: Int64Bound): number | undefined {
  const value = parseInt64Bound(text);
  if (value === undefined) {
    return undefined;
  }
  return value.exact < bound.exact ? -1 : value.exact > bound.exact ? 1 : 0;
}

function isDecimalInteger(text: string): boolean {
  const first = text.charCodeAt(0);
  const start = first === PLUS || first === MINUS ? 1 : 0;
  if (start === text.length) {
    return false;
  }
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < ZERO || code > ZERO + 9) {
      return false;
    }
  }
  return true;
}
