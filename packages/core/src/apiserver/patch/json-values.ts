/**
 * Plain JSON values as the patch algorithms see them: objects, arrays and primitives,
 * compared structurally.
 *
 * @module
 */
import { isPlainObject } from '../api-object.js';

/** Structural equality of JSON values; see `json-equal.ts`. */
export { jsonEqual } from '../json-equal.js';

/** A JSON object: a non-null, non-array object, read only. */
export type JsonObject = { readonly [key: string]: unknown };

/** Whether a value is a JSON object (not `null`, not an array). */
export const isJsonObject: (value: unknown) => value is JsonObject = isPlainObject;

/** Whether a JSON object has its own property `key` (never one from the prototype). */
export function hasKey(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * The name Go's `encoding/json` gives a JSON value's type in its unmarshalling errors
 * (`object`, `array`, `string`, `number`, `bool`, `null`).
 */
export function goJsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

/** A copy of a JSON object without the key. */
export function withoutKey(object: JsonObject, key: string): JsonObject {
  const copy: Record<string, unknown> = { ...object };
  delete copy[key];
  return copy;
}

/**
 * Sets an own, enumerable property, even one named `__proto__` (which plain assignment
 * would treat as the prototype): JSON documents may hold any key.
 */
export function setKey(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Whether a value is a JSON array (typed as read-only items of unknown type). */
export function isJsonArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}
