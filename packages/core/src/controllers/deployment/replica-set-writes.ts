/**
 * The Deployment controller's writes of ReplicaSets: create (with hash collision
 * detection), scale (with the replicas annotations), bring an existing new ReplicaSet
 * to the current revision, delete.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Deployment, ReplicaSet } from '../../api/kinds/index.js';
import { isAlreadyExists, isNotFound } from '../../api/status/index.js';
import { ReplicaSets, keyOf, type Client } from '../../client/index.js';
import { isControlledBy } from '../../reconcile/helpers/index.js';
import {
  REVISION_ANNOTATION,
  replicasAnnotations,
  replicasAnnotationsNeedUpdate,
  revisionOf,
} from './annotations.js';
import { templatesEqualIgnoringHash } from './pod-template-hash.js';
import { specReplicasOf } from './replica-set-ordering.js';
import type { RolloutParameters } from './rollout-parameters.js';

/** What creating the new ReplicaSet came to. */
export type CreateOutcome =
  /** Created now. */
  | { readonly _tag: 'Created'; readonly replicaSet: ReplicaSet }
  /** It existed already, ours and of the same template (a stale view): taken as is. */
  | { readonly _tag: 'Existing'; readonly replicaSet: ReplicaSet }
  /** The name is taken by another object: the hash collides. */
  | { readonly _tag: 'Collision' };

/**
 * Creates `replicaSet` for `deployment`; when its name is taken, tells a stale view
 * (the ReplicaSet there is the Deployment's, with the same template) from a hash
 * collision (anything else), as upstream's `getNewReplicaSet`.
 *
 * Errors: throws on any other failure.
 */
export async function createReplicaSet(options: {
  readonly client: Client;
  readonly deployment: Deployment;
  readonly replicaSet: ReplicaSet;
}): Promise<CreateOutcome> {
  const { client, deployment, replicaSet } = options;
  const created = await client.create(ReplicaSets, replicaSet);
  if (!isLeft(created)) {
    return { _tag: 'Created', replicaSet: created.right };
  }
  if (!isAlreadyExists(created.left)) {
    throw new Error(
      `cannot create ReplicaSet ${describe(replicaSet)}: ${created.left.message ?? ''}`,
    );
  }
  const existing = await client.get(ReplicaSets, keyOf(replicaSet));
  if (isLeft(existing)) {
    throw new Error(
      `cannot read ReplicaSet ${describe(replicaSet)}: ${existing.left.message ?? ''}`,
    );
  }
  return isControlledBy(existing.right, deployment) &&
    templatesEqualIgnoringHash(existing.right.spec?.template, deployment.spec?.template)
    ? { _tag: 'Existing', replicaSet: existing.right }
    : { _tag: 'Collision' };
}

/**
 * Scales `replicaSet` to `replicas` and writes the Deployment's replicas annotations
 * (`desired-replicas`, `max-replicas`) on it, when either differs (upstream's
 * `scaleReplicaSet`). Answers the ReplicaSet as written, or as given when nothing
 * differed.
 *
 * Guarantees: the patch carries the ReplicaSet's `resourceVersion` (409 on a stale view).
 *
 * Errors: throws on a failed write.
 */
export async function scaleReplicaSet(options: {
  readonly client: Client;
  readonly replicaSet: ReplicaSet;
  readonly replicas: number;
  readonly parameters: RolloutParameters;
}): Promise<ReplicaSet> {
  const { client, replicaSet, replicas, parameters } = options;
  const sizes = { desired: parameters.replicas, max: parameters.replicas + parameters.maxSurge };
  if (
    specReplicasOf(replicaSet) === replicas &&
    !replicasAnnotationsNeedUpdate(replicaSet, sizes)
  ) {
    return replicaSet;
  }
  return patchReplicaSet(client, replicaSet, {
    metadata: {
      resourceVersion: replicaSet.metadata?.resourceVersion,
      annotations: replicasAnnotations(sizes),
    },
    spec: { replicas },
  });
}

/**
 * Brings the existing new ReplicaSet up to date: its revision raised to `revision`
 * when lower (a rollback moves an old ReplicaSet to the newest revision), its
 * `minReadySeconds` the Deployment's. Answers it as written, or as given.
 *
 * Errors: throws on a failed write.
 */
export async function updateNewReplicaSet(options: {
  readonly client: Client;
  readonly replicaSet: ReplicaSet;
  readonly revision: number;
  readonly parameters: RolloutParameters;
}): Promise<ReplicaSet> {
  const { client, replicaSet, revision, parameters } = options;
  const raiseRevision = revisionOf(replicaSet) < revision;
  const minReadySeconds = (replicaSet.spec?.minReadySeconds ?? 0) !== parameters.minReadySeconds;
  if (!raiseRevision && !minReadySeconds) {
    return replicaSet;
  }
  return patchReplicaSet(client, replicaSet, {
    metadata: {
      resourceVersion: replicaSet.metadata?.resourceVersion,
      ...(raiseRevision ? { annotations: { [REVISION_ANNOTATION]: String(revision) } } : {}),
    },
    ...(minReadySeconds ? { spec: { minReadySeconds: parameters.minReadySeconds } } : {}),
  });
}

/**
 * Deletes an old ReplicaSet (its uid as precondition; the garbage collector deletes
 * its pods). A ReplicaSet already gone counts as deleted.
 *
 * Errors: throws on any other failure.
 */
export async function deleteReplicaSet(options: {
  readonly client: Client;
  readonly replicaSet: ReplicaSet;
}): Promise<void> {
  const { client, replicaSet } = options;
  const uid = replicaSet.metadata?.uid;
  const deleted = await client.delete(
    ReplicaSets,
    keyOf(replicaSet),
    uid === undefined ? {} : { preconditions: { uid } },
  );
  if (isLeft(deleted) && !isNotFound(deleted.left)) {
    throw new Error(
      `cannot delete ReplicaSet ${describe(replicaSet)}: ${deleted.left.message ?? ''}`,
    );
  }
}

async function patchReplicaSet(
  client: Client,
  replicaSet: ReplicaSet,
  body: unknown,
): Promise<ReplicaSet> {
  const patched = await client.patch(ReplicaSets, keyOf(replicaSet), { type: 'merge', body });
  if (isLeft(patched)) {
    throw new Error(
      `cannot update ReplicaSet ${describe(replicaSet)}: ${patched.left.message ?? ''}`,
    );
  }
  return patched.right;
}

function describe(replicaSet: ReplicaSet): string {
  return `${replicaSet.metadata?.namespace ?? ''}/${replicaSet.metadata?.name ?? ''}`;
}
