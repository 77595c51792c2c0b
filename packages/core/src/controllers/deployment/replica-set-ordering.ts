/**
 * Orders, filters and sums over a Deployment's ReplicaSets, as upstream's
 * `controller` and `deployment/util` helpers.
 *
 * @module
 */
import type { ReplicaSet } from '../../api/kinds/index.js';
import { revisionOf } from './annotations.js';

/** A ReplicaSet's `spec.replicas` (1 when absent, the apiserver's default). */
export function specReplicasOf(replicaSet: ReplicaSet): number {
  return replicaSet.spec?.replicas ?? 1;
}

/** Oldest first by `metadata.creationTimestamp`, then by name (upstream's `ReplicaSetsByCreationTimestamp`). */
export function compareByCreation(a: ReplicaSet, b: ReplicaSet): number {
  const byTime = timeOf(a) - timeOf(b);
  if (byTime !== 0 && !Number.isNaN(byTime)) {
    return byTime;
  }
  const nameA = a.metadata?.name ?? '';
  const nameB = b.metadata?.name ?? '';
  return nameA < nameB ? -1 : nameA > nameB ? 1 : 0;
}

/** Lowest revision first, then oldest (upstream's `ReplicaSetsByRevision`). */
export function compareByRevision(a: ReplicaSet, b: ReplicaSet): number {
  return revisionOf(a) - revisionOf(b) || compareByCreation(a, b);
}

/** Largest first, then newest: where a scale-up goes first (upstream's `ReplicaSetsBySizeNewer`). */
export function compareBySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  return specReplicasOf(b) - specReplicasOf(a) || compareByCreation(b, a);
}

/** Largest first, then oldest: where a scale-down goes first (upstream's `ReplicaSetsBySizeOlder`). */
export function compareBySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  return specReplicasOf(b) - specReplicasOf(a) || compareByCreation(a, b);
}

/** `replicaSets` sorted by `compare`, never changing the input. */
export function sortedBy(
  replicaSets: readonly ReplicaSet[],
  compare: (a: ReplicaSet, b: ReplicaSet) => number,
): ReplicaSet[] {
  return [...replicaSets].sort(compare);
}

/** The ReplicaSets with `spec.replicas` above 0 (upstream's `FilterActiveReplicaSets`). */
export function activeReplicaSets(replicaSets: readonly ReplicaSet[]): ReplicaSet[] {
  return replicaSets.filter((replicaSet) => specReplicasOf(replicaSet) > 0);
}

/** The sum of `spec.replicas`: the pods the ReplicaSets are asked for. */
export function sumSpecReplicas(replicaSets: readonly ReplicaSet[]): number {
  return replicaSets.reduce((sum, replicaSet) => sum + specReplicasOf(replicaSet), 0);
}

/** The sum of `status.replicas`: the pods they have. */
export function sumStatusReplicas(replicaSets: readonly ReplicaSet[]): number {
  return replicaSets.reduce((sum, replicaSet) => sum + (replicaSet.status?.replicas ?? 0), 0);
}

/** The sum of `status.readyReplicas`. */
export function sumReadyReplicas(replicaSets: readonly ReplicaSet[]): number {
  return replicaSets.reduce((sum, replicaSet) => sum + (replicaSet.status?.readyReplicas ?? 0), 0);
}

/** The sum of `status.availableReplicas`. */
export function sumAvailableReplicas(replicaSets: readonly ReplicaSet[]): number {
  return replicaSets.reduce(
    (sum, replicaSet) => sum + (replicaSet.status?.availableReplicas ?? 0),
    0,
  );
}

function timeOf(replicaSet: ReplicaSet): number {
  const timestamp = replicaSet.metadata?.creationTimestamp;
  return typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
}
