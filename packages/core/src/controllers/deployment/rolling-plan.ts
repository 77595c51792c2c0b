/**
 * The steps of a rolling update, as pure plans (upstream's `reconcileNewReplicaSet`
 * and `reconcileOldReplicaSets`): what to scale each ReplicaSet to, given their
 * current sizes and availability.
 *
 * @module
 */
import type { ReplicaSet } from '../../api/kinds/index.js';
import { newReplicaSetReplicas } from './new-replica-set.js';
import {
  compareByCreation,
  sortedBy,
  specReplicasOf,
  sumAvailableReplicas,
  sumSpecReplicas,
} from './replica-set-ordering.js';
import type { RolloutParameters } from './rollout-parameters.js';

/** Scale one ReplicaSet to `replicas`. */
export interface ScaleStep {
  readonly replicaSet: ReplicaSet;
  readonly replicas: number;
}

/**
 * The size the new ReplicaSet should go to, or `undefined` when it is right:
 * down to `replicas` when above it, else up by what the surge allows.
 */
export function planNewReplicaSetScale(options: {
  readonly parameters: RolloutParameters;
  readonly allReplicaSets: readonly ReplicaSet[];
  readonly newReplicaSet: ReplicaSet;
}): number | undefined {
  const { parameters, newReplicaSet } = options;
  const current = specReplicasOf(newReplicaSet);
  if (current === parameters.replicas) {
    return undefined;
  }
  const target =
    current > parameters.replicas ? parameters.replicas : newReplicaSetReplicas(options);
  return target === current ? undefined : target;
}

/**
 * How to scale down the old ReplicaSets without going below `replicas -
 * maxUnavailable` available pods, counting the new ReplicaSet's unavailable pods
 * against the budget:
 * 1. first their unhealthy pods (`spec.replicas - availableReplicas`), oldest
 *    ReplicaSet first, which costs no availability;
 * 2. then available pods, oldest ReplicaSet first, as far as the available pods
 *    exceed the minimum.
 *
 * Guarantees: one step per ReplicaSet (its final size), in the order first scaled;
 * no step for a ReplicaSet left as it is; never scales below 0.
 */
export function planOldReplicaSetsScaleDown(options: {
  readonly parameters: RolloutParameters;
  readonly oldReplicaSets: readonly ReplicaSet[];
  readonly newReplicaSet: ReplicaSet;
}): readonly ScaleStep[] {
  const { parameters, newReplicaSet } = options;
  const oldReplicaSets = sortedBy(
    options.oldReplicaSets.filter((replicaSet) => specReplicasOf(replicaSet) > 0),
    compareByCreation,
  );
  if (oldReplicaSets.length === 0) {
    return [];
  }
  const allReplicaSets = [...oldReplicaSets, newReplicaSet];
  const minAvailable = parameters.replicas - parameters.maxUnavailable;
  const newUnavailable =
    specReplicasOf(newReplicaSet) - (newReplicaSet.status?.availableReplicas ?? 0);
  const maxScaledDown = sumSpecReplicas(allReplicaSets) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) {
    return [];
  }
  const sizes = new Map<ReplicaSet, number>(
    oldReplicaSets.map((replicaSet) => [replicaSet, specReplicasOf(replicaSet)]),
  );
  // 1. Unhealthy replicas: removing them does not reduce availability.
  let cleaned = 0;
  for (const replicaSet of oldReplicaSets) {
    const size = sizes.get(replicaSet) ?? 0;
    if (cleaned >= maxScaledDown) {
      break;
    }
    const unhealthy = size - (replicaSet.status?.availableReplicas ?? 0);
    if (size === 0 || unhealthy <= 0) {
      continue;
    }
    const down = Math.min(maxScaledDown - cleaned, unhealthy);
    sizes.set(replicaSet, size - down);
    cleaned += down;
  }
  // 2. Available replicas, down to the minimum availability.
  const available = sumAvailableReplicas(allReplicaSets);
  let toScaleDown = available - minAvailable;
  for (const replicaSet of oldReplicaSets) {
    const size = sizes.get(replicaSet) ?? 0;
    if (toScaleDown <= 0) {
      break;
    }
    if (size === 0) {
      continue;
    }
    const down = Math.min(size, toScaleDown);
    sizes.set(replicaSet, size - down);
    toScaleDown -= down;
  }
  return oldReplicaSets
    .filter((replicaSet) => sizes.get(replicaSet) !== specReplicasOf(replicaSet))
    .map((replicaSet) => ({ replicaSet, replicas: sizes.get(replicaSet) ?? 0 }));
}
