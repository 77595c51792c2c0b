/**
 * A Deployment's conditions (`Progressing`, `Available`), their reasons, and setting
 * them as upstream's `deployment/util` does (`lastUpdateTime` as well as
 * `lastTransitionTime`).
 *
 * @module
 */
import type { DeploymentCondition } from '../../api/kinds/index.js';

/** The condition types the controller writes. */
export const DeploymentConditionType = {
  /** Whether the rollout makes progress (or is complete, paused, timed out). */
  Progressing: 'Progressing',
  /** Whether at least `replicas - maxUnavailable` pods are available. */
  Available: 'Available',
} as const;

/** The reasons of the `Progressing` and `Available` conditions, as upstream spells them. */
export const DeploymentReason = {
  NewReplicaSetCreated: 'NewReplicaSetCreated',
  FoundNewReplicaSet: 'FoundNewReplicaSet',
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  ProgressDeadlineExceeded: 'ProgressDeadlineExceeded',
  DeploymentPaused: 'DeploymentPaused',
  DeploymentResumed: 'DeploymentResumed',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

/**
 * A new condition, updated and transitioned at `now` (RFC 3339), as upstream's
 * `NewDeploymentCondition`.
 */
export function newDeploymentCondition(options: {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  readonly reason: string;
  readonly message: string;
  readonly now: string;
}): DeploymentCondition {
  const { type, status, reason, message, now } = options;
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** The condition of type `type`, if any. */
export function findDeploymentCondition(
  conditions: readonly DeploymentCondition[] | undefined,
  type: string,
): DeploymentCondition | undefined {
  return conditions?.find((condition) => condition.type === type);
}

/**
 * The conditions with `condition` set (upstream's `SetDeploymentCondition`):
 * - nothing changes when a condition of that type has the same status and reason
 *   (even with another message: its `lastUpdateTime` must not move);
 * - with the same status, the existing `lastTransitionTime` is kept;
 * - the condition goes last, the others keep their order.
 *
 * Guarantees: never changes its inputs; answers the very same array when nothing changed.
 */
export function setDeploymentCondition(
  conditions: readonly DeploymentCondition[] | undefined,
  condition: DeploymentCondition,
): readonly DeploymentCondition[] {
  const current = findDeploymentCondition(conditions, condition.type);
  if (
    conditions !== undefined &&
    current !== undefined &&
    current.status === condition.status &&
    current.reason === condition.reason
  ) {
    return conditions;
  }
  const next =
    current !== undefined && current.status === condition.status
      ? withTransitionTime(condition, current.lastTransitionTime)
      : condition;
  return [...(conditions ?? []).filter((item) => item.type !== condition.type), next];
}

/** The conditions without the one of type `type` (the same array when there is none). */
export function removeDeploymentCondition(
  conditions: readonly DeploymentCondition[] | undefined,
  type: string,
): readonly DeploymentCondition[] | undefined {
  return conditions?.some((condition) => condition.type === type) === true
    ? conditions.filter((condition) => condition.type !== type)
    : conditions;
}

function withTransitionTime(
  condition: DeploymentCondition,
  lastTransitionTime: DeploymentCondition['lastTransitionTime'],
): DeploymentCondition {
  return lastTransitionTime === undefined ? condition : { ...condition, lastTransitionTime };
}
