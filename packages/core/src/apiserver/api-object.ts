/**
 * The objects the apiserver reads and writes: JSON values with `apiVersion`, `kind`
 * and `metadata`, shared by reference and never modified.
 *
 * @module
 */
import type { ObjectMeta } from '../api/meta/index.js';

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

/** An object's `metadata`, or an empty one. */
export function metadataOf(object: ApiObject): ObjectMeta {
  return object.metadata ?? EMPTY_METADATA;
}

const EMPTY_METADATA: ObjectMeta = Object.freeze({});

/** Whether a value is a JSON object (not `null`, not an array). */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
