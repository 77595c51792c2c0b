/**
 * The OpenAPI v3 schema objects Kubernetes uses: `apiextensions.k8s.io/v1`
 * `JSONSchemaProps`, the shape of a CRD's `openAPIV3Schema` and of the schemas in
 * `/openapi/v3`.
 *
 * @module
 */

/** A JSON value, as schemas hold them in `enum` and `default`. */
export type JSONValue =
  string | number | boolean | null | readonly JSONValue[] | { readonly [key: string]: JSONValue };

/** The JSON types a schema's `type` may name (OpenAPI v3.0 has no `'null'`: see `nullable`). */
export type JSONSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

/**
 * One node of an OpenAPI v3 schema, restricted to the subset Kubernetes accepts in a
 * structural schema, with its `x-kubernetes-*` extensions.
 *
 * Kubernetes requires every node to have a `type`, unless it is
 * `x-kubernetes-int-or-string` or `x-kubernetes-preserve-unknown-fields`; `anyOf`,
 * `oneOf` and `allOf` may only refine a node, never add types or properties to it.
 */
export interface JSONSchemaProps {
  readonly type?: JSONSchemaType;
  /** Such as `int32`, `int64`, `date-time`, `byte`. */
  readonly format?: string;
  readonly description?: string;
  /** The fields of an object. */
  readonly properties?: { readonly [name: string]: JSONSchemaProps };
  /** The fields of `properties` that must be present. */
  readonly required?: readonly string[];
  /** The schema of an array's items. */
  readonly items?: JSONSchemaProps;
  /** The schema of a map's values (an object with arbitrary keys), or whether any are allowed. */
  readonly additionalProperties?: JSONSchemaProps | boolean;
  /** The only values allowed. */
  readonly enum?: readonly JSONValue[];
  /** Whether `null` is allowed as well as values of `type`. */
  readonly nullable?: boolean;
  /** The value the apiserver fills in when the field is absent. */
  readonly default?: JSONValue;
  readonly minimum?: number;
  readonly maximum?: number;
  /** A number must be a multiple of this. */
  readonly multipleOf?: number;
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** An ECMA 262 regular expression a string must match. */
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly anyOf?: readonly JSONSchemaProps[];
  readonly oneOf?: readonly JSONSchemaProps[];
  readonly allOf?: readonly JSONSchemaProps[];
  readonly not?: JSONSchemaProps;
  /** An integer or a string, such as a port (`8080` or `'http'`) or a quantity. */
  readonly 'x-kubernetes-int-or-string'?: boolean;
  /** Keep fields the schema does not name, instead of pruning them. */
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  /** The value is a whole Kubernetes object, with `apiVersion`, `kind` and `metadata`. */
  readonly 'x-kubernetes-embedded-resource'?: boolean;
  /** How server-side apply merges a list: `atomic`, `set` or `map` (by `x-kubernetes-list-map-keys`). */
  readonly 'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  /** The fields that identify an item of a `map` list. */
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
  /** How server-side apply merges an object: `granular` (per field) or `atomic`. */
  readonly 'x-kubernetes-map-type'?: 'granular' | 'atomic';
  /**
   * How a strategic merge patch merges a list: `merge` (items by
   * `x-kubernetes-patch-merge-key`), `retainKeys`, or both (`merge,retainKeys`);
   * lists without one are replaced.
   */
  readonly 'x-kubernetes-patch-strategy'?: string;
  /** The field that identifies an item of a list merged by strategic merge patches. */
  readonly 'x-kubernetes-patch-merge-key'?: string;
}
