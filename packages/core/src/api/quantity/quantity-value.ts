/**
 * A quantity as a whole number of units or thousandths, as upstream's `Value` and
 * `MilliValue`.
 *
 * @module
 */
import { NANOS_PER_MILLI, NANOS_PER_UNIT, type Quantity } from './quantity.js';

/**
 * The quantity as a whole number of units, rounded up away from zero, as upstream's
 * `Value()`: `'1.5'` → `2n`, `'100m'` → `1n`, `'-1.5'` → `-2n`, `'1Gi'` →
 * `1073741824n`.
 *
 * Guarantees: exact, for values of any size. Upstream returns an `int64` that silently
 * overflows above 2^63 - 1; here a `bigint` holds any result.
 *
 * Caveats: for a negative fraction, upstream's two internal representations disagree:
 * its int64 form rounds `-1.5` to `-2`, its big-decimal form to `0`. This follows the
 * documented rule, away from zero, which is also what a freshly parsed `'-1.5'` gives
 * upstream.
 */
export function quantityValue(q: Quantity): bigint {
  return divideAwayFromZero(q.nanoValue, NANOS_PER_UNIT);
}

/**
 * The quantity as a whole number of thousandths, rounded up away from zero, as
 * upstream's `MilliValue()`: `'250m'` → `250n`, `'1'` → `1000n`, `'0.1m'` → `1n`,
 * `'1Ki'` → `1024000n`. This is how Kubernetes counts CPU (millicores).
 *
 * Guarantees and caveats as for {@link quantityValue}.
 */
export function quantityMilliValue(q: Quantity): bigint {
  return divideAwayFromZero(q.nanoValue, NANOS_PER_MILLI);
}

function divideAwayFromZero(value: bigint, divisor: bigint): bigint {
  const quotient = value / divisor;
  if (quotient * divisor === value) {
    return quotient;
  }
  return value < 0n ? quotient - 1n : quotient + 1n;
}
