/**
 * The quantity model: an exact value in billionths, and the format it prints in.
 *
 * @module
 */

// ---------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------

/**
 * How a quantity prints, remembered from the suffix it was written with, as in
 * Kubernetes:
 *
 * - `'BinarySI'`: powers of 1024 (`Ki`, `Mi`, `Gi`, `Ti`, `Pi`, `Ei`), e.g. `'128Mi'`;
 * - `'DecimalSI'`: powers of 1000 (`n`, `u`, `m`, none, `k`, `M`, `G`, `T`, `P`, `E`),
 *   e.g. `'500m'`, `'2k'`;
 * - `'DecimalExponent'`: an `e` exponent, e.g. `'1e3'`, `'80e-3'`.
 */
export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

/**
 * A Kubernetes resource quantity (`cpu: 500m`, `memory: 1.5Gi`), held exactly.
 *
 * Guarantees: the value is a whole number of billionths (10^-9) of the unit, as a
 * `bigint`, so there is no floating-point error and no size limit; values are frozen.
 * Any `nanoValue` and `format` make a valid quantity.
 *
 * Two quantities are equal when `compareQuantities` says `0`: `'1'` and `'1000m'` are
 * equal though they print differently, and `format` only affects printing.
 *
 * @example
 * ```ts
 * quantity('1.5Gi'); // { nanoValue: 1_610_612_736_000_000_000n, format: 'BinarySI' }
 * quantity('250m'); // { nanoValue: 250_000_000n, format: 'DecimalSI' }
 * ```
 */
export interface Quantity {
  /** The exact value, in units of 10^-9: `'1'` is `1_000_000_000n`, `'1n'` is `1n`. */
  readonly nanoValue: bigint;
  /** How the value prints; see {@link QuantityFormat}. */
  readonly format: QuantityFormat;
}

/** Billionths in one whole unit. */
export const NANOS_PER_UNIT = 1_000_000_000n;

/** Billionths in one thousandth. */
export const NANOS_PER_MILLI = 1_000_000n;

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/**
 * A frozen {@link Quantity}; every quantity in this module is built here.
 *
 * Guarantees: never throws.
 */
export function makeQuantity(nanoValue: bigint, format: QuantityFormat): Quantity {
  return Object.freeze({ nanoValue, format });
}

/** Options for the quantity constructors. */
export interface QuantityFromOptions {
  /** How the quantity prints; `'DecimalSI'` unless given. */
  readonly format?: QuantityFormat;
}

/**
 * A quantity of a whole number of units, as upstream's `NewQuantity`.
 *
 * @example
 * ```ts
 * formatQuantity(quantityFromValue(110)); // '110'
 * formatQuantity(quantityFromValue(1000)); // '1k'
 * formatQuantity(quantityFromValue(1024n, { format: 'BinarySI' })); // '1Ki'
 * ```
 *
 * Errors: throws a `RangeError` for a number that is not an integer (`0.5`, `NaN`,
 * `Infinity`); pass fractions as text to `quantity` instead (`quantity('0.5')`).
 */
export function quantityFromValue(
  value: bigint | number,
  options: QuantityFromOptions = {},
): Quantity {
  return makeQuantity(
    toBigInt(value, 'quantityFromValue') * NANOS_PER_UNIT,
    options.format ?? 'DecimalSI',
  );
}

/**
 * A quantity of a whole number of thousandths, as upstream's `NewMilliQuantity`.
 *
 * @example
 * ```ts
 * formatQuantity(quantityFromMillis(250n)); // '250m'
 * formatQuantity(quantityFromMillis(2000)); // '2'
 * ```
 *
 * Errors: throws a `RangeError` for a number that is not an integer.
 */
export function quantityFromMillis(
  millis: bigint | number,
  options: QuantityFromOptions = {},
): Quantity {
  return makeQuantity(
    toBigInt(millis, 'quantityFromMillis') * NANOS_PER_MILLI,
    options.format ?? 'DecimalSI',
  );
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

function toBigInt(value: bigint | number, caller: string): bigint {
  if (typeof value === 'bigint') {
    return value;
  }
  // Every integer-valued double is exact as a bigint, even beyond 2^53.
  if (!Number.isInteger(value)) {
    throw new RangeError(
      `${caller}: expected an integer, got ${String(value)}; write fractions as text, such as quantity('0.5')`,
    );
  }
  return BigInt(value);
}
