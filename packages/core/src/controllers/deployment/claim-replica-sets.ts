/**
 * Which ReplicaSets a Deployment manages: those it controls and its selector
 * matches, plus the orphans it adopts, minus those it releases (upstream's
 * `ClaimReplicaSets`).
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Deployment, ReplicaSet } from '../../api/kinds/index.js';
import type { LabelSelector } from '../../api/selectors/index.js';
import { ReplicaSets, keyOf, type Client } from '../../client/index.js';
import { controllerOf, setControllerReference } from '../../reconcile/helpers/index.js';

/** What a Deployment does with the ReplicaSets of its namespace. */
export interface ReplicaSetClaims {
  /** ReplicaSets it controls whose labels match its selector: kept. */
  readonly owned: readonly ReplicaSet[];
  /** ReplicaSets with no controller, not being deleted, that its selector matches: to adopt. */
  readonly toAdopt: readonly ReplicaSet[];
  /** ReplicaSets it controls whose labels no longer match its selector: to release. */
  readonly toRelease: readonly ReplicaSet[];
}

/**
 * Sorts `replicaSets` into what `deployment` keeps, adopts and releases (by the
 * ReplicaSets' own labels); those controlled by another owner are left out.
 *
 * Guarantees: a Deployment being deleted adopts and releases nothing.
 */
export function planReplicaSetClaims(options: {
  readonly deployment: Deployment;
  readonly selector: LabelSelector;
  readonly replicaSets: readonly ReplicaSet[];
}): ReplicaSetClaims {
  const { deployment, selector, replicaSets } = options;
  const uid = deployment.metadata?.uid;
  const deleting = deployment.metadata?.deletionTimestamp !== undefined;
  const owned: ReplicaSet[] = [];
  const toAdopt: ReplicaSet[] = [];
  const toRelease: ReplicaSet[] = [];
  for (const replicaSet of replicaSets) {
    const matches = selector.matches(replicaSet.metadata?.labels);
    const reference = controllerOf(replicaSet);
    if (reference !== undefined) {
      if (reference.uid !== uid) {
        continue;
      }
      if (matches) {
        owned.push(replicaSet);
      } else if (!deleting) {
        toRelease.push(replicaSet);
      }
    } else if (matches && !deleting && replicaSet.metadata?.deletionTimestamp === undefined) {
      toAdopt.push(replicaSet);
    }
  }
  return { owned, toAdopt, toRelease };
}

/**
 * Adopts an orphan ReplicaSet: patches a controller reference to `deployment` into it,
 * with its `resourceVersion` as precondition. Answers it as patched, or `undefined`
 * when it cannot be adopted (gone, or meanwhile given another controller).
 *
 * Errors: throws on a failed patch other than 404 NotFound (a 409 Conflict is retried).
 */
export async function adoptReplicaSet(options: {
  readonly client: Client;
  readonly deployment: Deployment;
  readonly replicaSet: ReplicaSet;
}): Promise<ReplicaSet | undefined> {
  const { client, deployment, replicaSet } = options;
  const adopted = setControllerReference(deployment, replicaSet);
  if (isLeft(adopted)) {
    return undefined;
  }
  const references = adopted.right.metadata?.ownerReferences ?? [];
  return patchOwnerReferences(client, replicaSet, references, 'adopt');
}

/**
 * Releases a ReplicaSet: removes `deployment`'s reference (by uid) from it, with its
 * `resourceVersion` as precondition.
 *
 * Errors: throws on a failed patch other than 404 NotFound.
 */
export async function releaseReplicaSet(options: {
  readonly client: Client;
  readonly deployment: Deployment;
  readonly replicaSet: ReplicaSet;
}): Promise<void> {
  const { client, deployment, replicaSet } = options;
  const uid = deployment.metadata?.uid;
  const kept = (replicaSet.metadata?.ownerReferences ?? []).filter((ref) => ref.uid !== uid);
  await patchOwnerReferences(client, replicaSet, kept, 'release');
}

async function patchOwnerReferences(
  client: Client,
  replicaSet: ReplicaSet,
  ownerReferences: readonly unknown[],
  purpose: 'adopt' | 'release',
): Promise<ReplicaSet | undefined> {
  const patched = await client.patch(ReplicaSets, keyOf(replicaSet), {
    type: 'merge',
    body: {
      metadata: {
        resourceVersion: replicaSet.metadata?.resourceVersion,
        ownerReferences: ownerReferences.length === 0 ? null : ownerReferences,
      },
    },
  });
  if (isLeft(patched)) {
    if (patched.left.code === 404) {
      return undefined;
    }
    const key = `${replicaSet.metadata?.namespace ?? ''}/${replicaSet.metadata?.name ?? ''}`;
    throw new Error(`cannot ${purpose} ReplicaSet ${key}: ${patched.left.message ?? ''}`);
  }
  return patched.right;
}
