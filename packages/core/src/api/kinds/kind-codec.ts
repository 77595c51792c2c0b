/**
 * The parts every kind's codec shares: its literal `apiVersion` and `kind`, and its
 * `<Kind>List`.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema, type DescribedType } from '../codec/index.js';
import { ListMeta } from '../meta/index.js';

/** The props of {@link typeMetaOf}: `apiVersion` and `kind` as literal-typed codecs. */
export interface TypeMetaProps<V extends string, K extends string> extends t.Props {
  readonly apiVersion: DescribedType<t.LiteralC<V>>;
  readonly kind: DescribedType<t.LiteralC<K>>;
}

/**
 * The props of one kind's `metav1.TypeMeta`: `apiVersion` and `kind` as literals
 * (`t.literal('v1')`, `t.literal('ConfigMap')`), to spread into the kind's `t.partial`.
 *
 * Both are optional, as upstream: the apiserver always writes them in responses, but a
 * client may leave them out of a request body, where the URL says what they are. When
 * present, they must be this kind's (a `Secret` body with `kind: ConfigMap` is
 * `FieldValueNotSupported`). Schema: `{ type: string, enum: [value] }`.
 */
export function typeMetaOf<V extends string, K extends string>(
  apiVersion: V,
  kind: K,
): TypeMetaProps<V, K> {
  return {
    apiVersion: withSchema(t.literal(apiVersion), {
      description:
        'APIVersion defines the versioned schema of this representation of an object. ' +
        'Optional in requests, where the URL implies it.',
    }),
    kind: withSchema(t.literal(kind), {
      description:
        'Kind is a string value representing the REST resource this object represents. ' +
        'Optional in requests, where the URL implies it.',
    }),
  };
}

/** The codec {@link listOf} builds: a kind's list, as upstream's `<Kind>List`. */
export type ListCodec<V extends string, K extends string, C extends t.Mixed> = DescribedType<
  t.IntersectionC<
    [
      t.PartialC<TypeMetaProps<V, K> & { readonly metadata: typeof ListMeta }>,
      t.TypeC<{ readonly items: DescribedType<t.ArrayC<C>> }>,
    ]
  >
>;

/**
 * The codec of a kind's list (`ConfigMapList`, `LeaseList`...): the list's literal
 * `apiVersion` and `kind` (optional, see {@link typeMetaOf}), `metadata` as
 * {@link ListMeta} (optional) and `items` (required).
 */
export function listOf<V extends string, K extends string, C extends t.Mixed>(args: {
  /** The list's `apiVersion`, the same as its items'. */
  readonly apiVersion: V;
  /** The list's kind: the items' kind and `List`. */
  readonly kind: K;
  /** The codec of one item. */
  readonly item: C;
  /** The list's description; its items are "a list of" the item's plural. */
  readonly description: string;
}): ListCodec<V, K, C> {
  return withSchema(
    t.intersection([
      t.partial({ ...typeMetaOf(args.apiVersion, args.kind), metadata: ListMeta }),
      t.type({
        items: withSchema(t.array(args.item), { description: `Items of the ${args.kind}.` }),
      }),
    ]),
    { description: args.description },
    args.kind,
  );
}
