/**
 * Durations: how long to wait, written as milliseconds or as a Go-style string
 * (`'250ms'`, `'5s'`, `'1h30m'`), as in Kubernetes manifests and flags.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/**
 * A length of time: a number of milliseconds, or a string of one or more
 * `<decimal number><unit>` terms with units `ms`, `s`, `m`, `h` and `d`
 * (`'250ms'`, `'1.5s'`, `'2m'`, `'1h30m'`, `'0s'`).
 *
 * Guarantees: every valid duration is finite and zero or more. A bare number in a
 * string (`'5'`, even `'0'`) is not valid: the unit is always required.
 */
export type Duration = number | string;

const MILLIS_PER_UNIT = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
} as const;

const EXPECTED_DURATION =
  "milliseconds (a finite number, zero or more) or a string such as '250ms', '5s', '2m', '1h' or '1h30m'";

/**
 * A value that is not a valid {@link Duration}.
 *
 * The message names the offending input and what was expected, for example
 * `invalid duration "5x": expected milliseconds (a finite number, zero or more) or a
 * string such as '250ms', '5s', '2m', '1h' or '1h30m'`.
 */
export class InvalidDurationError extends RangeError {
  /** The value that was rejected, as given (it may not even be a string or number). */
  readonly input: unknown;

  /**
   * @param input - the rejected value.
   * @param options.expected - what a valid value looks like here; defaults to any
   *   {@link Duration}. Used, for instance, for periods that must be positive.
   */
  constructor(input: unknown, options: { readonly expected?: string } = {}) {
    super(
      `invalid duration ${describeInput(input)}: expected ${options.expected ?? EXPECTED_DURATION}`,
    );
    this.name = 'InvalidDurationError';
    this.input = input;
  }
}

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * Reads a {@link Duration} as a number of milliseconds.
 *
 * Fractional milliseconds stay fractional (`'0.5ms'` is `0.5`).
 *
 * Errors: `left(InvalidDurationError)` for an empty or padded string, a missing or
 * unknown unit, a negative value, `NaN`, `±Infinity`, or a string whose total
 * overflows to `Infinity`.
 */
export function parseDuration(input: Duration): Either<InvalidDurationError, number> {
  if (typeof input === 'number') {
    return Number.isFinite(input) && input >= 0
      ? right(input)
      : left(new InvalidDurationError(input));
  }
  if (typeof input !== 'string' || input === '') {
    return left(new InvalidDurationError(input));
  }
  // One `<whole>.<fraction><unit>` term at a time (either number part may be
  // missing, not both); the sticky flag anchors each match where the previous one
  // ended, so any stray character fails the whole string.
  const term = /(?=\.?\d)(\d*)(?:\.(\d+))?(ms|s|m|h|d)/y;
  let total = 0;
  while (term.lastIndex < input.length) {
    const match = term.exec(input);
    if (match === null) {
      return left(new InvalidDurationError(input));
    }
    const [, whole = '', fraction = '', unit = ''] = match;
    total += scale({ whole, fraction, unitMillis: MILLIS_PER_UNIT[unit as Unit] });
  }
  return Number.isFinite(total) ? right(total) : left(new InvalidDurationError(input));
}

/**
 * Reads a {@link Duration} as a number of milliseconds, throwing if it is invalid.
 *
 * Errors: throws {@link InvalidDurationError} where {@link parseDuration} returns a `left`.
 */
export function toMillis(input: Duration): number {
  const parsed = parseDuration(input);
  if (isLeft(parsed)) {
    throw parsed.left;
  }
  return parsed.right;
}

/**
 * Reads a {@link Duration} that must be greater than zero, such as the period of
 * a repeating timer, as a number of milliseconds.
 *
 * Errors: throws {@link InvalidDurationError} for an invalid duration, and for a
 * zero one (`0`, `'0s'`), which would make a repeating timer spin.
 */
export function toPositiveMillis(input: Duration): number {
  const millis = toMillis(input);
  if (millis === 0) {
    throw new InvalidDurationError(input, {
      expected: 'a duration greater than zero, such as a period of 1s',
    });
  }
  return millis;
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

/**
 * Writes milliseconds in the compact form {@link parseDuration} reads, for messages:
 * `'0s'`, `'250ms'`, `'1.5s'`, `'1h30m'`, `'2d3h'`.
 *
 * Below one second the result is in milliseconds; from one second up it is whole
 * days, hours and minutes followed by (possibly fractional) seconds, leaving out
 * zero terms. Precision is one microsecond (0.001 ms).
 *
 * Guarantees: never throws, so it is safe to call while building an error message.
 * A negative input gets a leading `-`; `NaN` and `±Infinity` are written as such.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) {
    return String(ms);
  }
  if (ms < 0) {
    return `-${formatDuration(-ms)}`;
  }
  // Rounding first keeps 59_999.9999999 from printing as "60s" instead of "1m".
  const rounded = Math.round(ms * 1_000) / 1_000;
  if (rounded === 0) {
    return '0s';
  }
  if (rounded < MILLIS_PER_UNIT.s) {
    return `${rounded}ms`;
  }
  let rest = rounded;
  let text = '';
  for (const unit of ['d', 'h', 'm'] as const) {
    const count = Math.floor(rest / MILLIS_PER_UNIT[unit]);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * MILLIS_PER_UNIT[unit];
    }
  }
  const seconds = Number((rest / MILLIS_PER_UNIT.s).toFixed(6));
  return seconds > 0 ? `${text}${seconds}s` : text;
}

type Unit = keyof typeof MILLIS_PER_UNIT;

/**
 * `whole.fraction` units in milliseconds, computed so that `'1.001s'` is exactly
 * 1001 rather than `1.001 * 1000` (1000.9999999999999).
 */
function scale(term: { whole: string; fraction: string; unitMillis: number }): number {
  // Digits past the 20th change the result by less than 1e-20 of a unit.
  const fraction = term.fraction.slice(0, 20);
  const wholeMillis = Number(term.whole) * term.unitMillis;
  return wholeMillis + (Number(fraction) * term.unitMillis) / 10 ** fraction.length;
}

function describeInput(input: unknown): string {
  if (typeof input === 'string') {
    return JSON.stringify(input);
  }
  if (typeof input === 'number') {
    return String(input);
  }
  return `of type ${input === null ? 'null' : typeof input}`;
}
