/**
 * One sync of a live Deployment over the ReplicaSets it manages (upstream's
 * `syncDeployment`): paused conditions, then scaling or a rollout step, then the
 * revision annotation and the status, written only when they changed.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Deployment, DeploymentStatus, Pod, ReplicaSet } from '../../api/kinds/index.js';
import { formatTime } from '../../apiserver/index.js';
import { Deployments, Pods, keyOf } from '../../client/index.js';
import { awaitChange, requeueAfter, type Action } from '../../reconcile/action.js';
import { patchStatusIfChanged } from '../../reconcile/helpers/index.js';
import { REVISION_ANNOTATION } from './annotations.js';
import {
  DeploymentConditionType,
  DeploymentReason,
  findDeploymentCondition,
  newDeploymentCondition,
  setDeploymentCondition,
} from './deployment-conditions.js';
import { progressDeadlineCheckIn } from './deployment-status.js';
import { isScalingEvent } from './proportional-scaling.js';
import { rolloutRecreate, rolloutRolling, scaleOnly, type RolloutOutcome } from './rollouts.js';
import { allReplicaSetsOf, type SyncInputs, type SyncState } from './sync-context.js';
import { resolveReplicaSets } from './sync-revision.js';

/**
 * Syncs `inputs.deployment` with `replicaSets` (those it manages, claimed already):
 * 1. `Progressing` becomes `DeploymentPaused` / `DeploymentResumed` (`Unknown`) when
 *    `spec.paused` changes, unless the deadline was already exceeded;
 * 2. paused, or scaled since its ReplicaSets were sized: scaling only;
 *    otherwise one step of its strategy;
 * 3. the Deployment's revision annotation, then its status, written when changed.
 *
 * Answers when to look again: at the progress deadline, while a rollout is under way.
 *
 * Errors: throws on a failed write (retried with backoff).
 */
export async function syncDeployment(
  inputs: SyncInputs,
  replicaSets: readonly ReplicaSet[],
): Promise<Action> {
  const { deployment, parameters } = inputs;
  const status = pausedConditions(inputs, deployment.status ?? {});
  const start = await resolveReplicaSets(inputs, replicaSets, status);
  let outcome: RolloutOutcome;
  let rollingOut = false;
  if (parameters.paused || isScalingEvent(parameters, allReplicaSetsOf(start))) {
    outcome = { _tag: 'Synced', state: await scaleOnly(inputs, start) };
  } else {
    rollingOut = true;
    outcome =
      parameters.strategy === 'Recreate'
        ? await rolloutRecreate(inputs, start, () => listPods(inputs))
        : await rolloutRolling(inputs, start);
  }
  await writeRevision(inputs, outcome.state);
  await writeStatus(inputs, outcome.state.status);
  if (outcome._tag === 'Collision' || !rollingOut) {
    // A collision's new collisionCount triggers the next sync through the watch.
    return awaitChange();
  }
  const checkIn = progressDeadlineCheckIn({
    parameters,
    status: outcome.state.status,
    generation: deployment.metadata?.generation ?? 0,
    now: inputs.clock.now(),
  });
  return checkIn === undefined ? awaitChange() : requeueAfter(checkIn);
}

/** The status with `Progressing` telling of a pause or resume (upstream's `checkPausedConditions`). */
function pausedConditions(inputs: SyncInputs, status: DeploymentStatus): DeploymentStatus {
  const { parameters } = inputs;
  if (parameters.progressDeadlineSeconds === undefined) {
    return status;
  }
  const current = findDeploymentCondition(status.conditions, DeploymentConditionType.Progressing);
  if (current?.reason === DeploymentReason.ProgressDeadlineExceeded) {
    return status;
  }
  const pausedShown = current?.reason === DeploymentReason.DeploymentPaused;
  if (parameters.paused === pausedShown) {
    return status;
  }
  const condition = newDeploymentCondition({
    type: DeploymentConditionType.Progressing,
    status: 'Unknown',
    reason: parameters.paused
      ? DeploymentReason.DeploymentPaused
      : DeploymentReason.DeploymentResumed,
    message: parameters.paused ? 'Deployment is paused' : 'Deployment is resumed',
    now: formatTime(inputs.clock.now()),
  });
  return { ...status, conditions: [...setDeploymentCondition(status.conditions, condition)] };
}

/** Writes the Deployment's revision annotation (its new ReplicaSet's) when it changed. */
async function writeRevision(inputs: SyncInputs, state: SyncState): Promise<void> {
  const { client, deployment } = inputs;
  if (
    state.revision === undefined ||
    deployment.metadata?.annotations?.[REVISION_ANNOTATION] === String(state.revision)
  ) {
    return;
  }
  const patched = await client.patch(Deployments, keyOf(deployment), {
    type: 'merge',
    body: { metadata: { annotations: { [REVISION_ANNOTATION]: String(state.revision) } } },
  });
  if (isLeft(patched) && patched.left.code !== 404) {
    throw new Error(
      `cannot write the revision of Deployment ${describe(deployment)}: ${patched.left.message ?? ''}`,
    );
  }
}

async function writeStatus(inputs: SyncInputs, status: DeploymentStatus): Promise<void> {
  const { client, deployment } = inputs;
  const written = await patchStatusIfChanged({
    client,
    type: Deployments,
    object: deployment,
    status,
  });
  if (isLeft(written) && written.left.code !== 404) {
    throw new Error(
      `cannot write the status of Deployment ${describe(deployment)}: ${written.left.message ?? ''}`,
    );
  }
}

async function listPods(inputs: SyncInputs): Promise<readonly Pod[]> {
  const namespace = inputs.deployment.metadata?.namespace ?? '';
  const listed = await inputs.client.list(Pods, {
    namespace,
    labelSelector: inputs.selector.toString(),
  });
  if (isLeft(listed)) {
    throw new Error(`cannot list pods in namespace ${namespace}: ${listed.left.message ?? ''}`);
  }
  return listed.right.items;
}

function describe(deployment: Deployment): string {
  return `${deployment.metadata?.namespace ?? ''}/${deployment.metadata?.name ?? ''}`;
}
