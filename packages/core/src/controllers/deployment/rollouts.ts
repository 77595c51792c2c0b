/**
 * The three ways a sync moves a Deployment's ReplicaSets: a rolling update, a
 * recreate, and scaling alone (paused, or `spec.replicas` changed), as upstream's
 * `rolloutRolling`, `rolloutRecreate` and `sync`.
 *
 * @module
 */
import type { Pod } from '../../api/kinds/index.js';
import { calculateStatus, isDeploymentComplete } from './deployment-status.js';
import { planScale } from './proportional-scaling.js';
import { specReplicasOf, sumStatusReplicas } from './replica-set-ordering.js';
import { scaleReplicaSet } from './replica-set-writes.js';
import {
  planNewReplicaSetScale,
  planOldReplicaSetsScaleDown,
  type ScaleStep,
} from './rolling-plan.js';
import {
  allReplicaSetsOf,
  cleanUpHistory,
  statusInputsOf,
  withReplicaSet,
  withRolloutStatus,
  type SyncInputs,
  type SyncState,
} from './sync-context.js';
import { ensureNewReplicaSet } from './sync-revision.js';

/** What a rollout step came to: a state to write, or a hash collision to write and retry. */
export type RolloutOutcome =
  | { readonly _tag: 'Synced'; readonly state: SyncState }
  | { readonly _tag: 'Collision'; readonly state: SyncState };

/**
 * One step of a rolling update: create the new ReplicaSet if missing; scale it up as
 * far as `maxSurge` allows; else scale the old ones down as far as `maxUnavailable`
 * allows; once complete, clean up the history. The status follows each step.
 *
 * Errors: throws on a failed write.
 */
export async function rolloutRolling(
  inputs: SyncInputs,
  start: SyncState,
): Promise<RolloutOutcome> {
  const ensured = await ensureNewReplicaSet(inputs, start);
  if (ensured._tag === 'Collision') {
    return ensured;
  }
  let state = ensured.state;
  const newReplicaSet = state.newReplicaSet;
  if (newReplicaSet === undefined) {
    return synced(inputs, state);
  }
  const target = planNewReplicaSetScale({
    parameters: inputs.parameters,
    allReplicaSets: allReplicaSetsOf(state),
    newReplicaSet,
  });
  if (target !== undefined) {
    state = await applySteps(inputs, state, [{ replicaSet: newReplicaSet, replicas: target }]);
    return synced(inputs, state);
  }
  const scaleDown = planOldReplicaSetsScaleDown({
    parameters: inputs.parameters,
    oldReplicaSets: state.oldReplicaSets,
    newReplicaSet,
  });
  if (scaleDown.length > 0) {
    state = await applySteps(inputs, state, scaleDown);
    return synced(inputs, state);
  }
  if (isComplete(inputs, state)) {
    state = await cleanUpHistory(inputs, state);
  }
  return synced(inputs, state);
}

/**
 * One step of a recreate: scale every old ReplicaSet to 0; wait until none of their
 * pods is left (not even terminating); then create the new ReplicaSet (or take the
 * one there is) at `replicas`; once complete, clean up the history.
 *
 * Errors: throws on a failed write or pod list.
 */
export async function rolloutRecreate(
  inputs: SyncInputs,
  start: SyncState,
  listPods: () => Promise<readonly Pod[]>,
): Promise<RolloutOutcome> {
  let state = start;
  const activeOld = state.oldReplicaSets.filter((replicaSet) => specReplicasOf(replicaSet) > 0);
  if (activeOld.length > 0) {
    state = await applySteps(
      inputs,
      state,
      activeOld.map((replicaSet) => ({ replicaSet, replicas: 0 })),
    );
    return synced(inputs, state);
  }
  if (await oldPodsRunning(state, listPods)) {
    return synced(inputs, state);
  }
  const ensured = await ensureNewReplicaSet(inputs, state);
  if (ensured._tag === 'Collision') {
    return ensured;
  }
  state = ensured.state;
  if (
    state.newReplicaSet !== undefined &&
    specReplicasOf(state.newReplicaSet) !== inputs.parameters.replicas
  ) {
    state = await applySteps(inputs, state, [
      { replicaSet: state.newReplicaSet, replicas: inputs.parameters.replicas },
    ]);
  }
  if (isComplete(inputs, state)) {
    state = await cleanUpHistory(inputs, state);
  }
  return synced(inputs, state);
}

/**
 * Scaling without a rollout: the ReplicaSets sized as {@link planScale} says; when
 * paused, the history cleaned up too. The status is computed without progress
 * conditions (they do not move while paused).
 *
 * Errors: throws on a failed write.
 */
export async function scaleOnly(inputs: SyncInputs, start: SyncState): Promise<SyncState> {
  let state = await applySteps(
    inputs,
    start,
    planScale({
      deployment: inputs.deployment,
      parameters: inputs.parameters,
      newReplicaSet: start.newReplicaSet,
      oldReplicaSets: start.oldReplicaSets,
    }),
  );
  if (inputs.parameters.paused) {
    state = await cleanUpHistory(inputs, state);
  }
  return { ...state, status: calculateStatus(statusInputsOf(inputs, state)) };
}

/** Writes the steps one by one, the state following each write. */
async function applySteps(
  inputs: SyncInputs,
  start: SyncState,
  steps: readonly ScaleStep[],
): Promise<SyncState> {
  let state = start;
  for (const step of steps) {
    const written = await scaleReplicaSet({
      client: inputs.client,
      replicaSet: step.replicaSet,
      replicas: step.replicas,
      parameters: inputs.parameters,
    });
    state = withReplicaSet(state, written);
  }
  return state;
}

/**
 * Whether pods of the old ReplicaSets remain: their `status.replicas`, or any pod
 * they control that has not finished (`Succeeded`/`Failed`), terminating ones included.
 */
async function oldPodsRunning(
  state: SyncState,
  listPods: () => Promise<readonly Pod[]>,
): Promise<boolean> {
  if (sumStatusReplicas(state.oldReplicaSets) > 0) {
    return true;
  }
  const oldUids = new Set(state.oldReplicaSets.map((replicaSet) => replicaSet.metadata?.uid));
  if (oldUids.size === 0) {
    return false;
  }
  const pods = await listPods();
  return pods.some((pod) => {
    const controller = pod.metadata?.ownerReferences?.find((ref) => ref.controller === true);
    const phase = pod.status?.phase;
    return (
      controller !== undefined &&
      oldUids.has(controller.uid) &&
      phase !== 'Succeeded' &&
      phase !== 'Failed'
    );
  });
}

function isComplete(inputs: SyncInputs, state: SyncState): boolean {
  return isDeploymentComplete(
    inputs.parameters,
    state.status,
    inputs.deployment.metadata?.generation ?? 0,
  );
}

function synced(inputs: SyncInputs, state: SyncState): RolloutOutcome {
  return { _tag: 'Synced', state: withRolloutStatus(inputs, state) };
}
