/**
 * Compiling object codecs (`t.type`, `t.partial` and their intersections) to one field
 * table, decoded in one pass over the input's fields. Internal to the codec layer (see
 * `compileDecoder`).
 *
 * @module
 */
import type * as t from 'io-ts';
import { asKnownCodec, objectFields, type KnownCodec } from './codec-nodes.js';
import {
  copiedFieldsBefore,
  hasOwnField,
  isFrozenPlainObject,
  isObjectValue,
  JSON_KIND,
  NOT_DECODED,
  UNDECIDED_NODE,
  validatingNode,
  type CompiledNode,
  type DecodeState,
} from './compiled-node.js';

/** One declared field of an object codec, compiled. */
interface CompiledField {
  readonly key: string;
  /** Declared by a `t.type` (a `t.partial` otherwise). */
  readonly required: boolean;
  readonly node: CompiledNode;
}

/** A field as an object codec declares it, before compiling. */
interface DeclaredField {
  readonly key: string;
  readonly required: boolean;
  readonly codec: t.Mixed;
}

/**
 * The compiled node of an object codec: an interface, a partial, or an intersection of
 * those (through described, readonly and recursive wrappers).
 *
 * Decoding a JSON object builds a new object with its declared fields in input order,
 * each decoded by its codec, then the missing required fields whose codec accepts
 * `undefined` (as io-ts adds them); undeclared fields are dropped and counted. Anything
 * but a JSON object is rejected, as io-ts does.
 *
 * Caveats: an intersection that is not all objects is left to its own `validate`, as
 * `pruneUnknownFields` leaves it as it is; an intersection with a refinement or exact
 * part, a key declared twice, or a key that `Object.prototype` has (`constructor`,
 * `toString`...) is left to the slow path, whose io-ts merging and lookups the compiler
 * does not reproduce.
 */
export function compileObjectNode(
  codec: t.Mixed,
  compileChild: (codec: t.Mixed) => CompiledNode,
): CompiledNode {
  if (objectFields(codec) === undefined) {
    return validatingNode(codec);
  }
  const declared = declaredFields(codec);
  if (declared === undefined || !requiresObject(codec) || hasUnsupportedKeys(declared)) {
    return UNDECIDED_NODE;
  }
  const fields = declared.map(({ key, required, codec: field }): CompiledField => ({
    key,
    required,
    node: compileChild(field),
  }));
  return {
    decode: objectDecoder(fields),
    certain: fields.every((field) => field.node.certain),
    kinds: JSON_KIND.object,
  };
}

// The fields of an object codec in declaration order, or undefined for a shape the
// compiler leaves to the slow path (a refinement or exact part, a part that is not an
// object).
function declaredFields(codec: t.Mixed): readonly DeclaredField[] | undefined {
  const node = asKnownCodec(codec);
  if (isShapeWrapper(node)) {
    return declaredFields(node.type);
  }
  if (node?._tag === 'InterfaceType' || node?._tag === 'PartialType') {
    const required = node._tag === 'InterfaceType';
    return Object.entries(node.props).map(([key, field]) => ({ key, required, codec: field }));
  }
  if (node?._tag === 'IntersectionType') {
    const parts = node.types.map(declaredFields);
    return parts.every((part) => part !== undefined) ? parts.flat() : undefined;
  }
  return undefined;
}

// Whether the codec rejects anything but an object: an intersection of no object (such
// as `t.intersection([])`) accepts any value.
function requiresObject(codec: t.Mixed): boolean {
  const node = asKnownCodec(codec);
  if (isShapeWrapper(node)) {
    return requiresObject(node.type);
  }
  if (node?._tag === 'IntersectionType') {
    return node.types.some(requiresObject);
  }
  return node?._tag === 'InterfaceType' || node?._tag === 'PartialType';
}

// The wrappers an object part may have that change nothing in decoding.
function isShapeWrapper(
  node: KnownCodec | undefined,
): node is Extract<
  KnownCodec,
  { readonly _tag: 'DescribedType' | 'ReadonlyType' | 'RecursiveType' }
