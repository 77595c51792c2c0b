/**
 * Compiling a codec to a fast decoder: the codec tree is walked once, into a tree of
 * closures that check a value and build its pruned, decoded form in one pass, without
 * io-ts's `Either`s and contexts. {@link decodeObject} uses it for the values it
 * accepts, and its slow path for the errors. Internal to the codec layer.
 *
 * @module
 */
import type * as t from 'io-ts';
import { asKnownCodec } from './codec-nodes.js';
import {
  compileArrayNode,
  compileRecordNode,
  compileRefinementNode,
  compileUnionNode,
} from './compiled-combinator-nodes.js';
import {
  ANY_JSON_KIND,
  checkingNode,
  hasOwnField,
  isArrayValue,
  isObjectValue,
  JSON_KIND,
  jsonKindOf,
  NOT_DECODED,
  UNDECIDED_NODE,
  validatingNode,
  type CompiledNode,
} from './compiled-node.js';
import { compileObjectNode } from './compiled-object-node.js';
import { identityCheckOf } from './identity-checks.js';

export { NOT_DECODED } from './compiled-node.js';

/** How a {@link CompiledDecoder} treats fields the codec does not know. */
export interface CompiledDecoderOptions {
  /** Give up on a value with any unknown field, instead of dropping them. Default: false. */
  readonly strictFields?: boolean;
}

/**
 * A codec's compiled decoder: the decoded value, or {@link NOT_DECODED} when the value
 * is invalid (or the decoder leaves it to the slow path, see `compileDecoder`).
 */
export type CompiledDecoder<A> = (
  input: unknown,
  options?: CompiledDecoderOptions,
) => A | typeof NOT_DECODED;

/**
 * Compiles `codec` to a decoder that returns what `codec.decode` returns for
 * `pruneUnknownFields(codec, input).value` when that succeeds (with `strictFields`,
 * when moreover no field was pruned), and {@link NOT_DECODED} otherwise.
 *
 * Guarantees:
 * - the result equals (deeply) the slow path's, and the input is not modified. Objects
 *   and arrays the codec describes are new, except frozen ones that decode to
 *   themselves (every field or item decodes to the same value, no field is dropped or
 *   added): those are answered as they are, so that a body built from parts of stored
 *   objects (a ReplicaSet's pod template) shares them instead of copying them. Values
 *   under `t.unknown` and `t.UnknownRecord` are kept as they are, as the slow path keeps
 *   them;
 * - custom `t.Type`s (`Int32`, `DateTime`, `QuantityCodec`...) and every node the
 *   compiler does not know decode with their own `validate`, and their result value
 *   is kept; refinements check their inner codec, then their predicate;
 * - a union takes its first member that accepts the value, as the slow path does;
 * - recursive codecs compile once: the cycle is closed through a forwarding node.
 *
 * Caveats: {@link NOT_DECODED} does not always mean the slow path rejects the value.
 * A few shapes whose io-ts behaviour the compiler does not reproduce are left to the
 * slow path (an intersection with a refinement or exact part or a key declared twice,
 * a record not keyed by `t.string`, a union whose choice pruning could change, see
 * `compileUnionNode`): always run the slow path on {@link NOT_DECODED}. None occurs in
 * the built-in kinds.
 */
export function compileDecoder<A, O>(codec: t.Type<A, O, unknown>): CompiledDecoder<A> {
  const decodeRoot = compileNode(codec, new Map()).decode;
  return (input, options = {}) => {
    const state = { unknownFields: 0 };
    const decoded = decodeRoot(input, state);
    if (decoded === NOT_DECODED || (options.strictFields === true && state.unknownFields > 0)) {
      return NOT_DECODED;
    }
    return decoded as A;
  };
}

// The compiled node of `codec`, compiled once per compilation: a codec met again while
// it is being compiled (a recursion) is decoded through a forwarding node, which makes
// no promise on what it accepts.
function compileNode(codec: t.Mixed, compiled: Map<object, CompiledNode>): CompiledNode {
  const known = compiled.get(codec);
  if (known !== undefined) {
    return known;
  }
  const target = { node: UNDECIDED_NODE };
  const forwarding: CompiledNode = {
    decode: (value, state) => target.node.decode(value, state),
    certain: false,
    kinds: ANY_JSON_KIND,
  };
  compiled.set(codec, forwarding);
  const built = buildNode(codec, (child) => compileNode(child, compiled));
  // A recursion that is its own definition loops in io-ts too: let it.
  target.node = built === forwarding ? validatingNode(codec) : built;
  compiled.set(codec, target.node);
  return target.node;
}

