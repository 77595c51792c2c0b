/**
 * Finding the Deployment's new ReplicaSet and bringing it to the current revision,
 * or creating it (upstream's `getAllReplicaSetsAndSyncRevision` and `getNewReplicaSet`).
 *
 * @module
 */
import type { DeploymentStatus, ReplicaSet } from '../../api/kinds/index.js';
import { formatTime } from '../../apiserver/index.js';
import { TerminalError } from '../../reconcile/action.js';
import { maxRevision, revisionOf } from './annotations.js';
import {
  DeploymentConditionType,
  DeploymentReason,
  findDeploymentCondition,
  newDeploymentCondition,
  setDeploymentCondition,
} from './deployment-conditions.js';
import { findNewReplicaSet, newReplicaSetFor, newReplicaSetReplicas } from './new-replica-set.js';
import { createReplicaSet, updateNewReplicaSet } from './replica-set-writes.js';
import type { SyncInputs, SyncState } from './sync-context.js';

/**
 * The sync's starting state: the new ReplicaSet (if there is one) raised to revision
 * `max(old revisions) + 1` when below it (how a rollback takes an old ReplicaSet
 * back) and given the Deployment's `minReadySeconds`; a `Progressing` condition
 * `FoundNewReplicaSet` when the Deployment has none yet.
 *
 * Errors: throws on a failed write.
 */
export async function resolveReplicaSets(
  inputs: SyncInputs,
  replicaSets: readonly ReplicaSet[],
  status: DeploymentStatus,
): Promise<SyncState> {
  const found = findNewReplicaSet(inputs.deployment, replicaSets);
  const oldReplicaSets = replicaSets.filter((replicaSet) => replicaSet !== found);
  if (found === undefined) {
    return { newReplicaSet: undefined, oldReplicaSets, status, revision: undefined };
  }
  const newReplicaSet = await updateNewReplicaSet({
    client: inputs.client,
    replicaSet: found,
    revision: maxRevision(oldReplicaSets) + 1,
    parameters: inputs.parameters,
  });
  const progressing = findDeploymentCondition(
    status.conditions,
    DeploymentConditionType.Progressing,
  );
  const conditions =
    progressing === undefined && inputs.parameters.progressDeadlineSeconds !== undefined
      ? setDeploymentCondition(
          status.conditions,
          newDeploymentCondition({
            type: DeploymentConditionType.Progressing,
            status: 'True',
            reason: DeploymentReason.FoundNewReplicaSet,
            message: `Found new replica set ${JSON.stringify(newReplicaSet.metadata?.name ?? '')}`,
            now: formatTime(inputs.clock.now()),
          }),
        )
      : status.conditions;
  return {
    newReplicaSet,
    oldReplicaSets,
    status: conditions === undefined ? status : { ...status, conditions: [...conditions] },
    revision: revisionOf(newReplicaSet),
  };
}

/** What {@link ensureNewReplicaSet} came to. */
export type EnsureOutcome =
  | { readonly _tag: 'Ready'; readonly state: SyncState }
  /** The hash collided: `collisionCount` raised in the state's status, to write and retry. */
  | { readonly _tag: 'Collision'; readonly state: SyncState };

/**
 * The state with a new ReplicaSet: the one there is, or one created now, of revision
 * `max(old revisions) + 1`, sized as {@link newReplicaSetReplicas} allows; on
 * creation the `Progressing` condition becomes `NewReplicaSetCreated` (when there is
 * a progress deadline).
 *
 * Errors: throws on a failed write; a `TerminalError` when the Deployment cannot
 * own a ReplicaSet (no uid).
 */
export async function ensureNewReplicaSet(
  inputs: SyncInputs,
  state: SyncState,
): Promise<EnsureOutcome> {
  if (state.newReplicaSet !== undefined) {
    return { _tag: 'Ready', state };
  }
  const { client, deployment, parameters } = inputs;
  const revision = maxRevision(state.oldReplicaSets) + 1;
  const shape = newReplicaSetFor({ deployment, parameters, replicas: 0, revision });
  if (shape._tag === 'Left') {
    throw new TerminalError(shape.left.message);
  }
  const replicas = newReplicaSetReplicas({
    parameters,
    allReplicaSets: [...state.oldReplicaSets, shape.right],
    newReplicaSet: shape.right,
  });
  const replicaSet = { ...shape.right, spec: { ...shape.right.spec, replicas } } as ReplicaSet;
  const outcome = await createReplicaSet({ client, deployment, replicaSet });
  if (outcome._tag === 'Collision') {
    const collisionCount = (state.status.collisionCount ?? 0) + 1;
    return { _tag: 'Collision', state: { ...state, status: { ...state.status, collisionCount } } };
  }
  const created = outcome.replicaSet;
  if (outcome._tag === 'Existing') {
    return {
      _tag: 'Ready',
      state: { ...state, newReplicaSet: created, revision: revisionOf(created) },
    };
  }
  if (parameters.progressDeadlineSeconds === undefined) {
    return { _tag: 'Ready', state: { ...state, newReplicaSet: created, revision } };
  }
  const conditions = setDeploymentCondition(
    state.status.conditions,
    newDeploymentCondition({
      type: DeploymentConditionType.Progressing,
      status: 'True',
      reason: DeploymentReason.NewReplicaSetCreated,
      message: `Created new replica set ${JSON.stringify(created.metadata?.name ?? '')}`,
      now: formatTime(inputs.clock.now()),
    }),
  );
  return {
    _tag: 'Ready',
    state: {
      ...state,
      newReplicaSet: created,
      revision,
      status: { ...state.status, conditions: [...conditions] },
    },
  };
}
