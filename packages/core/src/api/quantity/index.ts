/**
 * Kubernetes resource quantities (`cpu: 500m`, `memory: 1.5Gi`, `pods: 110`), exact,
 * with the semantics of `k8s.io/apimachinery/pkg/api/resource`.
 *
 * A quantity is a decimal number with a suffix: a power of 1000 (`n u m k M G T P E`),
 * a power of 1024 (`Ki Mi Gi Ti Pi Ei`) or of 10 (`e3`, `E-6`). It is held as a
 * {@link Quantity}: a `bigint` count of billionths (10^-9) and the
 * {@link QuantityFormat} its suffix implies, which decides how it prints.
 *
 * Guarantees:
 * - exactness: no step goes through floating point; values have no size limit
 *   (`'12E'`, sums beyond 2^63), and arithmetic is exact bigint arithmetic;
 * - rounding: the only rounding happens when parsing a value finer than 10^-9, which
 *   is rounded up, away from zero, to the next billionth (`'0.5n'` → `'1n'`), and when
 *   asking for whole units or thousandths ({@link quantityValue},
 *   {@link quantityMilliValue}), also away from zero;
 * - immutability: quantities are frozen; operations return new ones;
 * - compatibility: {@link parseQuantity} accepts and rejects what upstream does, and
 *   {@link formatQuantity} writes upstream's canonical form.
 *
 * @example
 * ```ts
 * const limit = quantity('1.5Gi');
 * formatQuantity(limit); // '1536Mi'
 * compareQuantities(quantity('1Gi'), quantity('1G')); // 1
 * formatQuantity(addQuantities(quantity('100m'), quantity('0.9'))); // '1'
 * quantityMilliValue(quantity('0.25')); // 250n
 * parseQuantity('1KB'); // left(QuantityError: invalid quantity "1KB": unknown suffix "KB" ...)
 * ```
 *
 * @module
 */
export { formatQuantity } from './format-quantity.js';
export { parseQuantity, quantity } from './parse-quantity.js';
export {
  quantityFromMillis,
  quantityFromValue,
  type Quantity,
  type QuantityFormat,
  type QuantityFromOptions,
} from './quantity.js';
export {
  addQuantities,
  compareQuantities,
  isZeroQuantity,
  negateQuantity,
  subtractQuantities,
} from './quantity-arithmetic.js';
export { QuantityError, type QuantityErrorReason } from './quantity-error.js';
export { quantityMilliValue, quantityValue } from './quantity-value.js';
