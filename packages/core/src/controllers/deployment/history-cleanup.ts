/**
 * Which old ReplicaSets a Deployment deletes to keep `revisionHistoryLimit` of them
 * (upstream's `cleanupDeployment`).
 *
 * @module
 */
import type { ReplicaSet } from '../../api/kinds/index.js';
import { compareByRevision, sortedBy } from './replica-set-ordering.js';

/**
 * The old ReplicaSets beyond the `limit` most recent revisions that may go: the
 * lowest revisions first, among those not being deleted, and only those that are
 * fully scaled down (`spec.replicas` and `status.replicas` 0, their latest
 * generation observed). One still running is kept, so fewer than the excess may go.
 */
export function replicaSetsToCleanUp(options: {
  readonly oldReplicaSets: readonly ReplicaSet[];
  readonly limit: number;
}): readonly ReplicaSet[] {
  const alive = options.oldReplicaSets.filter(
    (replicaSet) => replicaSet.metadata?.deletionTimestamp === undefined,
  );
  const excess = alive.length - Math.max(0, options.limit);
  if (excess <= 0) {
    return [];
  }
  return sortedBy(alive, compareByRevision)
    .slice(0, excess)
    .filter(
      (replicaSet) =>
        (replicaSet.spec?.replicas ?? 1) === 0 &&
        (replicaSet.status?.replicas ?? 0) === 0 &&
        (replicaSet.metadata?.generation ?? 0) <= (replicaSet.status?.observedGeneration ?? 0),
    );
}
