/**
 * Which pods a ReplicaSet with too many deletes first: the ones whose loss costs
 * least, as upstream's `ActivePods` ordering.
 *
 * @module
 */
import type { Pod } from '../../api/kinds/index.js';
import { isPodReady, readyConditionOf } from './pod-readiness.js';

/** Phases by how far along a pod is: earlier phases are deleted first. */
const PHASE_RANK: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * Orders two pods for deletion: negative when `a` should go before `b`.
 *
 * In order of precedence, a pod goes first when it is:
 * 1. unscheduled (no `spec.nodeName`) and the other is scheduled;
 * 2. in an earlier phase (`Pending`, then `Unknown`, then `Running`);
 * 3. not ready and the other is ready;
 * 4. ready more recently (both ready: later `Ready` `lastTransitionTime`);
 * 5. restarted more (the sum of its containers' `restartCount`);
 * 6. newer (later `metadata.creationTimestamp`).
 */
export function compareForDeletion(a: Pod, b: Pod): number {
  const scheduled = Number(isScheduled(a)) - Number(isScheduled(b));
  if (scheduled !== 0) {
    return scheduled;
  }
  const phase = phaseRank(a) - phaseRank(b);
  if (phase !== 0) {
    return phase;
  }
  const ready = Number(isPodReady(a)) - Number(isPodReady(b));
  if (ready !== 0) {
    return ready;
  }
  if (isPodReady(a)) {
    const readySince =
      timeOf(readyConditionOf(b)?.lastTransitionTime) -
      timeOf(readyConditionOf(a)?.lastTransitionTime);
    if (readySince !== 0 && !Number.isNaN(readySince)) {
      return readySince;
    }
  }
  const restarts = restartsOf(b) - restartsOf(a);
  if (restarts !== 0) {
    return restarts;
  }
  const age = timeOf(b.metadata?.creationTimestamp) - timeOf(a.metadata?.creationTimestamp);
  return Number.isNaN(age) ? 0 : age;
}

/**
 * The `count` pods of `pods` to delete first, by {@link compareForDeletion}; all of
 * them when `count` is at least their number. Never changes `pods`.
 */
export function podsToDelete(pods: readonly Pod[], count: number): readonly Pod[] {
  return [...pods].sort(compareForDeletion).slice(0, Math.max(0, count));
}

function isScheduled(pod: Pod): boolean {
  return (pod.spec?.nodeName ?? '') !== '';
}

function phaseRank(pod: Pod): number {
  return PHASE_RANK[pod.status?.phase ?? 'Pending'] ?? 0;
}

function restartsOf(pod: Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce(
    (sum, status) => sum + status.restartCount,
    0,
  );
}

/** The time of a timestamp, in ms; `NaN` when absent or unparseable. */
function timeOf(timestamp: string | null | undefined): number {
  return typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
}
