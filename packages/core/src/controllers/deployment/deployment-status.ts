/**
 * The status a Deployment reports about its ReplicaSets, and how its rollout is going
 * (upstream's `calculateStatus`, `syncRolloutStatus` and the progress helpers of
 * `deployment/util`).
 *
 * @module
 */
import type { DeploymentCondition, DeploymentStatus, ReplicaSet } from '../../api/kinds/index.js';
import {
  DeploymentConditionType,
  DeploymentReason,
  findDeploymentCondition,
  newDeploymentCondition,
  removeDeploymentCondition,
  setDeploymentCondition,
} from './deployment-conditions.js';
import {
  sumAvailableReplicas,
  sumReadyReplicas,
  sumSpecReplicas,
  sumStatusReplicas,
} from './replica-set-ordering.js';
import type { RolloutParameters } from './rollout-parameters.js';

/** The `ReplicaFailure` condition type, copied from a ReplicaSet when one has it. */
const REPLICA_FAILURE = 'ReplicaFailure';

/** What the status computations read. */
export interface StatusInputs {
  readonly parameters: RolloutParameters;
  /** The Deployment's name, for messages. */
  readonly name: string;
  /** The Deployment's `metadata.generation`. */
  readonly generation: number;
  /** The status as it stands (read, then changed by this sync so far). */
  readonly status: DeploymentStatus;
  readonly allReplicaSets: readonly ReplicaSet[];
  readonly newReplicaSet: ReplicaSet | undefined;
  /** The current time, RFC 3339. */
  readonly now: string;
}

/**
 * The Deployment's status from its ReplicaSets: `observedGeneration`, `replicas`,
 * `updatedReplicas` (the new ReplicaSet's), `readyReplicas`, `availableReplicas`,
 * `unavailableReplicas` (asked-for minus available, not below 0), the current
 * `collisionCount` and conditions, and `Available` set by whether at least
 * `replicas - maxUnavailable` pods are available.
 */
export function calculateStatus(inputs: StatusInputs): DeploymentStatus {
  const { parameters, generation, status, allReplicaSets, newReplicaSet, now } = inputs;
  const available = sumAvailableReplicas(allReplicaSets);
  const minimumAvailable = available >= parameters.replicas - parameters.maxUnavailable;
  const availability = newDeploymentCondition({
    type: DeploymentConditionType.Available,
    status: minimumAvailable ? 'True' : 'False',
    reason: minimumAvailable
      ? DeploymentReason.MinimumReplicasAvailable
      : DeploymentReason.MinimumReplicasUnavailable,
    message: minimumAvailable
      ? 'Deployment has minimum availability.'
      : 'Deployment does not have minimum availability.',
    now,
  });
  return {
    observedGeneration: generation,
    replicas: sumStatusReplicas(allReplicaSets),
    updatedReplicas: newReplicaSet?.status?.replicas ?? 0,
    readyReplicas: sumReadyReplicas(allReplicaSets),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sumSpecReplicas(allReplicaSets) - available),
    ...(status.collisionCount === undefined ? {} : { collisionCount: status.collisionCount }),
    conditions: [...setDeploymentCondition(status.conditions, availability)],
  };
}

/**
 * Whether the rollout is complete (upstream's `DeploymentComplete`): every replica
 * updated, none old, all available, and the latest generation observed.
 */
export function isDeploymentComplete(
  parameters: RolloutParameters,
  status: DeploymentStatus,
  generation: number,
): boolean {
  const { replicas } = parameters;
  return (
    status.updatedReplicas === replicas &&
    status.replicas === replicas &&
    status.availableReplicas === replicas &&
    (status.observedGeneration ?? 0) >= generation
  );
}

/**
 * Whether the rollout moved between two statuses (upstream's `DeploymentProgressing`):
 * more updated, fewer old, more ready or more available replicas.
 */
export function isDeploymentProgressing(
  before: DeploymentStatus,
  after: DeploymentStatus,
): boolean {
  const oldBefore = (before.replicas ?? 0) - (before.updatedReplicas ?? 0);
  const oldAfter = (after.replicas ?? 0) - (after.updatedReplicas ?? 0);
  return (
    (after.updatedReplicas ?? 0) > (before.updatedReplicas ?? 0) ||
    oldAfter < oldBefore ||
    (after.readyReplicas ?? 0) > (before.readyReplicas ?? 0) ||
    (after.availableReplicas ?? 0) > (before.availableReplicas ?? 0)
  );
}

/**
 * Whether the rollout has made no progress for `progressDeadlineSeconds` since the
 * `Progressing` condition's `lastUpdateTime` (upstream's `DeploymentTimedOut`), at
 * `now` (ms). A complete rollout never times out; one already reported as timed
 * out stays so.
 */
export function isDeploymentTimedOut(
  parameters: RolloutParameters,
  status: DeploymentStatus,
  now: number,
): boolean {
  const deadline = parameters.progressDeadlineSeconds;
  const condition = findDeploymentCondition(status.conditions, DeploymentConditionType.Progressing);
  if (deadline === undefined || condition === undefined) {
    return false;
  }
  if (condition.reason === DeploymentReason.NewReplicaSetAvailable) {
    return false;
  }
  if (condition.reason === DeploymentReason.ProgressDeadlineExceeded) {
    return true;
  }
  const from = timeOf(condition.lastUpdateTime);
  return !Number.isNaN(from) && from + deadline * 1000 < now;
}

