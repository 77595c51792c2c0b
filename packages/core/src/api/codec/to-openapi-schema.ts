/**
 * The OpenAPI v3 schema of an io-ts codec, for CRDs, `/openapi/v3` and docs.
 *
 * @module
 */
import type * as t from 'io-ts';
import { asKnownCodec, literalValues, type KnownCodec } from './codec-nodes.js';
import type { JSONSchemaProps, JSONSchemaType } from './openapi-schema.js';

/**
 * A codec {@link toOpenAPISchema} cannot express as a Kubernetes schema: a custom
 * `t.Type` without {@link withSchema} metadata, a record whose keys are not `t.string`,
 * a tuple, a function, `t.null` alone...
 *
 * The message names the codec and where in the schema it was met, for example
 * `cannot generate an OpenAPI schema for codec "Foo" at spec.containers[*].probe: ...`.
 */
export class UnsupportedCodecError extends TypeError {
  /** Tells this error apart from other tagged errors. */
  readonly _tag = 'UnsupportedCodecError';
  /** The `name` of the codec that has no schema. */
  readonly codecName: string;
  /**
   * Where the codec sits in the schema: field names joined by `.`, `[*]` for an
   * array's items and for a map's values, `<root>` for the top.
   */
  readonly schemaPath: string;

  /**
   * @param args.codecName - the codec's `name`.
   * @param args.schemaPath - where it was met.
   * @param args.detail - why it has no schema.
   */
  constructor(args: {
    readonly codecName: string;
    readonly schemaPath: string;
    readonly detail: string;
  }) {
    super(
      `cannot generate an OpenAPI schema for codec ${JSON.stringify(args.codecName)} at ` +
        `${args.schemaPath}: ${args.detail}`,
    );
    this.name = 'UnsupportedCodecError';
    this.codecName = args.codecName;
    this.schemaPath = args.schemaPath;
  }
}

/**
 * The OpenAPI v3 schema of a codec, in the structural form Kubernetes requires.
 *
 * | codec | schema |
 * |---|---|
 * | `t.string`, `t.number`, `t.boolean` | `type` string, number, boolean |
 * | `t.Int` | `type: integer` |
 * | `t.unknown` | `x-kubernetes-preserve-unknown-fields` |
 * | `t.literal(v)`, `t.keyof({...})` | the literal's type and `enum` |
 * | `t.union` | of literals: `enum`; with `t.null`: `nullable`; otherwise `anyOf` |
 * | `t.type`, `t.partial`, their `t.intersection` | `type: object`, `properties`, `required` = the keys of the `t.type` parts |
 * | `t.array`, `t.readonlyArray` | `type: array`, `items` |
 * | `t.record(t.string, V)` | `type: object`, `additionalProperties` |
 * | `t.exact`, `t.strict`, `t.readonly`, refinements, brands | the inner codec's schema |
 * | {@link withSchema}`(c, meta)` | `c`'s schema with `meta` merged over it |
 *
 * Guarantees:
 * - deterministic: properties and `required` keep the codec's declaration order;
 * - recursion: Kubernetes schemas cannot refer to themselves, so a `t.recursion` is
 *   expanded once, and where it would recur the schema has
 *   `{ x-kubernetes-preserve-unknown-fields: true }` (plus `type: object` when the
 *   recursive codec is an object): the apiserver keeps that subtree as is, and the
 *   codec still checks it when decoding;
 * - refinements (other than `t.Int`) check more than the schema says: a predicate
 *   cannot become a schema, so attach bounds or a pattern with {@link withSchema}.
 *
 * Errors: throws an {@link UnsupportedCodecError} naming the codec and its path for a
 * codec that has no Kubernetes schema. It is thrown, not returned, because it is a
 * mistake in a codec written in the program, found the first time its schema is built.
 */
export function toOpenAPISchema(codec: t.Mixed): JSONSchemaProps {
  return schemaOf(codec, '', new Set());
}

function schemaOf(codec: t.Mixed, path: string, expanding: Set<t.Mixed>): JSONSchemaProps {
  const node = asKnownCodec(codec);
  if (node === undefined) {
    return unsupported(
      codec,
      path,
      'io-ts codecs of this kind have no Kubernetes schema; wrap it with withSchema(codec, { type, ... })',
    );
  }
  return schemaOfKnown(node, path, expanding);
}

function schemaOfKnown(node: KnownCodec, path: string, expanding: Set<t.Mixed>): JSONSchemaProps {
  switch (node._tag) {
    case 'StringType':
      return { type: 'string' };
    case 'NumberType':
      return { type: 'number' };
    case 'BooleanType':
      return { type: 'boolean' };
    case 'UnknownType':
      return { 'x-kubernetes-preserve-unknown-fields': true };
    case 'AnyDictionaryType':
      return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    case 'AnyArrayType':
      return { type: 'array', items: { 'x-kubernetes-preserve-unknown-fields': true } };
    case 'NullType':
      return unsupported(
        node,
        path,
        'null alone has no OpenAPI v3.0 type; use t.union([codec, t.null])',
      );
    case 'LiteralType':
      return { type: jsonTypeOf(node.value), enum: [node.value] };
    case 'KeyofType':
      return { type: 'string', enum: Object.keys(node.keys) };
    case 'RefinementType':
      if (node.name === 'Int' && asKnownCodec(node.type)?._tag === 'NumberType') {
        return { type: 'integer' };
      }
      return schemaOf(node.type, path, expanding);
    case 'ReadonlyType':
    case 'ExactType':
      return schemaOf(node.type, path, expanding);
    case 'DescribedType':
      return describedSchema(node, path, expanding);
    case 'RecursiveType':
      return recursiveSchema(node, path, expanding);
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return { type: 'array', items: schemaOf(node.type, `${path}[*]`, expanding) };
    case 'DictionaryType':
      if (asKnownCodec(node.domain)?._tag !== 'StringType') {
        return unsupported(node, path, 'only records with t.string keys have a schema');
      }
      return {
        type: 'object',
        additionalProperties: schemaOf(node.codomain, `${path}[*]`, expanding),
      };
    case 'InterfaceType':
    case 'PartialType':
    case 'IntersectionType':
      return objectSchema(node, path, expanding);
    case 'UnionType':
      return unionSchema(node, path, expanding);
  }
}

