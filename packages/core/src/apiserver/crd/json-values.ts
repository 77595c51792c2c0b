/**
 * Small facts about JSON values that schema validation, pruning and defaulting share.
 *
 * @module
 */
import { isPlainObject } from '../api-object.js';

/** Structural equality of JSON values; see `json-equal.ts`. */
export { jsonEqual } from '../json-equal.js';

/** The JSON types a value may have, with `integer` for integral numbers. */
export type JSONValueType =
  'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

/** Whether `value` is a JSON object (not `null`, not an array). */
export const isJSONObject: (value: unknown) => value is Readonly<Record<string, unknown>> =
  isPlainObject;

/** The JSON type of `value`, as upstream names it in `must be of type` errors. */
export function jsonTypeOf(value: unknown): JSONValueType {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  if (typeof value === 'string') {
    return 'string';
  }
  if (typeof value === 'boolean') {
    return 'boolean';
  }
  return 'object';
}

/** Whether `object` has `key` as its own field (never one inherited, such as `constructor`). */
export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** The field `key` of a map of schemas, if it is the map's own (`properties`, for example). */
export function ownEntry<V>(
  map: { readonly [key: string]: V } | undefined,
  key: string,
): V | undefined {
  return map !== undefined && hasOwn(map, key) ? map[key] : undefined;
}

/** A deep copy of a JSON value, so a schema's `default` is never shared with an object. */
export function cloneJSON<T>(value: T): T {
  return structuredClone(value);
}
