/**
 * Compiling the io-ts combinators other than objects: arrays, records, unions and
 * refinements. Internal to the codec layer (see `compileDecoder`).
 *
 * @module
 */
import type * as t from 'io-ts';
import { asKnownCodec } from './codec-nodes.js';
import {
  copiedFieldsBefore,
  hasOwnField,
  isArrayValue,
  isFrozenPlainArray,
  isFrozenPlainObject,
  isObjectValue,
  JSON_KIND,
  jsonKindOf,
  NOT_DECODED,
  UNDECIDED_NODE,
  validatingNode,
  type CompiledNode,
} from './compiled-node.js';

// Looked up once: in a `vm` context (as jest runs tests) each global lookup goes
// through the context's interceptors.
const ArrayConstructor = Array;

function newArray(length: number): unknown[] {
  return new ArrayConstructor<unknown>(length);
}

// The first `count` items of a frozen array, in a new array of its length (holes stay
// holes).
function copiedArrayPrefix(value: readonly unknown[], count: number): unknown[] {
  const copy = newArray(value.length);
  for (let i = 0; i < count; i++) {
    if (i in value) {
      copy[i] = value[i];
    }
  }
  return copy;
}

/**
 * The compiled node of `t.array(item)` or `t.readonlyArray(item)`: a new array of the
 * decoded items; anything but an array is rejected.
 */
export function compileArrayNode(item: CompiledNode): CompiledNode {
  const decodeItem = item.decode;
  return {
    decode: (value, state) => {
      if (!isArrayValue(value)) {
        return NOT_DECODED;
      }
      const length = value.length;
      // A frozen array that decodes to itself is answered as it is (see
      // `compileDecoder`): the copy is only started at its first difference.
      let decoded: unknown[] | undefined;
      if (!isFrozenPlainArray(value)) {
        // Sized up front: an array grown by `push` keeps room for 16 more items, which
        // a stored object would carry for as long as it lives.
        decoded = newArray(length);
      }
      for (let i = 0; i < length; i++) {
        const item = value[i];
        const result = decodeItem(item, state);
        if (result === NOT_DECODED) {
          return NOT_DECODED;
        }
        if (decoded === undefined) {
          if (result === item) {
            continue;
          }
          decoded = copiedArrayPrefix(value, i);
        }
        // A hole stays a hole, as `Array.prototype.map` and io-ts keep it.
        if (result !== undefined || i in value) {
          decoded[i] = result;
        }
      }
      return decoded ?? value;
    },
    certain: item.certain,
    kinds: JSON_KIND.array,
  };
}

/**
 * The compiled node of `t.record(t.string, codomain)`: a new object of the decoded
 * values. A value that is not a JSON object goes to the record's own `validate`, as
 * `pruneUnknownFields` leaves it as it is (io-ts accepts an array when the codomain is
 * `t.any`).
 *
 * Caveats: a record keyed by anything but `t.string` (a `t.keyof`, a refinement) is
 * left to the slow path.
 */
export function compileRecordNode(
  record: t.DictionaryType<t.Mixed, t.Mixed>,
  codomain: CompiledNode,
): CompiledNode {
  if (asKnownCodec(record.domain)?._tag !== 'StringType') {
    return UNDECIDED_NODE;
  }
  const decodeValue = codomain.decode;
  const notAnObject = validatingNode(record).decode;
  return {
    decode: (value, state) => {
      if (!isObjectValue(value)) {
        return notAnObject(value, state);
      }
      // A frozen record that decodes to itself is answered as it is (see
      // `compileDecoder`): the copy is only started at its first difference.
      let decoded: Record<string, unknown> | undefined = isFrozenPlainObject(value)
        ? undefined
        : {};
      for (const key in value) {
        if (!hasOwnField(value, key)) {
          continue;
        }
        const item = value[key];
        const result = decodeValue(item, state);
        if (result === NOT_DECODED) {
          return NOT_DECODED;
        }
        if (decoded === undefined) {
          if (result === item) {
            continue;
          }
          decoded = copiedFieldsBefore(value, key);
        }
        if (key === '__proto__') {
          // A JSON key, not the prototype: defined as `Object.fromEntries` does.
          Object.defineProperty(decoded, key, {
            value: result,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        } else {
          decoded[key] = result;
        }
      }
      return decoded ?? value;
    },
    certain: codomain.certain,
    kinds: JSON_KIND.object | JSON_KIND.array,
  };
}

/**
 * The compiled node of `t.union(members)`: the first member that accepts the value,
 * its unknown fields counted and those of the members tried before it forgotten, as
 * `pruneUnknownFields` prunes with that member and io-ts then decodes with it.
 *
 * Caveats: io-ts decodes the value pruned by the chosen member with the first member
 * that accepts it, which is the chosen one unless an earlier member, that rejected the
 * value pruned its own way, accepts it pruned another way. That can only happen for an
 * object or an array (pruning leaves other values as they are, and keeps their kind),
 * so when a member after the first accepts an object (an array) and a member before it
 * may accept objects (arrays), the node gives up and leaves the choice to the slow
 * path. It also gives up when a member that may give up on valid values (not
 * {@link CompiledNode.certain}) rejects one.
 */
export function compileUnionNode(members: readonly CompiledNode[]): CompiledNode {
  const decoders = members.map((member) => member.decode);
  const certainties = members.map((member) => member.certain);
  // The kinds of structured values that a member before each one may accept.
  const contestedKinds = members.map((_, i) =>
    members.slice(0, i).reduce((kinds, earlier) => kinds | (earlier.kinds & STRUCTURED_KINDS), 0),
  );
  const count = members.length;
  return {
    decode: (value, state) => {
      const before = state.unknownFields;
      for (let i = 0; i < count; i++) {
        const result = (decoders[i] as CompiledNode['decode'])(value, state);
        if (result !== NOT_DECODED) {
          const contested = contestedKinds[i] as number;
          return contested !== 0 && (contested & jsonKindOf(value)) !== 0 ? NOT_DECODED : result;
        }
        if (certainties[i] !== true) {
          return NOT_DECODED;
        }
        state.unknownFields = before;
      }
      return NOT_DECODED;
    },
    certain: certainties.every(Boolean) && contestedKinds.every((kinds) => kinds === 0),
    kinds: members.reduce((kinds, member) => kinds | member.kinds, 0),
  };
}

const STRUCTURED_KINDS = JSON_KIND.object | JSON_KIND.array;

/**
 * The compiled node of `t.refinement(inner, predicate)` (and `t.brand`): the inner
 * node's result when the predicate holds for it, as io-ts checks the predicate on the
 * decoded value.
 */
export function compileRefinementNode(
  refinement: t.RefinementType<t.Mixed>,
  inner: CompiledNode,
): CompiledNode {
  const decodeInner = inner.decode;
  const predicate = refinement.predicate;
  return {
    decode: (value, state) => {
      const result = decodeInner(value, state);
      return result !== NOT_DECODED && predicate(result) ? result : NOT_DECODED;
    },
    certain: inner.certain,
    kinds: inner.kinds,
  };
}
