/**
 * Which pods a ReplicaSet manages: those it controls and its selector matches, plus
 * the orphans it adopts, minus those it releases (upstream's `PodControllerRefManager`).
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Pod, ReplicaSet } from '../../api/kinds/index.js';
import type { LabelSelector } from '../../api/selectors/index.js';
import { Pods, keyOf, type Client } from '../../client/index.js';
import { controllerOf, setControllerReference } from '../../reconcile/helpers/index.js';

/** What a ReplicaSet does with the pods of its namespace. */
export interface PodClaims {
  /** Pods it controls whose labels match its selector: kept. */
  readonly owned: readonly Pod[];
  /** Pods with no controller, not being deleted, that its selector matches: to adopt. */
  readonly toAdopt: readonly Pod[];
  /** Pods it controls whose labels no longer match its selector: to release. */
  readonly toRelease: readonly Pod[];
}

/**
 * Sorts `pods` into what `replicaSet` keeps, adopts and releases; pods controlled by
 * another owner, and the rest, are left out.
 *
 * Guarantees: a ReplicaSet being deleted adopts and releases nothing (its pods are
 * the garbage collector's); orphans being deleted are not adopted.
 */
export function planPodClaims(options: {
  readonly replicaSet: ReplicaSet;
  readonly selector: LabelSelector;
  readonly pods: readonly Pod[];
}): PodClaims {
  const { replicaSet, selector, pods } = options;
  const uid = replicaSet.metadata?.uid;
  const deleting = replicaSet.metadata?.deletionTimestamp !== undefined;
  const owned: Pod[] = [];
  const toAdopt: Pod[] = [];
  const toRelease: Pod[] = [];
  for (const pod of pods) {
    const matches = selector.matches(pod.metadata?.labels);
    const reference = controllerOf(pod);
    if (reference !== undefined) {
      if (reference.uid !== uid) {
        continue;
      }
      if (matches) {
        owned.push(pod);
      } else if (!deleting) {
        toRelease.push(pod);
      }
    } else if (matches && !deleting && pod.metadata?.deletionTimestamp === undefined) {
      toAdopt.push(pod);
    }
  }
  return { owned, toAdopt, toRelease };
}

/**
 * Adopts an orphan: patches a controller reference to `replicaSet` into its
 * `metadata.ownerReferences`. Answers the pod as patched, or `undefined` when it
 * cannot be adopted any more (gone, or meanwhile given another controller).
 *
 * Guarantees: the patch carries the pod's `resourceVersion`, so a pod changed since
 * it was read is not adopted blindly (409 Conflict, thrown and retried).
 *
 * Errors: throws on a failed patch other than 404 NotFound.
 */
export async function adoptPod(options: {
  readonly client: Client;
  readonly replicaSet: ReplicaSet;
  readonly pod: Pod;
}): Promise<Pod | undefined> {
  const { client, replicaSet, pod } = options;
  const adopted = setControllerReference(replicaSet, pod);
  if (isLeft(adopted)) {
    return undefined;
  }
  return patchOwnerReferences(client, pod, adopted.right.metadata?.ownerReferences ?? [], 'adopt');
}

/**
 * Releases a pod: removes `replicaSet`'s reference (by uid) from its
 * `metadata.ownerReferences`, with the pod's `resourceVersion` as precondition.
 *
 * Errors: throws on a failed patch other than 404 NotFound (a pod gone is released).
 */
export async function releasePod(options: {
  readonly client: Client;
  readonly replicaSet: ReplicaSet;
  readonly pod: Pod;
}): Promise<void> {
  const { client, replicaSet, pod } = options;
  const uid = replicaSet.metadata?.uid;
  const kept = (pod.metadata?.ownerReferences ?? []).filter((reference) => reference.uid !== uid);
  await patchOwnerReferences(client, pod, kept, 'release');
}

async function patchOwnerReferences(
  client: Client,
  pod: Pod,
  ownerReferences: readonly unknown[],
  purpose: 'adopt' | 'release',
): Promise<Pod | undefined> {
  const patched = await client.patch(Pods, keyOf(pod), {
    type: 'merge',
    body: {
      metadata: {
        resourceVersion: pod.metadata?.resourceVersion,
        ownerReferences: ownerReferences.length === 0 ? null : ownerReferences,
      },
    },
  });
  if (isLeft(patched)) {
    if (patched.left.code === 404) {
      return undefined;
    }
    throw new Error(
      `cannot ${purpose} pod ${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}: ${patched.left.message ?? ''}`,
    );
  }
  return patched.right;
}
