/**
 * The nodes a compiled decoder is made of: one closure per codec node, that checks a
 * value and builds its pruned, decoded form in one pass. Internal to the codec layer
 * (see `compileDecoder`).
 *
 * @module
 */
import type * as t from 'io-ts';

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * What a compiled decoder returns when its fast path does not accept a value: the value
 * is invalid, or the decoder cannot tell (see {@link CompiledNode.certain}), and the
 * slow path (`pruneUnknownFields` and io-ts `decode`) must decide.
 */
export const NOT_DECODED: unique symbol = Symbol('NOT_DECODED');

/** The mutable state of one decoding, shared by every node it visits. */
export interface DecodeState {
  /**
   * How many unknown object fields have been dropped so far, as `pruneUnknownFields`
   * would list them: a union counts only those of the member it chose.
   */
  unknownFields: number;
}

/**
 * A compiled codec node: `value` decoded with the codec after dropping the object
 * fields it does not declare (what io-ts `decode` returns for `pruneUnknownFields`'
 * result), or {@link NOT_DECODED}.
 */
export type NodeDecoder = (value: unknown, state: DecodeState) => unknown;

/** A compiled codec node, with what the compiler knows about it. */
export interface CompiledNode {
  /** Decodes a value, counting the unknown fields it drops in `state`. */
  readonly decode: NodeDecoder;
  /**
   * Whether {@link NOT_DECODED} from this node always means the slow path rejects the
   * value. When false, the node may give up on values the slow path accepts, so a
   * union must not try its next member after this one gives up.
   */
  readonly certain: boolean;
  /** The JSON kinds (a {@link JSON_KIND} mask) of the values this node may accept. */
  readonly kinds: number;
}

/** The kinds of JavaScript values, as bits of {@link CompiledNode.kinds}. */
export const JSON_KIND = {
  null: 1,
  boolean: 2,
  number: 4,
  string: 8,
  object: 16,
  array: 32,
  other: 64,
} as const;

/** Every kind of value: what a node the compiler cannot see through may accept. */
export const ANY_JSON_KIND = 127;

/** The {@link JSON_KIND} of a value. */
export function jsonKindOf(value: unknown): number {
  if (value === null) {
    return JSON_KIND.null;
  }
  if (isArrayValue(value)) {
    return JSON_KIND.array;
  }
  const type = typeof value;
  if (type === 'boolean') {
    return JSON_KIND.boolean;
  }
  if (type === 'number') {
    return JSON_KIND.number;
  }
  if (type === 'string') {
    return JSON_KIND.string;
  }
  return type === 'object' ? JSON_KIND.object : JSON_KIND.other;
}

// The globals decoding calls, looked up once: in a `vm` context (as jest runs tests),
// each lookup of a global such as `Object` or `Array` goes through the context's
// interceptors, ~40 times slower than reading a module constant, which made decoding
// there 5 times slower.

/** `Object.hasOwn`, looked up once. */
export const hasOwnField: (object: object, key: string) => boolean = Object.hasOwn;

const isFrozen = Object.isFrozen;
const prototypeOf = Object.getPrototypeOf;
const OBJECT_PROTOTYPE: unknown = Object.prototype;
const ARRAY_PROTOTYPE: unknown = Array.prototype;

/**
 * Whether an object is frozen and plain (of the realm's own `Object.prototype`): a
 * decoder may answer it as it is when it decodes to itself, since it cannot change
 * later and is what decoding it would build.
 */
export function isFrozenPlainObject(value: object): boolean {
  return isFrozen(value) && prototypeOf(value) === OBJECT_PROTOTYPE;
}

/** {@link isFrozenPlainObject} for arrays: frozen, of the realm's own `Array.prototype`. */
export function isFrozenPlainArray(value: readonly unknown[]): boolean {
  return isFrozen(value) && prototypeOf(value) === ARRAY_PROTOTYPE;
}

/**
 * The own fields of `value` before the key `stop` (all of them for `undefined`), in a
 * new object (a JSON `__proto__` key as a field): the start of the decoded copy of a
 * frozen object whose earlier fields all decoded to themselves.
 */
export function copiedFieldsBefore(
  value: Readonly<Record<string, unknown>>,
  stop: string | undefined,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    if (key === stop) {
      break;
    }
    if (!hasOwnField(value, key)) {
      continue;
    }
    if (key === '__proto__') {
      Object.defineProperty(copy, key, {
        value: value[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      copy[key] = value[key];
    }
  }
  return copy;
}

/** `Array.isArray`, looked up once. */
export const isArrayValue: (value: unknown) => value is unknown[] = Array.isArray;

/** Whether a value is a JSON object (not an array, not `null`), as `isJSONObject`. */
export function isObjectValue(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !isArrayValue(value);
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A node that decodes with the codec's own `validate` and keeps its result value:
 * custom `t.Type`s (`Int32`, `DateTime`, `QuantityCodec`...), and the nodes that
 * `pruneUnknownFields` does not look into either.
 */
export function validatingNode(codec: t.Mixed): CompiledNode {
  // The context only names the failure, which the fast path drops: one is enough.
  const context: t.Context = [{ key: '', type: codec, actual: undefined }];
  return {
    decode: (value) => {
      const result = codec.validate(value, context);
      return result._tag === 'Right' ? (result.right as unknown) : NOT_DECODED;
    },
    certain: true,
    kinds: ANY_JSON_KIND,
  };
}

/**
 * A node that accepts a value as it is when `accepts` holds (the checks of io-ts's
 * primitives, such as `t.string` or `t.keyof`, which return their input).
 */
export function checkingNode(accepts: (value: unknown) => boolean, kinds: number): CompiledNode {
  return { decode: (value) => (accepts(value) ? value : NOT_DECODED), certain: true, kinds };
}

/**
 * A node that always gives up, leaving every value to the slow path: for the codec
 * shapes whose exact io-ts behaviour the compiler does not reproduce (an exact codec
 * inside an intersection, a record keyed by a `t.keyof`...).
 */
export const UNDECIDED_NODE: CompiledNode = {
  decode: () => NOT_DECODED,
  certain: false,
  kinds: ANY_JSON_KIND,
};
