/**
 * Constructors of {@link FieldError}s worded as upstream's
 * `k8s.io/apimachinery/pkg/util/validation/field` errors, and the helpers every
 * validator shares (paths, value rendering).
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';

/** Structural equality of JSON values; see `json-equal.ts`. */
export { jsonEqual } from '../json-equal.js';

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/** `Required value`, or `Required value: <detail>`. */
export function required(field: string, detail = ''): FieldError {
  return {
    reason: 'FieldValueRequired',
    field,
    message: detail === '' ? 'Required value' : `Required value: ${detail}`,
  };
}

/** `Invalid value: <value>: <detail>`, the value rendered as upstream prints it. */
export function invalid(field: string, value: unknown, detail: string): FieldError {
  return {
    reason: 'FieldValueInvalid',
    field,
    message: `Invalid value: ${renderValue(value)}: ${detail}`,
  };
}

/** `Unsupported value: <value>: supported values: "a", "b"`. */
export function notSupported(
  field: string,
  value: unknown,
  supported: readonly string[],
): FieldError {
  const values = supported.map((v) => JSON.stringify(v)).join(', ');
  return {
    reason: 'FieldValueNotSupported',
    field,
    message: `Unsupported value: ${renderValue(value)}: supported values: ${values}`,
  };
}

/** `Duplicate value: <value>`, or with `: <detail>` appended. */
export function duplicate(field: string, value: unknown, detail = ''): FieldError {
  const base = `Duplicate value: ${renderValue(value)}`;
  return {
    reason: 'FieldValueDuplicate',
    field,
    message: detail === '' ? base : `${base}: ${detail}`,
  };
}

/** `Forbidden: <detail>`. */
export function forbidden(field: string, detail: string): FieldError {
  return { reason: 'FieldValueForbidden', field, message: `Forbidden: ${detail}` };
}

/** `Too long: may not be more than <max> bytes`. */
export function tooLong(field: string, maxBytes: number): FieldError {
  return {
    reason: 'FieldValueTooLong',
    field,
    message: `Too long: may not be more than ${maxBytes} bytes`,
  };
}

/**
 * `Not found: <value>`, upstream's `field.NotFound`.
 *
 * Caveats: {@link FieldError}'s reasons have no `FieldValueNotFound` yet, so the
 * reason is `FieldValueInvalid`; the message is upstream's.
 */
export function notFound(field: string, value: unknown): FieldError {
  return { reason: 'FieldValueInvalid', field, message: `Not found: ${renderValue(value)}` };
}

// ---------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------

/** `parent.child`, or `child` at the root. */
export function child(parent: string, name: string): string {
  return parent === '' ? name : `${parent}.${name}`;
}

/** `parent[index]` or `parent[key]`, as upstream writes list indices and map keys. */
export function at(parent: string, indexOrKey: number | string): string {
  return `${parent}[${indexOrKey}]`;
}

/**
 * A value as upstream's field errors print it: strings quoted, numbers and booleans
 * bare, `null` for a missing value, anything else as JSON.
 */
export function renderValue(value: unknown): string {
  if (value === undefined || value === null) {
    return 'null';
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return JSON.stringify(value);
}

/** `'must be greater than or equal to 0'` unless `value` is at least 0. */
export function validateNonnegative(field: string, value: number | undefined): FieldError[] {
  return value !== undefined && value < 0
    ? [invalid(field, value, 'must be greater than or equal to 0')]
    : [];
}

/**
 * `parent.name`, or `parent` itself when `name` is empty: the path of a field that a
 * validator reports at only once it has found a problem, so that the happy path
 * builds no path string.
 */
export function fieldPath(parent: string, name: string): string {
  return name === '' ? parent : child(parent, name);
}
