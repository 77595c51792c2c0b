/**
 * The io-ts codec nodes schema generation and decoding understand, and how to see
 * through the ones that only wrap another codec. Internal to the codec layer.
 *
 * @module
 */
import type * as t from 'io-ts';
import type { DescribedType } from './with-schema.js';

/** A codec node this layer knows, as a union tagged by io-ts's `_tag`. */
export type KnownCodec =
  | t.NullType
  | t.UnknownType
  | t.StringType
  | t.NumberType
  | t.BooleanType
  | t.AnyArrayType
  | t.AnyDictionaryType
  | t.LiteralType<string | number | boolean>
  | t.KeyofType<Record<string, unknown>>
  | t.RefinementType<t.Mixed>
  | t.RecursiveType<t.Mixed>
  | t.ArrayType<t.Mixed>
  | t.ReadonlyArrayType<t.Mixed>
  | t.InterfaceType<t.Props>
  | t.PartialType<t.Props>
  | t.DictionaryType<t.Mixed, t.Mixed>
  | t.UnionType<t.Mixed[]>
  | t.IntersectionType<t.Mixed[]>
  | t.ReadonlyType<t.Mixed>
  | t.ExactType<t.Mixed>
  | DescribedType<t.Mixed>;

const KNOWN_TAGS: ReadonlySet<string> = new Set<KnownCodec['_tag']>([
  'NullType',
  'UnknownType',
  'StringType',
  'NumberType',
  'BooleanType',
  'AnyArrayType',
  'AnyDictionaryType',
  'LiteralType',
  'KeyofType',
  'RefinementType',
  'RecursiveType',
  'ArrayType',
  'ReadonlyArrayType',
  'InterfaceType',
  'PartialType',
  'DictionaryType',
  'UnionType',
  'IntersectionType',
  'ReadonlyType',
  'ExactType',
  'DescribedType',
]);

/** The codec as a {@link KnownCodec}, or `undefined` for a node this layer does not know. */
export function asKnownCodec(codec: object): KnownCodec | undefined {
  const tag: unknown = (codec as { readonly _tag?: unknown })._tag;
  return typeof tag === 'string' && KNOWN_TAGS.has(tag) ? (codec as KnownCodec) : undefined;
}

/**
 * The codec under the wrappers that do not change the shape of a value (described,
 * readonly, exact, refinement, recursion), or the codec itself.
 */
export function unwrapCodec(codec: object): object {
  let current: object = codec;
  // A recursion that is its own definition would loop; a few levels is plenty.
  for (let depth = 0; depth < 64; depth++) {
    const known = asKnownCodec(current);
    if (known === undefined || !isWrapper(known)) {
      return current;
    }
    current = known.type;
  }
  return current;
}

/** A codec node that wraps another without changing the shape of its values. */
type WrapperCodec = Extract<
  KnownCodec,
  {
    readonly _tag:
      'DescribedType' | 'ReadonlyType' | 'ExactType' | 'RefinementType' | 'RecursiveType';
  }
>;

const WRAPPER_TAGS: ReadonlySet<string> = new Set<WrapperCodec['_tag']>([
  'DescribedType',
  'ReadonlyType',
  'ExactType',
  'RefinementType',
  'RecursiveType',
]);

function isWrapper(codec: KnownCodec): codec is WrapperCodec {
  return WRAPPER_TAGS.has(codec._tag);
}

/**
 * The values of a literal or `t.keyof` codec (through described and readonly
 * wrappers), or `undefined` for any other codec.
 */
export function literalValues(codec: object): (string | number | boolean)[] | undefined {
  const node = asKnownCodec(codec);
  if (node?._tag === 'LiteralType') {
    return [node.value];
  }
  if (node?._tag === 'KeyofType') {
    return Object.keys(node.keys);
  }
  if (node?._tag === 'ReadonlyType' || node?._tag === 'DescribedType') {
    return literalValues(node.type);
  }
  return undefined;
}

/**
 * The property codecs of an object codec (an interface, a partial, or an
 * intersection of those, through any wrappers), each as a list since intersected parts
 * may declare the same key; `undefined` when the codec is not such an object.
 */
export function objectFields(codec: object): ReadonlyMap<string, readonly t.Mixed[]> | undefined {
  const node = asKnownCodec(unwrapCodec(codec));
  if (node?._tag === 'InterfaceType' || node?._tag === 'PartialType') {
    return new Map(Object.entries(node.props).map(([key, field]) => [key, [field]]));
  }
  if (node?._tag !== 'IntersectionType') {
    return undefined;
  }
  const fields = new Map<string, t.Mixed[]>();
  for (const part of node.types) {
    const partFields = objectFields(part);
    if (partFields === undefined) {
      return undefined;
    }
    for (const [key, codecs] of partFields) {
      fields.set(key, [...(fields.get(key) ?? []), ...codecs]);
    }
  }
  return fields;
}

/** Whether a value is a JSON object (not an array, not `null`). */
export function isJSONObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
