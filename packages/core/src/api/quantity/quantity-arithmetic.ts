/**
 * Comparing and combining quantities, exactly, whatever their formats.
 *
 * @module
 */
import { makeQuantity, type Quantity } from './quantity.js';

/**
 * Orders two quantities by value: `-1` if `a` is less than `b`, `0` if they are equal,
 * `1` if `a` is greater. Formats do not matter: `'1'` equals `'1000m'`.
 *
 * @example
 * ```ts
 * compareQuantities(quantity('1Gi'), quantity('1G')); // 1 (1073741824 > 1000000000)
 * compareQuantities(quantity('1'), quantity('1000m')); // 0
 * ```
 *
 * Guarantees: exact, for values of any size; never throws.
 */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  if (a.nanoValue < b.nanoValue) {
    return -1;
  }
  return a.nanoValue > b.nanoValue ? 1 : 0;
}

/** Whether a quantity is zero (`'0'`, `'0Ki'`, `'-0.0'`, ...). */
export function isZeroQuantity(q: Quantity): boolean {
  return q.nanoValue === 0n;
}

/**
 * The sum of two quantities, in `a`'s format, or in `b`'s if `a` is zero, as upstream's
 * `Add`: adding to a zero adopts the other quantity's suffix.
 *
 * @example
 * ```ts
 * formatQuantity(addQuantities(quantity('100m'), quantity('0.9'))); // '1'
 * formatQuantity(addQuantities(quantity('0'), quantity('1Gi'))); // '1Gi'
 * ```
 *
 * Guarantees: exact, with no cap (a sum may exceed upstream's parsing cap of 2^63 - 1
 * on binary values); the arguments are not changed.
 */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return makeQuantity(a.nanoValue + b.nanoValue, resultFormat(a, b));
}

/**
 * `a` minus `b`, in `a`'s format, or in `b`'s if `a` is zero, as upstream's `Sub`.
 *
 * @example
 * ```ts
 * formatQuantity(subtractQuantities(quantity('1Gi'), quantity('512Mi'))); // '512Mi'
 * formatQuantity(subtractQuantities(quantity('0'), quantity('1Gi'))); // '-1Gi'
 * ```
 *
 * Guarantees: exact, with no cap; the arguments are not changed.
 */
export function subtractQuantities(a: Quantity, b: Quantity): Quantity {
  return makeQuantity(a.nanoValue - b.nanoValue, resultFormat(a, b));
}

/** The quantity with the opposite sign, in the same format, as upstream's `Neg`. */
export function negateQuantity(q: Quantity): Quantity {
  return makeQuantity(-q.nanoValue, q.format);
}

function resultFormat(a: Quantity, b: Quantity): Quantity['format'] {
  return a.nanoValue === 0n ? b.format : a.format;
}
