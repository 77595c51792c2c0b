/**
 * Scaling a Deployment whose `spec.replicas` changed, possibly mid-rollout (upstream's
 * `scale`): the change is spread over its active ReplicaSets in proportion to their
 * sizes, so a rollout in progress keeps its shape.
 *
 * @module
 */
import type { Deployment, ReplicaSet } from '../../api/kinds/index.js';
import {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  intAnnotation,
} from './annotations.js';
import {
  activeReplicaSets,
  compareByCreation,
  compareBySizeNewer,
  compareBySizeOlder,
  sortedBy,
  specReplicasOf,
  sumSpecReplicas,
} from './replica-set-ordering.js';
import type { ScaleStep } from './rolling-plan.js';
import type { RolloutParameters } from './rollout-parameters.js';

/**
 * Whether the Deployment was scaled since its ReplicaSets were last sized: an active
 * one's `desired-replicas` annotation differs from `replicas` (upstream's
 * `isScalingEvent`). ReplicaSets without the annotation do not count.
 */
export function isScalingEvent(
  parameters: RolloutParameters,
  replicaSets: readonly ReplicaSet[],
): boolean {
  return activeReplicaSets(replicaSets).some((replicaSet) => {
    const desired = intAnnotation(replicaSet, DESIRED_REPLICAS_ANNOTATION);
    return desired !== undefined && desired !== parameters.replicas;
  });
}

/**
 * The one ReplicaSet to scale alone (upstream's `FindActiveOrLatest`): the only active
 * one; when none is active, the new one, else the newest old one; `undefined` when
 * several are active (then scaling is proportional).
 */
export function findActiveOrLatest(
  newReplicaSet: ReplicaSet | undefined,
  oldReplicaSets: readonly ReplicaSet[],
): ReplicaSet | undefined {
  const all = newReplicaSet === undefined ? oldReplicaSets : [...oldReplicaSets, newReplicaSet];
  const active = activeReplicaSets(all);
  if (active.length === 1) {
    return active[0];
  }
  if (active.length > 1) {
    return undefined;
  }
  return newReplicaSet ?? sortedBy(oldReplicaSets, compareByCreation).at(-1);
}

/**
 * How to scale the ReplicaSets to the Deployment's `replicas`:
 * - one active (or none): that one (or the latest) to `replicas`;
 * - the new ReplicaSet saturated (sized and available at `replicas`): the old active
 *   ones to 0;
 * - a rolling update: the difference between `replicas + maxSurge` and the active
 *   ReplicaSets' total is split by their share of `max-replicas` (rounded), the
 *   rounding leftover going to the largest (newest on a scale up, oldest on a scale
 *   down); no ReplicaSet goes below 0.
 *
 * Guarantees: for a proportional scale, every active ReplicaSet gets a step (its
 * annotations are rewritten even when its size stays); otherwise only those whose
 * size changes. Recreate with several active ReplicaSets plans nothing (the rollout
 * scales the old ones down).
 */
export function planScale(options: {
  readonly deployment: Deployment;
  readonly parameters: RolloutParameters;
  readonly newReplicaSet: ReplicaSet | undefined;
  readonly oldReplicaSets: readonly ReplicaSet[];
}): readonly ScaleStep[] {
  const { deployment, parameters, newReplicaSet, oldReplicaSets } = options;
  const single = findActiveOrLatest(newReplicaSet, oldReplicaSets);
  if (single !== undefined || (newReplicaSet === undefined && oldReplicaSets.length === 0)) {
    return single === undefined || specReplicasOf(single) === parameters.replicas
      ? []
      : [{ replicaSet: single, replicas: parameters.replicas }];
  }
  if (newReplicaSet !== undefined && isSaturated(parameters, newReplicaSet)) {
    return activeReplicaSets(oldReplicaSets).map((replicaSet) => ({ replicaSet, replicas: 0 }));
  }
  if (parameters.strategy !== 'RollingUpdate') {
    return [];
  }
  const active = activeReplicaSets(
    newReplicaSet === undefined ? oldReplicaSets : [...oldReplicaSets, newReplicaSet],
  );
  const allowed = parameters.replicas > 0 ? parameters.replicas + parameters.maxSurge : 0;
  const toAdd = allowed - sumSpecReplicas(active);
  const ordered = sortedBy(active, toAdd > 0 ? compareBySizeNewer : compareBySizeOlder);
  const sizes = ordered.map((replicaSet) => specReplicasOf(replicaSet));
  if (toAdd !== 0) {
    let added = 0;
    ordered.forEach((replicaSet, i) => {
      const share = proportionOf({ deployment, parameters, replicaSet, toAdd, added });
      sizes[i] = (sizes[i] ?? 0) + share;
      added += share;
    });
    sizes[0] = Math.max(0, (sizes[0] ?? 0) + toAdd - added);
  }
  return ordered.map((replicaSet, i) => ({ replicaSet, replicas: Math.max(0, sizes[i] ?? 0) }));
}

/**
 * Whether the new ReplicaSet carries the whole Deployment (upstream's `IsSaturated`):
 * annotated, sized and available at `replicas`.
 */
export function isSaturated(parameters: RolloutParameters, replicaSet: ReplicaSet): boolean {
  return (
    intAnnotation(replicaSet, DESIRED_REPLICAS_ANNOTATION) === parameters.replicas &&
    specReplicasOf(replicaSet) === parameters.replicas &&
    (replicaSet.status?.availableReplicas ?? 0) === parameters.replicas
  );
}

/**
 * The share of a scale by `toAdd` (of which `added` is already given out) for
 * `replicaSet` (upstream's `GetProportion`): its size scaled from its
 * `max-replicas` annotation (the Deployment's `status.replicas` when absent) to
 * `replicas + maxSurge`, bounded by what is left to give.
 */
function proportionOf(options: {
  readonly deployment: Deployment;
  readonly parameters: RolloutParameters;
  readonly replicaSet: ReplicaSet;
  readonly toAdd: number;
  readonly added: number;
}): number {
  const { deployment, parameters, replicaSet, toAdd, added } = options;
  const size = specReplicasOf(replicaSet);
  if (size === 0 || toAdd === 0 || toAdd === added) {
    return 0;
  }
  const allowed = toAdd - added;
  const fraction = replicaSetFraction({ deployment, parameters, size, replicaSet });
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(options: {
  readonly deployment: Deployment;
  readonly parameters: RolloutParameters;
  readonly replicaSet: ReplicaSet;
  readonly size: number;
}): number {
  const { deployment, parameters, replicaSet, size } = options;
  if (parameters.replicas === 0) {
    return -size;
  }
  const target = parameters.replicas + parameters.maxSurge;
  const annotated =
    intAnnotation(replicaSet, MAX_REPLICAS_ANNOTATION) ?? deployment.status?.replicas ?? 0;
  if (annotated <= 0) {
    // Nothing to scale from (upstream would divide by zero): leave the size to the leftover.
    return 0;
  }
  return roundHalfAwayFromZero((size * target) / annotated) - size;
}

function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}
