/**
 * What the ReplicaSet controller reads of a pod: whether it is active, ready, and
 * available (ready for long enough), as upstream's `controller` and `podutil` helpers.
 *
 * @module
 */
import type { Pod, PodCondition } from '../../api/kinds/index.js';
import { findCondition } from '../../reconcile/helpers/index.js';

/**
 * Whether a pod counts towards its ReplicaSet's replicas: not being deleted (no
 * `deletionTimestamp`) and not finished (phase neither `Succeeded` nor `Failed`),
 * as upstream's `IsPodActive`.
 */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return (
    pod.metadata?.deletionTimestamp === undefined && phase !== 'Succeeded' && phase !== 'Failed'
  );
}

/** The pod's `Ready` condition, if it has one. */
export function readyConditionOf(pod: Pod): PodCondition | undefined {
  return findCondition(pod.status?.conditions, 'Ready');
}

/** Whether the pod's `Ready` condition is `True`. */
export function isPodReady(pod: Pod): boolean {
  return readyConditionOf(pod)?.status === 'True';
}

/**
 * When (ms since the epoch) a ready pod becomes available: the `lastTransitionTime`
 * of its `Ready` condition plus `minReadySeconds`. `undefined` when the pod is not
 * ready, or when `minReadySeconds` is positive and the transition time is unknown
 * (absent, `null` or unparseable), as upstream's `IsPodAvailable`.
 *
 * Caveats: with `minReadySeconds` 0 a ready pod is available at once (`-Infinity`).
 */
export function availableSince(pod: Pod, minReadySeconds: number): number | undefined {
  const ready = readyConditionOf(pod);
  if (ready?.status !== 'True') {
    return undefined;
  }
  if (minReadySeconds <= 0) {
    return Number.NEGATIVE_INFINITY;
  }
  const transition = ready.lastTransitionTime;
  const since = typeof transition === 'string' ? Date.parse(transition) : Number.NaN;
  return Number.isNaN(since) ? undefined : since + minReadySeconds * 1000;
}

/**
 * Whether the pod is available at `now` (ms): ready for at least `minReadySeconds`.
 *
 * Caveats: upstream compares in nanoseconds with a strict "before"; at the
 * millisecond precision of the clock, "at least" is the same reading.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const since = availableSince(pod, minReadySeconds);
  return since !== undefined && since <= now;
}