function describedSchema(
  node: KnownCodec & { readonly _tag: 'DescribedType' },
  path: string,
  expanding: Set<t.Mixed>,
): JSONSchemaProps {
  const standsAlone =
    node.schema.type !== undefined ||
    node.schema['x-kubernetes-int-or-string'] === true ||
    node.schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (standsAlone && asKnownCodec(node.type) === undefined) {
    return node.schema;
  }
  return { ...schemaOf(node.type, path, expanding), ...node.schema };
}

function recursiveSchema(
  node: t.RecursiveType<t.Mixed>,
  path: string,
  expanding: Set<t.Mixed>,
): JSONSchemaProps {
  if (expanding.has(node)) {
    const isObject = ['InterfaceType', 'PartialType', 'IntersectionType'].includes(
      asKnownCodec(node.type)?._tag ?? '',
    );
    return isObject
      ? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }
      : { 'x-kubernetes-preserve-unknown-fields': true };
  }
  expanding.add(node);
  try {
    return schemaOf(node.type, path, expanding);
  } finally {
    expanding.delete(node);
  }
}

function objectSchema(
  node: t.InterfaceType<t.Props> | t.PartialType<t.Props> | t.IntersectionType<t.Mixed[]>,
  path: string,
  expanding: Set<t.Mixed>,
): JSONSchemaProps {
  const properties: Record<string, JSONSchemaProps> = {};
  const required: string[] = [];
  const parts: JSONSchemaProps[] = [];
  collectObjectParts(node, path, expanding, { properties, required, parts });
  if (parts.length > 0) {
    const merged: JSONSchemaProps = objectOf(properties, required);
    return { allOf: [merged, ...parts] };
  }
  return objectOf(properties, required);
}

function objectOf(
  properties: Record<string, JSONSchemaProps>,
  required: string[],
): JSONSchemaProps {
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

// Gathers the fields of an interface, a partial, or an intersection of them (through
// exact and readonly wrappers). Parts that are not such objects are kept apart for an
// `allOf`.
function collectObjectParts(
  codec: t.Mixed,
  path: string,
  expanding: Set<t.Mixed>,
  into: {
    properties: Record<string, JSONSchemaProps>;
    required: string[];
    parts: JSONSchemaProps[];
  },
): void {
  const node = asKnownCodec(codec);
  if (node?._tag === 'InterfaceType' || node?._tag === 'PartialType') {
    for (const [key, field] of Object.entries(node.props)) {
      into.properties[key] = schemaOf(field, path === '' ? key : `${path}.${key}`, expanding);
      if (node._tag === 'InterfaceType' && !into.required.includes(key)) {
        into.required.push(key);
      }
    }
  } else if (node?._tag === 'IntersectionType') {
    for (const part of node.types) {
      collectObjectParts(part, path, expanding, into);
    }
  } else if (node?._tag === 'ExactType' || node?._tag === 'ReadonlyType') {
    collectObjectParts(node.type, path, expanding, into);
  } else {
    into.parts.push(schemaOf(codec, path, expanding));
  }
}

function unionSchema(
  node: t.UnionType<t.Mixed[]>,
  path: string,
  expanding: Set<t.Mixed>,
): JSONSchemaProps {
  const members = node.types.filter((member) => asKnownCodec(member)?._tag !== 'NullType');
  const nullable = members.length < node.types.length ? { nullable: true } : {};
  const literals = members.map((member) => literalValues(member));
  if (members.length > 0 && literals.every((values) => values !== undefined)) {
    const values = literals.flat();
    const types = new Set(values.map(jsonTypeOf));
    const [only] = types;
    if (types.size === 1 && only !== undefined) {
      return { type: only, enum: values, ...nullable };
    }
  }
  const [single] = members;
  if (members.length === 1 && single !== undefined) {
    return { ...schemaOf(single, path, expanding), ...nullable };
  }
  if (members.length === 0) {
    return unsupported(node, path, 'a union of nulls has no OpenAPI v3.0 type');
  }
  const anyOf = members.map((member) => schemaOf(member, path, expanding));
  const types = new Set(anyOf.map((schema) => schema.type));
  const [shared] = types;
  return {
    ...(types.size === 1 && shared !== undefined ? { type: shared } : {}),
    anyOf,
    ...nullable,
  };
}

function jsonTypeOf(value: string | number | boolean): JSONSchemaType {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value === 'string' ? 'string' : 'boolean';
}

function unsupported(codec: t.Mixed, path: string, detail: string): never {
  throw new UnsupportedCodecError({
    codecName: codec.name,
    schemaPath: path === '' ? '<root>' : path,
    detail,
  });
}
