/**
 * Field errors worded as `k8s.io/apimachinery/pkg/util/validation/field` words them,
 * and field paths built as its `field.Path` prints them.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/field-error.js';
import { renderValue } from '../validation/field-errors.js';

export {
  duplicate,
  forbidden,
  invalid,
  renderValue,
  required,
  tooLong,
} from '../validation/field-errors.js';

/** `key` under `path`, as `field.Path.Child` prints it: joined with `.` unless `path` is the root. */
export function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** `path[key]`, as `field.Path.Key` and `field.Path.Index` print a map key or a list index. */
export function keyPath(path: string, key: string | number): string {
  return `${path}[${String(key)}]`;
}

/** `Invalid value: "<json type>": must be of type <types>`: `FieldValueTypeInvalid`. */
export function typeInvalid(
  field: string,
  actualType: string,
  types: readonly string[],
): FieldError {
  return {
    reason: 'FieldValueTypeInvalid',
    field,
    message: `Invalid value: ${JSON.stringify(actualType)}: must be of type ${types.join(' or ')}`,
  };
}

/** `Unsupported value: <value>: supported values: "a", "b"`: `FieldValueNotSupported`. */
export function notSupported(
  field: string,
  value: unknown,
  supported: readonly unknown[],
): FieldError {
  return {
    reason: 'FieldValueNotSupported',
    field,
    message: `Unsupported value: ${renderValue(value)}: supported values: ${supported
      .map((v) => JSON.stringify(v))
      .join(', ')}`,
  };
}

/** `Too many: <actual>: must have at most <max> items`: `FieldValueTooMany`. */
export function tooMany(field: string, actual: number, max: number): FieldError {
  return {
    reason: 'FieldValueTooMany',
    field,
    message: `Too many: ${String(actual)}: must have at most ${String(max)} items`,
  };
}
