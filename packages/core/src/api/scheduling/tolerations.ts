/**
 * Whether a pod's tolerations tolerate a node's taints, as upstream's
 * component-helpers read them: the scheduler's TaintToleration plugin and the node
 * lifecycle controller's NoExecute eviction agree through these.
 *
 * @module
 */
import type { Taint, Toleration } from '../kinds/index.js';

/**
 * Whether `toleration` tolerates `taint`: the effects match (an empty toleration
 * effect matches all), the keys match (an empty toleration key matches every key),
 * and with `Equal` (the default) the values are equal; with `Exists` any value.
 */
export function tolerationToleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect !== undefined && toleration.effect !== taint.effect) {
    return false;
  }
  const key = toleration.key ?? '';
  if (key !== '' && key !== taint.key) {
    return false;
  }
  if (toleration.operator === 'Exists') {
    return true;
  }
  return (toleration.value ?? '') === (taint.value ?? '');
}

/**
 * The first of `taints` that none of `tolerations` tolerates, among those `filter`
 * keeps (all by default); `undefined` when every kept taint is tolerated.
 */
export function findUntoleratedTaint(options: {
  readonly taints: readonly Taint[];
  readonly tolerations: readonly Toleration[];
  readonly filter?: (taint: Taint) => boolean;
}): Taint | undefined {
  const { taints, tolerations, filter } = options;
  for (const taint of taints) {
    if (filter !== undefined && !filter(taint)) {
      continue;
    }
    if (!tolerations.some((toleration) => tolerationToleratesTaint(toleration, taint))) {
      return taint;
    }
  }
  return undefined;
}

/**
 * How long the pod may stay on a node with the NoExecute `taints`: `0` when one is not
 * tolerated, else the smallest `tolerationSeconds` (seconds, a negative one counting
 * as 0) of the tolerations used, or `undefined` when every one is tolerated forever.
 *
 * As upstream's taint eviction (`GetMatchingTolerations` then `getMinTolerationTime`),
 * each taint uses the first toleration, in the pod's order, that tolerates it: a later
 * toleration of the same taint with a shorter `tolerationSeconds` does not count.
 */
export function noExecuteTolerationSeconds(options: {
  readonly taints: readonly Taint[];
  readonly tolerations: readonly Toleration[];
}): number | undefined {
  let least: number | undefined;
  for (const taint of options.taints) {
    if (taint.effect !== 'NoExecute') {
      continue;
    }
    const used = options.tolerations.find((toleration) =>
      tolerationToleratesTaint(toleration, taint),
    );
    if (used === undefined) {
      return 0;
    }
    const seconds = used.tolerationSeconds;
    if (seconds !== undefined) {
      const bounded = Math.max(0, seconds);
      least = least === undefined ? bounded : Math.min(least, bounded);
    }
  }
  return least;
}