const STRING_NODE: CompiledNode = {
  decode: (value) => (typeof value === 'string' ? value : NOT_DECODED),
  certain: true,
  kinds: JSON_KIND.string,
};

const NUMBER_NODE: CompiledNode = {
  // io-ts's t.number accepts NaN and infinities: any `typeof` number.
  decode: (value) => (typeof value === 'number' ? value : NOT_DECODED),
  certain: true,
  kinds: JSON_KIND.number,
};

const BOOLEAN_NODE: CompiledNode = {
  decode: (value) => (typeof value === 'boolean' ? value : NOT_DECODED),
  certain: true,
  kinds: JSON_KIND.boolean,
};

const NULL_NODE: CompiledNode = {
  decode: (value) => (value === null ? value : NOT_DECODED),
  certain: true,
  kinds: JSON_KIND.null,
};

const UNKNOWN_NODE: CompiledNode = {
  decode: (value) => value,
  certain: true,
  kinds: ANY_JSON_KIND,
};

// io-ts's UnknownArray is `Array.isArray`.
const UNKNOWN_ARRAY_NODE: CompiledNode = {
  decode: (value) => (isArrayValue(value) ? value : NOT_DECODED),
  certain: true,
  kinds: JSON_KIND.array,
};

// io-ts's UnknownRecord: an object, not null, not an array.
const UNKNOWN_RECORD_NODE: CompiledNode = {
  decode: (value) => (isObjectValue(value) ? value : NOT_DECODED),
  certain: true,
  kinds: JSON_KIND.object,
};

function buildNode(codec: t.Mixed, compileChild: (codec: t.Mixed) => CompiledNode): CompiledNode {
  const node = asKnownCodec(codec);
  switch (node?._tag) {
    case undefined:
      return compileCustomNode(codec);
    case 'DescribedType':
    case 'ReadonlyType':
    case 'RecursiveType':
      return compileChild(node.type);
    case 'ExactType':
      return compileExactNode(node, compileChild);
    case 'RefinementType':
      return compileRefinementNode(node, compileChild(node.type));
    case 'StringType':
      return STRING_NODE;
    case 'NumberType':
      return NUMBER_NODE;
    case 'BooleanType':
      return BOOLEAN_NODE;
    case 'NullType':
      return NULL_NODE;
    case 'UnknownType':
      return UNKNOWN_NODE;
    case 'LiteralType':
      return compileLiteralNode(node.value);
    case 'KeyofType':
      return compileKeyofNode(node.keys);
    case 'AnyArrayType':
      return UNKNOWN_ARRAY_NODE;
    case 'AnyDictionaryType':
      return UNKNOWN_RECORD_NODE;
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return compileArrayNode(compileChild(node.type));
    case 'DictionaryType':
      return compileRecordNode(node, compileChild(node.codomain));
    case 'UnionType':
      return compileUnionNode(node.types.map(compileChild));
    case 'InterfaceType':
    case 'PartialType':
    case 'IntersectionType':
      return compileObjectNode(node, compileChild);
  }
}

// A custom `t.Type`: checked without `validate` when it registered a check that gives
// the same answer (the primitives: `Int32`, `QuantityCodec`...).
function compileCustomNode(codec: t.Mixed): CompiledNode {
  const accepts = identityCheckOf(codec);
  // Kinds as `validatingNode`'s, so that unions choose as they did.
  return accepts === undefined ? validatingNode(codec) : checkingNode(accepts, ANY_JSON_KIND);
}

// io-ts's literal decodes to its own value (`0` for `-0`).
function compileLiteralNode(literal: string | number | boolean): CompiledNode {
  return {
    decode: (value) => (value === literal ? literal : NOT_DECODED),
    certain: true,
    kinds: jsonKindOf(literal),
  };
}

// io-ts's keyof checks own keys, `hasOwnProperty` included.
function compileKeyofNode(keys: Readonly<Record<string, unknown>>): CompiledNode {
  return {
    decode: (value) =>
      typeof value === 'string' && hasOwnField(keys, value) ? value : NOT_DECODED,
    certain: true,
    kinds: JSON_KIND.string,
  };
}

// `t.exact` (and `t.strict`) strips the fields its props do not declare, which the
// compiled object node never keeps. Other exact shapes are left to the slow path.
function compileExactNode(
  exact: t.ExactType<t.Mixed>,
  compileChild: (codec: t.Mixed) => CompiledNode,
): CompiledNode {
  const inner = asKnownCodec(exact.type);
  return inner?._tag === 'InterfaceType' || inner?._tag === 'PartialType'
    ? compileChild(exact.type)
    : UNDECIDED_NODE;
}
