/**
 * Getters for selectable fields that read plain, untyped objects safely: every step of
 * the path is checked, and anything missing or of another type reads as absent.
 *
 * Non-string fields are written as upstream's field sets write them: booleans with
 * `strconv.FormatBool` and integers with `strconv.Itoa`, where a missing value is Go's
 * zero value (`false`, `0`), so `spec.unschedulable=false` selects nodes that do not
 * set the field at all.
 *
 * @module
 */

/** A selectable field's getter: the field's value as a string, or `undefined` if absent. */
export type FieldGetter<T = unknown> = (object: T) => string | undefined;

/**
 * The value at a dotted path (`spec.nodeName`) of an untyped object, or `undefined`
 * when any step is missing or not a plain object. Only own properties are read.
 */
export function valueAtPath(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) {
      return undefined;
    }
    if (!Object.hasOwn(current, key)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A getter for a string field at a dotted path; anything but a string reads as absent. */
export function stringFieldGetter(path: string): FieldGetter {
  return (object) => {
    const value = valueAtPath(object, path);
    return typeof value === 'string' ? value : undefined;
  };
}

/**
 * A getter for a boolean field at a dotted path, written `'true'` or `'false'`; a
 * missing field (or one that is not a boolean) reads as `'false'`, as upstream does.
 */
export function booleanFieldGetter(path: string): FieldGetter {
  return (object) => (valueAtPath(object, path) === true ? 'true' : 'false');
}

/**
 * A getter for an integer field at a dotted path, written in decimal; a missing field
 * (or one that is not an integer) reads as `'0'`, as upstream does.
 */
export function integerFieldGetter(path: string): FieldGetter {
  return (object) => {
    const value = valueAtPath(object, path);
    return typeof value === 'number' && Number.isInteger(value) ? String(value) : '0';
  };
}
