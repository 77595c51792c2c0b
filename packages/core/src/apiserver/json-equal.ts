/**
 * Deep equality of JSON values, for telling whether a write changes anything.
 *
 * @module
 */

/**
 * Whether two JSON values are equal: same primitives, arrays equal item by item,
 * objects with the same keys (in any order) and equal values. Shared subtrees compare
 * by reference first, so comparing an object with its slightly changed copy is cheap.
 *
 * An object field whose value is `undefined` counts as absent, as in JSON.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) {
      return false;
    }
    for (let i = 0; i < a.length; i++) {
      if (!jsonEqual(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
  if (Array.isArray(b)) {
    return false;
  }
  const left = a as Readonly<Record<string, unknown>>;
  const right = b as Readonly<Record<string, unknown>>;
  for (const key in left) {
    const value = left[key];
    if (value === undefined ? right[key] !== undefined : !jsonEqual(value, right[key])) {
      return false;
    }
  }
  // Every defined field of `left` is in `right`; the converse makes them equal.
  for (const key in right) {
    if (right[key] !== undefined && !Object.prototype.hasOwnProperty.call(left, key)) {
      return false;
    }
  }
  return true;
}

/**
 * Whether two objects are equal outside the given top-level fields (such as
 * `metadata` and `status`): what decides whether a write changed an object's spec.
 */
export function jsonEqualExcept(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  ignored: ReadonlySet<string>,
): boolean {
  for (const key in a) {
    if (!ignored.has(key) && !jsonEqual(a[key], b[key])) {
      return false;
    }
  }
  for (const key in b) {
    if (!ignored.has(key) && !(key in a) && b[key] !== undefined) {
      return false;
    }
  }
  return true;
}
