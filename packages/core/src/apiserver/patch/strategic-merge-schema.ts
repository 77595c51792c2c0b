/**
 * What an OpenAPI v3 schema says about strategic merge: the schema of a field, and
 * how a list merges.
 *
 * @module
 */
import type { JSONSchemaProps } from '../../api/codec/openapi-schema.js';

/**
 * A schema node, with the two extensions upstream's `/openapi/v3` documents carry for
 * strategic merge patch (from the Go types' `patchStrategy` and `patchMergeKey` tags).
 */
export interface StrategicMergeSchema extends Omit<
  JSONSchemaProps,
  'properties' | 'items' | 'additionalProperties'
> {
  /** The fields of an object. */
  readonly properties?: { readonly [name: string]: StrategicMergeSchema };
  /** The schema of an array's items. */
  readonly items?: StrategicMergeSchema;
  /** The schema of a map's values, or whether any are allowed. */
  readonly additionalProperties?: StrategicMergeSchema | boolean;
  /** `merge`, `replace`, `retainKeys` or a comma-separated mix, such as `merge,retainKeys`. */
  readonly 'x-kubernetes-patch-strategy'?: string;
  /** The field that identifies an item of a list merged by key, such as `name`. */
  readonly 'x-kubernetes-patch-merge-key'?: string;
}

/**
 * How a list merges: its items matched by one key field and merged in place, as a set of
 * primitives, or replaced whole.
 */
export type ListMergeStrategy =
  | { readonly _tag: 'MergeByKey'; readonly key: string }
  | { readonly _tag: 'MergeAsSet' }
  | { readonly _tag: 'Replace' };

/**
 * The schema of an object's field: its `properties` entry, else its `additionalProperties`
 * schema (a map's values); `undefined` when the schema does not describe it.
 */
export function fieldSchema(
  schema: StrategicMergeSchema | undefined,
  field: string,
): StrategicMergeSchema | undefined {
  if (schema === undefined) return undefined;
  const properties = schema.properties;
  if (properties !== undefined && Object.prototype.hasOwnProperty.call(properties, field)) {
    return properties[field];
  }
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

/** The schema of a list's items, if any. */
export function itemSchema(
  schema: StrategicMergeSchema | undefined,
): StrategicMergeSchema | undefined {
  return schema?.items;
}

/** Whether the schema's patch strategy asks for `replace` (an object or list replaced whole). */
export function replacesWhole(schema: StrategicMergeSchema | undefined): boolean {
  return patchStrategies(schema).includes('replace');
}

/**
 * How a list with this schema merges:
 * - `x-kubernetes-patch-strategy` containing `merge` with `x-kubernetes-patch-merge-key`:
 *   by that key (upstream's Go tags);
 * - else `x-kubernetes-list-type: map`: by the first of `x-kubernetes-list-map-keys`. For
 *   every built-in type upstream's `patchMergeKey` is the first list-map key (ports by
 *   `containerPort`, not also `protocol`; topology spread constraints by `topologyKey`),
 *   so the first key reproduces upstream's strategic merge, where all keys would not;
 * - `x-kubernetes-list-type: set`, or `merge` without a key: as a set of primitives;
 * - anything else (`atomic`, no schema): replaced whole.
 */
export function listMergeStrategy(schema: StrategicMergeSchema | undefined): ListMergeStrategy {
  if (schema === undefined) return { _tag: 'Replace' };
  const strategies = patchStrategies(schema);
  if (strategies.includes('replace')) return { _tag: 'Replace' };
  const mergeKey = schema['x-kubernetes-patch-merge-key'];
  if (strategies.includes('merge') && mergeKey !== undefined)
    return { _tag: 'MergeByKey', key: mergeKey };
  const mapKey = schema['x-kubernetes-list-map-keys']?.[0];
  if (schema['x-kubernetes-list-type'] === 'map' && mapKey !== undefined) {
    return { _tag: 'MergeByKey', key: mapKey };
  }
  if (schema['x-kubernetes-list-type'] === 'set' || strategies.includes('merge')) {
    return { _tag: 'MergeAsSet' };
  }
  return { _tag: 'Replace' };
}

function patchStrategies(schema: StrategicMergeSchema | undefined): readonly string[] {
  return (schema?.['x-kubernetes-patch-strategy'] ?? '').split(',').map((s) => s.trim());
}
