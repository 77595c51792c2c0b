/**
 * What one sync of a Deployment carries from step to step: the inputs, and the state
 * built so far (its ReplicaSets as last written, the status and revision to write).
 *
 * @module
 */
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../api/kinds/index.js';
import type { LabelSelector } from '../../api/selectors/index.js';
import { formatTime } from '../../apiserver/index.js';
import type { Clock } from '../../clock/index.js';
import type { Client } from '../../client/index.js';
import { rolloutStatus, type StatusInputs } from './deployment-status.js';
import { replicaSetsToCleanUp } from './history-cleanup.js';
import { deleteReplicaSet } from './replica-set-writes.js';
import type { RolloutParameters } from './rollout-parameters.js';

/** The inputs of one sync. */
export interface SyncInputs {
  readonly client: Client;
  readonly clock: Clock;
  /** The Deployment as read. */
  readonly deployment: Deployment;
  readonly parameters: RolloutParameters;
  /** Its `spec.selector`, parsed. */
  readonly selector: LabelSelector;
}

/** The state of one sync: what the steps found and changed so far. */
export interface SyncState {
  /** The new ReplicaSet (its template is the Deployment's), as last written. */
  readonly newReplicaSet: ReplicaSet | undefined;
  /** The other ReplicaSets, as last written. */
  readonly oldReplicaSets: readonly ReplicaSet[];
  /** The status to write (conditions set by earlier steps included). */
  readonly status: DeploymentStatus;
  /** The revision the Deployment is at (its new ReplicaSet's), when known. */
  readonly revision: number | undefined;
}

/** All the ReplicaSets of the state: the old ones, then the new one. */
export function allReplicaSetsOf(state: SyncState): readonly ReplicaSet[] {
  return state.newReplicaSet === undefined
    ? state.oldReplicaSets
    : [...state.oldReplicaSets, state.newReplicaSet];
}

/** The state with `replaced` (matched by uid) in place of the ReplicaSet it updates. */
export function withReplicaSet(state: SyncState, replaced: ReplicaSet): SyncState {
  const uid = replaced.metadata?.uid;
  if (state.newReplicaSet?.metadata?.uid === uid) {
    return { ...state, newReplicaSet: replaced };
  }
  return {
    ...state,
    oldReplicaSets: state.oldReplicaSets.map((replicaSet) =>
      replicaSet.metadata?.uid === uid ? replaced : replicaSet,
    ),
  };
}

/** The inputs of the status computations for this state, at the clock's now. */
export function statusInputsOf(inputs: SyncInputs, state: SyncState): StatusInputs {
  return {
    parameters: inputs.parameters,
    name: inputs.deployment.metadata?.name ?? '',
    generation: inputs.deployment.metadata?.generation ?? 0,
    status: state.status,
    allReplicaSets: allReplicaSetsOf(state),
    newReplicaSet: state.newReplicaSet,
    now: formatTime(inputs.clock.now()),
  };
}

/** The state with its status brought up to date after a rollout step (`syncRolloutStatus`). */
export function withRolloutStatus(inputs: SyncInputs, state: SyncState): SyncState {
  return {
    ...state,
    status: rolloutStatus({ ...statusInputsOf(inputs, state), nowMs: inputs.clock.now() }),
  };
}

/**
 * Deletes the old ReplicaSets beyond `revisionHistoryLimit` that are scaled down
 * (see {@link replicaSetsToCleanUp}); answers the state without them.
 *
 * Errors: throws on a failed delete.
 */
export async function cleanUpHistory(inputs: SyncInputs, state: SyncState): Promise<SyncState> {
  const doomed = replicaSetsToCleanUp({
    oldReplicaSets: state.oldReplicaSets,
    limit: inputs.parameters.revisionHistoryLimit,
  });
  for (const replicaSet of doomed) {
    await deleteReplicaSet({ client: inputs.client, replicaSet });
  }
  return doomed.length === 0
    ? state
    : { ...state, oldReplicaSets: state.oldReplicaSets.filter((rs) => !doomed.includes(rs)) };
}
