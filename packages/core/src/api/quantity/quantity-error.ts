/**
 * Why a text is not a quantity.
 *
 * @module
 */

/**
 * What was wrong with a rejected quantity:
 *
 * - `'Empty'`: the empty string (write `'0'` for zero);
 * - `'NotAString'`: a number, `null` or object where text was expected;
 * - `'Malformed'`: not `<sign><digits>.<digits><suffix>` at all (`'1.2.3'`, `'--1'`,
 *   `' 1'`);
 * - `'UnknownSuffix'`: a number followed by letters that are not a suffix (`'1KB'`,
 *   `'1K'`, `'1e'`);
 * - `'ExponentOutOfRange'`: an `e` exponent beyond ±1000 (`'1e5000'`).
 */
export type QuantityErrorReason =
  'Empty' | 'NotAString' | 'Malformed' | 'UnknownSuffix' | 'ExponentOutOfRange';

/**
 * A value that is not a valid quantity, returned by `parseQuantity` and thrown by
 * `quantity`.
 *
 * The message names the input and what was expected, for example
 * `invalid quantity "1KB": unknown suffix "KB" (did you mean "k" or "Ki"? suffixes are
 * case-sensitive); expected a number with one of the suffixes n, u, m, k, M, G, T, P, E
 * (powers of 1000), Ki, Mi, Gi, Ti, Pi, Ei (powers of 1024) or an exponent such as e3`.
 */
export class QuantityError extends RangeError {
  /** Tells a quantity error apart from other tagged errors. */
  readonly _tag = 'QuantityError';
  /** What was wrong; see {@link QuantityErrorReason}. */
  readonly reason: QuantityErrorReason;
  /** The value that was rejected, as given (it may not even be a string). */
  readonly input: unknown;

  /**
   * @param args.input - the rejected value.
   * @param args.reason - what was wrong with it.
   * @param args.detail - the explanation that follows `invalid quantity "<input>": `.
   */
  constructor(args: {
    readonly input: unknown;
    readonly reason: QuantityErrorReason;
    readonly detail: string;
  }) {
    super(`invalid quantity ${describeInput(args.input)}: ${args.detail}`);
    this.name = 'QuantityError';
    this.reason = args.reason;
    this.input = args.input;
  }
}

function describeInput(input: unknown): string {
  if (typeof input === 'string') {
    return JSON.stringify(input);
  }
  return `of type ${input === null ? 'null' : typeof input}`;
}
