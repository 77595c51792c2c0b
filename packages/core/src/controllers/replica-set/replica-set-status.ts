/**
 * The status a ReplicaSet reports about its pods (upstream's `calculateStatus`).
 *
 * @module
 */
import type { Pod, ReplicaSet, ReplicaSetStatus } from '../../api/kinds/index.js';
import { availableSince, isPodReady } from './pod-readiness.js';

/** A computed status, and when it will change by time alone. */
export interface ComputedReplicaSetStatus {
  readonly status: ReplicaSetStatus;
  /**
   * In how many ms the next ready pod becomes available (`minReadySeconds` after it
   * became ready); `undefined` when no ready pod is waiting for that.
   */
  readonly nextAvailableIn: number | undefined;
}

/**
 * The status of `replicaSet` given its active, claimed `pods`, at `now` (ms):
 * - `replicas`: how many pods;
 * - `fullyLabeledReplicas`: those carrying every label of the pod template;
 * - `readyReplicas`: those whose `Ready` condition is `True`;
 * - `availableReplicas`: those ready for at least `spec.minReadySeconds`;
 * - `observedGeneration`: the ReplicaSet's `metadata.generation`.
 *
 * Guarantees: the other fields of the current status (`conditions`,
 * `terminatingReplicas`) are kept; never changes its inputs.
 */
export function computeReplicaSetStatus(options: {
  readonly replicaSet: ReplicaSet;
  readonly pods: readonly Pod[];
  readonly now: number;
}): ComputedReplicaSetStatus {
  const { replicaSet, pods, now } = options;
  const templateLabels = Object.entries(replicaSet.spec?.template?.metadata?.labels ?? {});
  const minReadySeconds = replicaSet.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  let nextAvailableAt = Number.POSITIVE_INFINITY;
  for (const pod of pods) {
    if (hasEveryLabel(pod.metadata?.labels, templateLabels)) {
      fullyLabeled++;
    }
    if (isPodReady(pod)) {
      ready++;
      const since = availableSince(pod, minReadySeconds);
      if (since !== undefined && since <= now) {
        available++;
      } else if (since !== undefined) {
        nextAvailableAt = Math.min(nextAvailableAt, since);
      }
    }
  }
  const generation = replicaSet.metadata?.generation;
  return {
    status: {
      ...replicaSet.status,
      replicas: pods.length,
      fullyLabeledReplicas: fullyLabeled,
      readyReplicas: ready,
      availableReplicas: available,
      ...(generation === undefined ? {} : { observedGeneration: generation }),
    },
    nextAvailableIn: Number.isFinite(nextAvailableAt) ? nextAvailableAt - now : undefined,
  };
}

/** Whether `labels` has every `[key, value]` of `wanted` (a loop: it runs for every pod of every sync). */
function hasEveryLabel(
  labels: Readonly<Record<string, string>> | undefined,
  wanted: readonly (readonly [string, string])[],
): boolean {
  for (const [key, value] of wanted) {
    if (labels?.[key] !== value) {
      return false;
    }
  }
  return true;
}
