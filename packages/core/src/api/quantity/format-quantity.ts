/**
 * Writing quantities in Kubernetes' canonical form, as `k8s.io/apimachinery`'s
 * `Quantity.String` does.
 *
 * @module
 */
import { NANOS_PER_UNIT, type Quantity } from './quantity.js';

/** Decimal SI suffixes by power of ten. */
const DECIMAL_SUFFIXES: ReadonlyMap<number, string> = new Map([
  [-9, 'n'],
  [-6, 'u'],
  [-3, 'm'],
  [0, ''],
  [3, 'k'],
  [6, 'M'],
  [9, 'G'],
  [12, 'T'],
  [15, 'P'],
  [18, 'E'],
]);

/** Binary SI suffixes by power of 1024. */
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] as const;

const BINARY_THRESHOLD = 1024n * NANOS_PER_UNIT;

/**
 * Writes a quantity in Kubernetes' canonical form: an integer and a suffix of the
 * quantity's format, with the largest suffix that loses nothing.
 *
 * - `'DecimalSI'`: a power of 1000 (`'0.5'` → `'500m'`, `'1000m'` → `'1'`,
 *   `'1.2345'` → `'1234500u'`, `'1000M'` → `'1G'`); beyond `E` (10^18) an exponent
 *   (`'1000E'` → `'1e21'`).
 * - `'DecimalExponent'`: a power of 10 that is a multiple of 3 (`'1e3'` → `'1e3'`,
 *   `'0.08e0'` → `'80e-3'`, `'1e4'` → `'10e3'`).
 * - `'BinarySI'`: a power of 1024 (`'1.5Gi'` → `'1536Mi'`, `'2048Ki'` → `'2Mi'`), but
 *   written as `'DecimalSI'` when that is shorter or exact: for values strictly between
 *   -1024 and 1024 (`'0.5Ki'` → `'512'`) and for fractions (`'0.001Ki'` → `'1024m'`).
 * - Zero is `'0'`; a negative value starts with `-`; a positive one has no sign.
 *
 * Guarantees: exact and never throws. `parseQuantity` reads the result back to an
 * equal quantity (but see its cap on binary values), in the format its suffix implies:
 * for a `'DecimalSI'` or `'DecimalExponent'` quantity, formatting that again gives the
 * same text; a `'BinarySI'` one written without a binary suffix (`'10000'`) reads back
 * as `'DecimalSI'` and is then written `'10k'`, as upstream.
 *
 * Caveats: upstream's `String()` returns the input unchanged when a cheap check
 * suggests it is already canonical, which lets a few spellings through (`'+1'`, `'01'`,
 * `'1.500'`); this function always returns the canonical form (`'1'`, `'1'`,
 * `'1500m'`). Upstream prints no suffix for a binary value of 1024^7 or more (turning
 * 2^70 into `'1'`); here the mantissa grows past `Ei` instead (`'1024Ei'`).
 *
 * @example
 * ```ts
 * formatQuantity(quantity('1.5Gi')); // '1536Mi'
 * formatQuantity(quantity('0.5')); // '500m'
 * formatQuantity(quantity('1e3')); // '1e3'
 * ```
 */
export function formatQuantity(q: Quantity): string {
  const { nanoValue } = q;
  if (nanoValue === 0n) {
    return '0';
  }
  const magnitude = nanoValue < 0n ? -nanoValue : nanoValue;
  if (
    q.format === 'BinarySI' &&
    magnitude >= BINARY_THRESHOLD &&
    magnitude % NANOS_PER_UNIT === 0n
  ) {
    return formatBinary(nanoValue / NANOS_PER_UNIT);
  }
  return formatDecimal(nanoValue, q.format === 'DecimalExponent');
}

/** `units` (an integer of at least 1024 in size) with the largest exact power of 1024. */
function formatBinary(units: bigint): string {
  let mantissa = units;
  let power = 0;
  while (power < BINARY_SUFFIXES.length - 1 && mantissa % 1024n === 0n) {
    mantissa /= 1024n;
    power += 1;
  }
  return `${mantissa}${BINARY_SUFFIXES[power]}`;
}

/** A non-zero number of billionths as an integer times a power of 1000. */
function formatDecimal(nanoValue: bigint, asExponent: boolean): string {
  const text = nanoValue.toString();
  const trailingZeros = text.length - text.replace(/0+$/, '').length;
  let exponent = trailingZeros - 9;
  // Round the exponent down to a multiple of three, moving the zeros back.
  const excess = ((exponent % 3) + 3) % 3;
  exponent -= excess;
  const mantissa = text.slice(0, text.length - trailingZeros + excess);
  const suffix = asExponent
    ? exponentSuffix(exponent)
    : (DECIMAL_SUFFIXES.get(exponent) ?? exponentSuffix(exponent));
  return `${mantissa}${suffix}`;
}

function exponentSuffix(exponent: number): string {
  return exponent === 0 ? '' : `e${exponent}`;
}
