/**
 * Bringing a ReplicaSet's pods to `spec.replicas`: creating the missing ones, in
 * growing batches, or deleting the surplus, cheapest first (upstream's
 * `manageReplicas`).
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Pod, ReplicaSet } from '../../api/kinds/index.js';
import { Pods, keyOf, type Client } from '../../client/index.js';
import { TerminalError } from '../../reconcile/action.js';
import { podFromTemplate } from './pod-from-template.js';
import { podsToDelete } from './pods-to-delete.js';

/** The first batch of pod creations; each next batch is twice the size (upstream's slow start). */
export const SLOW_START_INITIAL_BATCH = 1;

/**
 * Creates or deletes pods so that `pods` (the ReplicaSet's active pods) become
 * `spec.replicas` (1 when absent).
 *
 * Guarantees:
 * - creations go in batches of 1, 2, 4, ...; a batch with a failure stops the rest
 *   (a quota or admission refusal is not hammered);
 * - deletions take the pods {@link podsToDelete} ranks first, with the pod's uid as
 *   precondition; a pod already gone counts as deleted.
 *
 * Errors: throws the first failure (creations or deletions), after the others of its
 * batch were tried; a `TerminalError` when the ReplicaSet has no pod template or
 * cannot be referenced.
 */
export async function manageReplicas(options: {
  readonly client: Client;
  readonly replicaSet: ReplicaSet;
  readonly pods: readonly Pod[];
  /** Told of the writes made, so that a cache-reading caller waits to see them. */
  readonly expectations?: WriteExpectations;
}): Promise<void> {
  const { client, replicaSet, pods } = options;
  const expectations = options.expectations ?? NO_EXPECTATIONS;
  const diff = pods.length - (replicaSet.spec?.replicas ?? 1);
  if (diff < 0) {
    await createPods(client, replicaSet, -diff, expectations);
  } else if (diff > 0) {
    await deletePods(client, podsToDelete(pods, diff), expectations);
  }
}

/**
 * The writes {@link manageReplicas} reports: how many creations it starts (each that
 * fails or is skipped is reported as observed, since the watch will never show it),
 * and which pods it deletes (each failed deletion likewise).
 */
export interface WriteExpectations {
  expectCreations(count: number): void;
  creationObserved(): void;
  expectDeletions(uids: readonly string[]): void;
  deletionObserved(uid: string): void;
}

const NO_EXPECTATIONS: WriteExpectations = {
  expectCreations: () => undefined,
  creationObserved: () => undefined,
  expectDeletions: () => undefined,
  deletionObserved: () => undefined,
};

async function createPods(
  client: Client,
  replicaSet: ReplicaSet,
  count: number,
  expectations: WriteExpectations,
): Promise<void> {
  if (replicaSet.spec?.template === undefined) {
    throw new TerminalError(`ReplicaSet ${describe(replicaSet)} has no spec.template`);
  }
  const pod = podFromTemplate(replicaSet);
  if (isLeft(pod)) {
    throw new TerminalError(pod.left.message);
  }
  let remaining = count;
  expectations.expectCreations(count);
  for (let batch = SLOW_START_INITIAL_BATCH; remaining > 0; batch *= 2) {
    const size = Math.min(batch, remaining);
    const created = await Promise.all(
      Array.from({ length: size }, () => client.create(Pods, pod.right)),
    );
    remaining -= size;
    const failed = created.find(isLeft);
    if (failed !== undefined) {
      for (const answer of created) {
        if (isLeft(answer)) {
          expectations.creationObserved();
        }
      }
      for (let skipped = 0; skipped < remaining; skipped++) {
        expectations.creationObserved();
      }
      throw new Error(
        `cannot create pods for ReplicaSet ${describe(replicaSet)}: ${failed.left.message ?? ''}`,
      );
    }
  }
}

async function deletePods(
  client: Client,
  pods: readonly Pod[],
  expectations: WriteExpectations,
): Promise<void> {
  expectations.expectDeletions(pods.map((pod) => pod.metadata?.uid ?? ''));
  const deleted = await Promise.all(
    pods.map((pod) => {
      const uid = pod.metadata?.uid;
      return client.delete(Pods, keyOf(pod), uid === undefined ? {} : { preconditions: { uid } });
    }),
  );
  deleted.forEach((answer, index) => {
    // A pod already gone (404) may have left the cache before the expectation was set.
    if (isLeft(answer)) {
      expectations.deletionObserved(pods[index]?.metadata?.uid ?? '');
    }
  });
  const failed = deleted.find((answer) => isLeft(answer) && answer.left.code !== 404);
  if (failed !== undefined && isLeft(failed)) {
    throw new Error(`cannot delete surplus pods: ${failed.left.message ?? ''}`);
  }
}

function describe(replicaSet: ReplicaSet): string {
  return `${replicaSet.metadata?.namespace ?? ''}/${replicaSet.metadata?.name ?? ''}`;
}
