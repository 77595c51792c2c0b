/**
 * Schema metadata (a description, a format, bounds, list types) attached to a codec
 * without changing how it decodes.
 *
 * @module
 */
import * as t from 'io-ts';
import type { JSONSchemaProps } from './openapi-schema.js';

/**
 * A codec that decodes, checks and encodes exactly as the codec it wraps, and carries
 * the schema metadata {@link toOpenAPISchema} adds to that codec's schema.
 *
 * Guarantees:
 * - `is`, `validate`, `decode` and `encode` are the inner codec's, and decoding adds
 *   no context entry, so error paths are unchanged;
 * - the metadata lives on this node of the codec tree, so it survives composition:
 *   `t.type({ port: withSchema(Int32, {...}) })`, `t.array(...)`, `t.partial(...)` and
 *   `t.exact(...)` keep the node, and {@link toOpenAPISchema} meets it where it is used.
 *   (A registry keyed by codec, such as a `WeakMap`, would attach the metadata to the
 *   codec value instead, so a shared codec such as `t.string` could carry only one
 *   description for all its uses.)
 */
export class DescribedType<C extends t.Mixed> extends t.Type<
  t.TypeOf<C>,
  t.OutputOf<C>,
  t.InputOf<C>
> {
  /** Tells a described codec apart from io-ts's own codec nodes. */
  readonly _tag = 'DescribedType' as const;

  /**
   * @param type - the codec that does the decoding.
   * @param schema - the schema fields that override or complete the inner codec's schema.
   * @param name - the codec's name; the inner codec's by default.
   */
  constructor(
    readonly type: C,
    readonly schema: JSONSchemaProps,
    name: string = type.name,
  ) {
    super(
      name,
      (u): u is t.TypeOf<C> => type.is(u),
      (u, c) => type.validate(u, c),
      (a) => type.encode(a) as t.OutputOf<C>,
    );
  }
}

/**
 * Attaches schema metadata to a codec: the result decodes as `codec` does, and
 * {@link toOpenAPISchema} merges `schema` over the schema it derives for `codec`
 * (fields of `schema` win).
 *
 * When `codec` is a custom `t.Type` that schema generation does not know, `schema`
 * must say what it is (a `type`, or `x-kubernetes-int-or-string` or
 * `x-kubernetes-preserve-unknown-fields`), and is used alone.
 *
 * @example
 * ```ts
 * const Replicas = withSchema(Int32, { description: 'Desired pods.', minimum: 0 });
 * toOpenAPISchema(Replicas);
 * // { type: 'integer', format: 'int32', description: 'Desired pods.', minimum: 0 }
 * ```
 */
export function withSchema<C extends t.Mixed>(
  codec: C,
  schema: JSONSchemaProps,
  name?: string,
): DescribedType<C> {
  return new DescribedType(codec, schema, name ?? codec.name);
}