> {
  return (
    node?._tag === 'DescribedType' ||
    node?._tag === 'ReadonlyType' ||
    node?._tag === 'RecursiveType'
  );
}

function hasUnsupportedKeys(fields: readonly DeclaredField[]): boolean {
  const keys = new Set(fields.map((field) => field.key));
  return keys.size !== fields.length || [...keys].some((key) => key in Object.prototype);
}

// How many key positions an object node remembers: enough for any kind's objects, and a
// bound on what an object with many unknown fields leaves behind.
const REMEMBERED_KEYS = 64;

function objectDecoder(fields: readonly CompiledField[]): CompiledNode['decode'] {
  const fieldsByKey = new Map(fields.map((field) => [field.key, field]));
  const requiredFields = fields.filter((field) => field.required);
  const requiredCount = requiredFields.length;
  // The keys of the last objects decoded, by position, and their fields: objects of one
  // kind mostly come with their keys in the same order, and comparing a key with the
  // one remembered at its position is cheaper than looking it up.
  const keysAt: string[] = [];
  const fieldsAt: (CompiledField | undefined)[] = [];
  return (value, state) => {
    if (!isObjectValue(value)) {
      return NOT_DECODED;
    }
    // A frozen object that decodes to itself is answered as it is (see
    // `compileDecoder`): the copy is only started at its first difference.
    let decoded: Record<string, unknown> | undefined = isFrozenPlainObject(value) ? undefined : {};
    let requiredSeen = 0;
    let position = 0;
    for (const key in value) {
      if (!hasOwnField(value, key)) {
        continue;
      }
      let field: CompiledField | undefined;
      if (keysAt[position] === key) {
        field = fieldsAt[position];
      } else {
        field = fieldsByKey.get(key);
        if (position < REMEMBERED_KEYS) {
          keysAt[position] = key;
          fieldsAt[position] = field;
        }
      }
      position++;
      if (field === undefined) {
        state.unknownFields++;
        decoded ??= copiedFieldsBefore(value, key);
        continue;
      }
      const item = value[key];
      const result =
        item === undefined && !field.required
          ? decodeOptionalUndefined(field, state)
          : field.node.decode(item, state);
      if (result === NOT_DECODED) {
        return NOT_DECODED;
      }
      if (field.required) {
        requiredSeen++;
      }
      if (decoded === undefined) {
        if (result === item) {
          continue;
        }
        decoded = copiedFieldsBefore(value, key);
      }
      decoded[key] = result;
    }
    if (requiredSeen !== requiredCount) {
      return addMissingRequiredFields(
        value,
        decoded ?? copiedFieldsBefore(value, undefined),
        requiredFields,
        state,
      );
    }
    return decoded ?? value;
  };
}

// io-ts's `t.partial` keeps a field present as `undefined` when its codec rejects
// `undefined`, and takes the decoded value when it accepts it.
function decodeOptionalUndefined(field: CompiledField, state: DecodeState): unknown {
  const before = state.unknownFields;
  const result = field.node.decode(undefined, state);
  if (result !== NOT_DECODED) {
    return result;
  }
  state.unknownFields = before;
  return field.node.certain ? undefined : NOT_DECODED;
}

// io-ts's `t.type` decodes a missing field as `undefined`: a failure unless its codec
// accepts `undefined`, in which case the field is set to the decoded value.
function addMissingRequiredFields(
  value: Readonly<Record<string, unknown>>,
  decoded: Record<string, unknown>,
  requiredFields: readonly CompiledField[],
  state: DecodeState,
): unknown {
  for (const field of requiredFields) {
    if (hasOwnField(value, field.key)) {
      continue;
    }
    const result = field.node.decode(undefined, state);
    if (result === NOT_DECODED) {
      return NOT_DECODED;
    }
    decoded[field.key] = result;
  }
  return decoded;
}
