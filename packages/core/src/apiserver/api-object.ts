/**
 * The objects the apiserver reads and writes: JSON values with `apiVersion`, `kind`
 * and `metadata`, shared by reference and never modified.
 *
 * @module
 */
import { isJSONObject } from '../api/codec/codec-nodes.js';
import type { ObjectMeta } from '../api/meta/index.js';
import { recordSizeBound } from '../store/index.js';

/**
 * A Kubernetes object as the apiserver stores and serves it: any JSON object with
 * `apiVersion`, `kind` and `metadata`.
 *
 * Guarantees: every object the apiserver hands out is deeply frozen and shared by
 * reference with every other reader; writers build new objects.
 */
export interface ApiObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: ObjectMeta;
  readonly [field: string]: unknown;
}

/** Whether a value is a JSON object (not `null`, not an array): the codec layer's check. */
export const isPlainObject: (value: unknown) => value is Readonly<Record<string, unknown>> =
  isJSONObject;

/**
 * Freezes a JSON value and everything under it, in place, and returns it. Objects that
 * are already frozen are assumed frozen all the way down (the apiserver only ever
 * freezes whole trees), so shared subtrees are not walked twice.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) {
    return value;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      deepFreeze(item);
    }
  } else {
    for (const key in value) {
      deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return Object.freeze(value);
}

// Upper bounds of the JSON size of frozen subtrees, remembered for those with a few
// fields: the next revision of an object shares most of them.
const sizeBounds = new WeakMap<object, number>();

/** Subtrees with fewer fields are bounded again each time rather than remembered. */
const REMEMBER_FROM_FIELDS = 8;

const OBJECT_PROTOTYPE = Object.prototype;
const ARRAY_PROTOTYPE = Array.prototype;
const prototypeOf = Object.getPrototypeOf;
const isFrozen = Object.isFrozen;
const freeze = Object.freeze;

/**
 * Freezes an object about to be stored, all the way down, and tells the store an upper
 * bound of its JSON size (see `recordSizeBound`), measured on the way: the store can
 * then admit it without encoding it.
 */
export function freezeForStorage<T extends object>(value: T): T {
  recordSizeBound(value, freezeAndBound(value));
  return value;
}

/**
 * Freezes `value` and everything under it; returns an upper bound of the UTF-8 length
 * of its JSON encoding: at most 6 bytes per UTF-16 unit of a string (a `\uXXXX`
 * escape), 24 per number, and the punctuation around them. An object that is not a
 * plain object or array (a class instance, which may encode to anything through its
 * `toJSON`) has no bound: `Infinity`.
 */
function freezeAndBound(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return 6 * value.length + 2;
    case 'object':
      return value === null ? 4 : freezeAndBoundObject(value);
    case 'number':
      return 24;
    case 'boolean':
      return 5;
    case 'bigint':
      // JSON.stringify refuses them; the exact measure will say so.
      return Infinity;
    case 'undefined':
    case 'function':
    case 'symbol':
      // Left out of objects, or `null` in arrays.
      return 4;
  }
}

/** {@link freezeAndBound} of an object or array. */
function freezeAndBoundObject(value: object): number {
  // Only frozen objects have a remembered bound: this one was bounded before.
  const frozen = isFrozen(value);
  if (frozen) {
    const known = sizeBounds.get(value);
    if (known !== undefined) {
      return known;
    }
  }
  const prototype: unknown = prototypeOf(value);
  if (prototype === ARRAY_PROTOTYPE) {
    const items = value as readonly unknown[];
    const length = items.length;
    let bound = 2 + length;
    for (let i = 0; i < length; i++) {
      const item = items[i];
      bound += typeof item === 'string' ? 6 * item.length + 2 : freezeAndBound(item);
    }
    if (!frozen) {
      freeze(value);
    }
    if (length >= REMEMBER_FROM_FIELDS) {
      sizeBounds.set(value, bound);
    }
    return bound;
  }
  if (prototype !== OBJECT_PROTOTYPE && prototype !== null) {
    // A class instance (a Date...) may encode to anything through its toJSON.
    deepFreeze(value);
    return Infinity;
  }
  let bound = 2;
  let fields = 0;
  const record = value as Readonly<Record<string, unknown>>;
  for (const key in record) {
    const field = record[key];
    bound +=
      6 * key.length +
      4 +
      (typeof field === 'string' ? 6 * field.length + 2 : freezeAndBound(field));
    fields++;
  }
  if (!frozen) {
    freeze(value);
  }
  if (fields >= REMEMBER_FROM_FIELDS) {
    sizeBounds.set(value, bound);
  }
  return bound;
}