/**
 * The status after a rollout step (upstream's `syncRolloutStatus`): as
 * {@link calculateStatus}, with `Progressing` set to `NewReplicaSetAvailable` once
 * complete, `ReplicaSetUpdated` (its `lastUpdateTime` moved) while progressing, or
 * `ProgressDeadlineExceeded` (`False`) when stuck past the deadline; without
 * `Progressing` when there is no deadline; and the first `ReplicaFailure` of a
 * ReplicaSet copied (removed when none has one).
 */
export function rolloutStatus(inputs: StatusInputs & { readonly nowMs: number }): DeploymentStatus {
  const { parameters, name, generation, status, newReplicaSet, now, nowMs } = inputs;
  const calculated = calculateStatus(inputs);
  let conditions: readonly DeploymentCondition[] | undefined = calculated.conditions;
  if (parameters.progressDeadlineSeconds === undefined) {
    conditions = removeDeploymentCondition(conditions, DeploymentConditionType.Progressing);
  }
  const current = findDeploymentCondition(conditions, DeploymentConditionType.Progressing);
  const complete =
    calculated.replicas === calculated.updatedReplicas &&
    current?.reason === DeploymentReason.NewReplicaSetAvailable;
  const subject =
    newReplicaSet === undefined
      ? `Deployment ${JSON.stringify(name)}`
      : `ReplicaSet ${JSON.stringify(newReplicaSet.metadata?.name ?? '')}`;
  if (parameters.progressDeadlineSeconds !== undefined && !complete) {
    const progressing = (
      state: 'True' | 'False',
      reason: string,
      message: string,
    ): DeploymentCondition =>
      newDeploymentCondition({
        type: DeploymentConditionType.Progressing,
        status: state,
        reason,
        message,
        now,
      });
    if (isDeploymentComplete(parameters, calculated, generation)) {
      conditions = setDeploymentCondition(
        conditions,
        progressing(
          'True',
          DeploymentReason.NewReplicaSetAvailable,
          `${subject} has successfully progressed.`,
        ),
      );
    } else if (isDeploymentProgressing(status, calculated)) {
      let condition = progressing(
        'True',
        DeploymentReason.ReplicaSetUpdated,
        `${subject} is progressing.`,
      );
      if (current?.status === 'True' && current.lastTransitionTime !== undefined) {
        condition = { ...condition, lastTransitionTime: current.lastTransitionTime };
      }
      conditions = setDeploymentCondition(
        removeDeploymentCondition(conditions, DeploymentConditionType.Progressing),
        condition,
      );
    } else if (isDeploymentTimedOut(parameters, { conditions: [...(conditions ?? [])] }, nowMs)) {
      conditions = setDeploymentCondition(
        conditions,
        progressing(
          'False',
          DeploymentReason.ProgressDeadlineExceeded,
          `${subject} has timed out progressing.`,
        ),
      );
    }
  }
  const failure = replicaFailureOf(inputs.allReplicaSets, newReplicaSet);
  conditions =
    failure === undefined
      ? removeDeploymentCondition(conditions, REPLICA_FAILURE)
      : setDeploymentCondition(conditions, failure);
  const { conditions: _conditions, ...counts } = calculated;
  return conditions === undefined || conditions.length === 0
    ? counts
    : { ...counts, conditions: [...conditions] };
}

/**
 * In how many ms the Deployment must be looked at again to notice that it missed its
 * progress deadline (upstream's `requeueStuckDeployment`): one second after the
 * deadline, at least one second from `now` (ms); `undefined` when there is no
 * deadline to watch (none set, no `Progressing` condition, complete, already timed out).
 */
export function progressDeadlineCheckIn(options: {
  readonly parameters: RolloutParameters;
  readonly status: DeploymentStatus;
  readonly generation: number;
  readonly now: number;
}): number | undefined {
  const { parameters, status, generation, now } = options;
  const deadline = parameters.progressDeadlineSeconds;
  const condition = findDeploymentCondition(status.conditions, DeploymentConditionType.Progressing);
  if (
    deadline === undefined ||
    condition === undefined ||
    isDeploymentComplete(parameters, status, generation) ||
    condition.reason === DeploymentReason.ProgressDeadlineExceeded
  ) {
    return undefined;
  }
  const from = timeOf(condition.lastUpdateTime);
  if (Number.isNaN(from)) {
    return undefined;
  }
  return Math.max(1000, from + deadline * 1000 - now + 1000);
}

function replicaFailureOf(
  allReplicaSets: readonly ReplicaSet[],
  newReplicaSet: ReplicaSet | undefined,
): DeploymentCondition | undefined {
  const ordered = newReplicaSet === undefined ? allReplicaSets : [newReplicaSet, ...allReplicaSets];
  for (const replicaSet of ordered) {
    const failure = replicaSet.status?.conditions?.find((c) => c.type === REPLICA_FAILURE);
    if (failure !== undefined) {
      const time = failure.lastTransitionTime;
      return {
        type: REPLICA_FAILURE,
        status: failure.status,
        ...(time === undefined ? {} : { lastUpdateTime: time, lastTransitionTime: time }),
        ...(failure.reason === undefined ? {} : { reason: failure.reason }),
        ...(failure.message === undefined ? {} : { message: failure.message }),
      };
    }
  }
  return undefined;
}

function timeOf(time: string | null | undefined): number {
  return typeof time === 'string' ? Date.parse(time) : Number.NaN;
}
