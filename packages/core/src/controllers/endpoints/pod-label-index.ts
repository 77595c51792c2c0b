/**
 * A cache index of pods by namespace and label, so that a service's pods are read
 * from memory without scanning its namespace.
 *
 * @module
 */
import type { Pod } from '../../api/kinds/index.js';
import type { CacheReader, Indexer } from '../../reconcile/cache/index.js';
import { selectorMatches } from './endpoint-rules.js';

/** The name {@link byNamespacedLabel} is registered under in the pod caches of these controllers. */
export const NAMESPACED_LABEL_INDEX = 'namespacedLabel';

/** The value a pod of `namespace` with label `key=value` is filed under. */
export function namespacedLabelValue(namespace: string, key: string, value: string): string {
  return `${namespace}/${key}=${value}`;
}

/** Files a pod under `namespace/key=value` for each of its labels. */
export const byNamespacedLabel: Indexer<Pod> = (pod) => {
  const labels = pod.metadata?.labels;
  if (labels === undefined) {
    return [];
  }
  const namespace = pod.metadata?.namespace ?? '';
  const values: string[] = [];
  for (const key in labels) {
    values.push(namespacedLabelValue(namespace, key, labels[key] ?? ''));
  }
  return values;
};

/**
 * The pods of `namespace` whose labels match every label of `selector` (a non-empty
 * map selector, as a service's), read through {@link NAMESPACED_LABEL_INDEX}.
 *
 * Errors: the cache must have been created with that index (it throws
 * `UnknownIndexError` otherwise).
 */
export function podsSelectedBy(options: {
  readonly pods: CacheReader<Pod>;
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
}): readonly Pod[] {
  const { pods, namespace, selector } = options;
  const keys = Object.keys(selector);
  const [first] = keys;
  if (first === undefined) {
    return [];
  }
  const candidates = pods.byIndex(
    NAMESPACED_LABEL_INDEX,
    namespacedLabelValue(namespace, first, selector[first] ?? ''),
  );
  return keys.length === 1
    ? candidates
    : candidates.filter((pod) => selectorMatches(selector, pod.metadata?.labels));
}
