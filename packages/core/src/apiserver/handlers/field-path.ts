/**
 * Reading and writing a field by a simple JSON path (`.spec.replicas`), as the scale
 * subresource's paths name them.
 *
 * @module
 */
import { isPlainObject } from '../api-object.js';

/** The steps of a simple path: `.spec.replicas` → `['spec', 'replicas']`. */
export function pathSteps(path: string): readonly string[] {
  return path.split('.').filter((step) => step !== '');
}

/** The value at a simple path, or `undefined` when a step is missing. */
export function valueAt(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const step of pathSteps(path)) {
    if (!isPlainObject(current)) {
      return undefined;
    }
    current = current[step];
  }
  return current;
}

/**
 * A copy of `object` with `value` at a simple path, creating the objects on the way;
 * everything off the path is shared.
 */
export function withValueAt(
  object: Readonly<Record<string, unknown>>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const steps = pathSteps(path);
  const set = (node: unknown, index: number): unknown => {
    if (index === steps.length) {
      return value;
    }
    const step = steps[index]!;
    const base = isPlainObject(node) ? node : {};
    return { ...base, [step]: set(base[step], index + 1) };
  };
  return set(object, 0) as Record<string, unknown>;
}
