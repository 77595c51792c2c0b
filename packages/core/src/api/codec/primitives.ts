/**
 * Codecs for the primitive types of the Kubernetes API, each with its OpenAPI schema:
 * `int32`, `int64`, `IntOrString`, `metav1.Time`, `resource.Quantity` and `[]byte`.
 *
 * They decode to the JSON value as it is on the wire (a number or a string), so an
 * object decodes, re-encodes and compares as the apiserver stores it. A failure
 * carries the reason as its message (`must be an integer between ...`), which
 * {@link decodeObject} turns into a field error.
 *
 * @module
 */
import { isRight } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { parseQuantity } from '../quantity/index.js';
import { registerIdentityCheck } from './identity-checks.js';
import { isRFC3339 } from './rfc3339.js';
import { withSchema, type DescribedType } from './with-schema.js';

/** A codec of one of the primitives below: a wire value with its schema attached. */
export type PrimitiveCodec<A> = DescribedType<t.Type<A, A, unknown>>;

function primitive<A extends string | number>(args: {
  readonly name: string;
  /** Why a value is rejected, or undefined when it is accepted. */
  readonly check: (u: unknown) => string | undefined;
  /**
   * The same verdict as `check`, without building a message: what the compiled
   * decoder calls for every value. `check(u) === undefined` by default.
   */
  readonly accepts?: (u: unknown) => boolean;
  readonly schema: DescribedType<t.Mixed>['schema'];
}): PrimitiveCodec<A> {
  const check = args.check;
  const accepts = args.accepts ?? ((u: unknown) => check(u) === undefined);
  const inner = new t.Type<A, A, unknown>(
    args.name,
    (u): u is A => accepts(u),
    (u, c) => {
      const problem = check(u);
      return problem === undefined ? t.success(u as A) : t.failure(u, c, problem);
    },
    t.identity,
  );
  registerIdentityCheck(inner, accepts);
  return withSchema(inner, args.schema);
}

// Looked up once: in a `vm` context (as jest runs tests) each global lookup goes
// through the context's interceptors.
const isSafeInteger = Number.isSafeInteger;
const isFiniteNumber = Number.isFinite;

function integerIn(min: number, max: number, what: string): (u: unknown) => string | undefined {
  return (u) =>
    typeof u === 'number' && isSafeInteger(u) && u >= min && u <= max
      ? undefined
      : `must be ${what}`;
}

// A 32-bit integer: `| 0` keeps exactly the integers from -2^31 to 2^31 - 1 (and -0).
function isInt32(u: unknown): boolean {
  return typeof u === 'number' && (u | 0) === u;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * A 32-bit signed integer (`int32` fields such as `replicas` or `containerPort`).
 *
 * Schema: `{ type: integer, format: int32 }`. Accepts integral numbers from -2^31 to
 * 2^31 - 1; rejects fractions, strings, and numbers out of range.
 */
export const Int32: PrimitiveCodec<number> = primitive({
  name: 'Int32',
  check: integerIn(INT32_MIN, INT32_MAX, 'a 32-bit integer'),
  accepts: isInt32,
  schema: { type: 'integer', format: 'int32' },
});

/**
 * A 64-bit signed integer (`int64` fields such as `terminationGracePeriodSeconds`).
 *
 * Schema: `{ type: integer, format: int64 }`.
 *
 * Caveats: a JavaScript number holds integers exactly only up to 2^53 - 1, and
 * `JSON.parse` has already rounded larger ones, so this accepts the safe integers,
 * ±(2^53 - 1), and rejects larger values rather than keep a rounded one.
 */
export const Int64: PrimitiveCodec<number> = primitive({
  name: 'Int64',
  check: integerIn(
    Number.MIN_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER,
    'a 64-bit integer within ±(2^53 - 1)',
  ),
  accepts: (u) => typeof u === 'number' && isSafeInteger(u),
  schema: { type: 'integer', format: 'int64' },
});

/**
 * `intstr.IntOrString`: a 32-bit integer or a string, such as a port (`8080` or
 * `'http'`) or a percentage (`'25%'`).
 *
 * Schema: `{ anyOf: [{ type: integer }, { type: string }], x-kubernetes-int-or-string: true }`,
 * as controller-gen writes it. Any string is accepted; what it means is the field's
 * business.
 */
export const IntOrString: PrimitiveCodec<number | string> = primitive({
  name: 'IntOrString',
  check: (u) =>
    typeof u === 'string' || integerIn(INT32_MIN, INT32_MAX, '')(u) === undefined
      ? undefined
      : 'must be a 32-bit integer or a string',
  accepts: (u) => typeof u === 'string' || isInt32(u),
  schema: {
    anyOf: [{ type: 'integer' }, { type: 'string' }],
    'x-kubernetes-int-or-string': true,
  },
});

/**
 * `metav1.Time`: an RFC 3339 timestamp such as `'2024-05-01T12:00:00Z'` or
 * `'2024-05-01T14:00:00.5+02:00'`.
 *
 * Schema: `{ type: string, format: date-time }`. Decodes to the string as written (it
 * is the wire form; parse it with `Date` where a time is needed). Accepts what Go's
 * `time.RFC3339` layout accepts: upper-case `T` and `Z`, a valid calendar date and
 * time, optional fractional seconds; rejects dates alone, spaces and leap seconds.
 */
export const DateTime: PrimitiveCodec<string> = primitive({
  name: 'DateTime',
  check: (u) =>
    typeof u === 'string' && isRFC3339(u)
      ? undefined
      : 'must be an RFC 3339 date-time such as "2024-05-01T12:00:00Z"',
  accepts: (u) => typeof u === 'string' && isRFC3339(u),
  schema: { type: 'string', format: 'date-time' },
});

/** The pattern controller-gen writes for `resource.Quantity`. */
const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

// The quantities as usually written (`'500m'`, `'1.5Gi'`, `'128974848'`): digits, an
// optional fraction and an optional suffix, which `parseQuantity` always accepts (it
// decides the rest).
const PLAIN_QUANTITY = /^\d+(?:\.\d+)?(?:[KMGTPE]i|[numkMGTPE])?$/;

/**
 * `resource.Quantity`: a string such as `'500m'` or `'1.5Gi'`, or a JSON number,
 * checked with {@link parseQuantity}.
 *
 * Schema: `{ anyOf: [{ type: integer }, { type: string }], pattern, x-kubernetes-int-or-string: true }`,
 * as controller-gen writes it.
 *
 * Decodes to the wire value, not to a `Quantity`: the string or number as written, so
 * that decoding an object and writing it back changes nothing (the apiserver itself
 * rewrites quantities in canonical form; that is a defaulting step, not decoding).
 * Call `quantity(value)` (with `String(value)` for a number) where arithmetic is
 * needed.
 */
export const QuantityCodec: PrimitiveCodec<string | number> = primitive({
  name: 'Quantity',
  check: (u) => {
    if (typeof u === 'number') {
      return isFiniteNumber(u) && isRight(parseQuantity(String(u)))
        ? undefined
        : 'must be a finite number';
    }
    if (typeof u !== 'string') {
      return 'must be a quantity: a string such as "500m" or "1.5Gi", or a number';
    }
    const parsed = parseQuantity(u);
    return isRight(parsed) ? undefined : parsed.left.message;
  },
  accepts: (u) => {
    if (typeof u === 'string') {
      return PLAIN_QUANTITY.test(u) || isRight(parseQuantity(u));
    }
    return (
      typeof u === 'number' &&
      (isSafeInteger(u) || (isFiniteNumber(u) && isRight(parseQuantity(String(u)))))
    );
  },
  schema: {
    anyOf: [{ type: 'integer' }, { type: 'string' }],
    pattern: QUANTITY_PATTERN,
    'x-kubernetes-int-or-string': true,
  },
});

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * `[]byte`: bytes written in standard, padded base64, as Go's `encoding/json` writes
 * them (`Secret.data` values).
 *
 * Schema: `{ type: string, format: byte }`. Decodes to the base64 string (the wire
 * form; `Buffer.from(value, 'base64')` gives the bytes). Rejects the URL-safe
 * alphabet, missing padding and whitespace.
 */
export const Base64Bytes: PrimitiveCodec<string> = primitive({
  name: 'Base64Bytes',
  check: (u) =>
    typeof u === 'string' && BASE64.test(u) ? undefined : 'must be standard, padded base64',
  accepts: (u) => typeof u === 'string' && BASE64.test(u),
  schema: { type: 'string', format: 'byte' },
});
