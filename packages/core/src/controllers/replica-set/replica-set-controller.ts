/**
 * The ReplicaSet controller: keeps `spec.replicas` pods of a ReplicaSet running and
 * reports them in its status.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Pod, ReplicaSet } from '../../api/kinds/index.js';
import { labelSelectorAsSelector } from '../../api/selectors/index.js';
import type { Clock } from '../../clock/index.js';
import { Pods, ReplicaSets, type Client, type ObjectKey } from '../../client/index.js';
import { awaitChange, requeueAfter, TerminalError, type Action } from '../../reconcile/action.js';
import type { CacheReader } from '../../reconcile/cache/index.js';
import { controller, type Controller } from '../../reconcile/controller/index.js';
import { controllerOf, patchStatusIfChanged } from '../../reconcile/helpers/index.js';
import { adoptPod, planPodClaims, releasePod } from './claim-pods.js';
import { manageReplicas } from './manage-replicas.js';
import { isPodActive } from './pod-readiness.js';
import { computeReplicaSetStatus } from './replica-set-status.js';

/** What the ReplicaSet controller needs. */
export interface ReplicaSetControllerOptions {
  /** The client it reads pods and writes pods and statuses with. */
  readonly client: Client;
  /** The clock of its queue and of pod availability (`minReadySeconds`). */
  readonly clock: Clock;
}

/**
 * Reconciles ReplicaSets (upstream's ReplicaSet controller, its essentials):
 * - claims pods: those of its namespace it controls and its selector matches; it
 *   adopts matching orphans (a controller reference is patched in) and releases the
 *   pods it controls that its selector no longer matches;
 * - of its active pods (not being deleted, not `Succeeded`/`Failed`), creates the
 *   missing ones from `spec.template` or deletes the surplus (unscheduled, then
 *   `Pending`, then not ready, then the newest first);
 * - writes `status` (`replicas`, `fullyLabeledReplicas`, `readyReplicas`,
 *   `availableReplicas`, `observedGeneration`) through the `status` subresource, only
 *   when it changed, and requeues when a ready pod will become available after
 *   `spec.minReadySeconds`.
 *
 * Guarantees: a ReplicaSet being deleted is left alone (the garbage collector deletes
 * its pods). Pods are listed from the apiserver at each reconcile, so a reconcile
 * never acts on a stale view of its own creations.
 *
 * Errors: failed writes are thrown and retried with backoff; an invalid
 * `spec.selector` or a missing `spec.template` is a `TerminalError`.
 *
 * Caveats: no `ReplicaFailure` condition, no `terminatingReplicas`, no burst limit
 * (upstream's 500 creations per sync).
 */
export function replicaSetController(options: ReplicaSetControllerOptions): Controller<ReplicaSet> {
  const { client, clock } = options;
  const built: Controller<ReplicaSet> = controller({ client, clock })
    .for(ReplicaSets)
    .owns(Pods)
    .watches(Pods, (pod) => replicaSetsThatMayAdopt(built.cache, pod))
    .reconcile(async (request, { cache }): Promise<Action> => {
      const replicaSet = cache.get(request);
      if (replicaSet === undefined || replicaSet.metadata?.deletionTimestamp !== undefined) {
        return awaitChange();
      }
      return syncReplicaSet({ client, clock, replicaSet });
    });
  return built;
}

/** One reconcile of a live ReplicaSet: claim, scale, report. */
async function syncReplicaSet(options: {
  readonly client: Client;
  readonly clock: Clock;
  readonly replicaSet: ReplicaSet;
}): Promise<Action> {
  const { client, clock, replicaSet } = options;
  const selector = labelSelectorAsSelector(replicaSet.spec?.selector);
  if (isLeft(selector)) {
    throw new TerminalError(
      `ReplicaSet ${describe(replicaSet)} has an invalid spec.selector: ${JSON.stringify(selector.left)}`,
    );
  }
  const namespace = replicaSet.metadata?.namespace ?? '';
  const listed = await client.list(Pods, { namespace });
  if (isLeft(listed)) {
    throw new Error(`cannot list pods in namespace ${namespace}: ${listed.left.message ?? ''}`);
  }
  const claims = planPodClaims({
    replicaSet,
    selector: selector.right,
    pods: listed.right.items.filter(isPodActive),
  });
  for (const pod of claims.toRelease) {
    await releasePod({ client, replicaSet, pod });
  }
  const adopted: Pod[] = [];
  for (const pod of claims.toAdopt) {
    const patched = await adoptPod({ client, replicaSet, pod });
    if (patched !== undefined) {
      adopted.push(patched);
    }
  }
  const pods = [...claims.owned, ...adopted];
  // The status is written even when scaling fails, as upstream: the failure is thrown after.
  const scalingFailure = await manageReplicas({ client, replicaSet, pods }).then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  const { status, nextAvailableIn } = computeReplicaSetStatus({
    replicaSet,
    pods,
    now: clock.now(),
  });
  const written = await patchStatusIfChanged({
    client,
    type: ReplicaSets,
    object: replicaSet,
    status,
  });
  if (scalingFailure !== undefined) {
    throw scalingFailure;
  }
  if (isLeft(written) && written.left.code !== 404) {
    throw new Error(
      `cannot write the status of ReplicaSet ${describe(replicaSet)}: ${written.left.message ?? ''}`,
    );
  }
  return nextAvailableIn === undefined ? awaitChange() : requeueAfter(Math.max(1, nextAvailableIn));
}

/**
 * The ReplicaSets a change of `pod` concerns when it has no controller: those of its
 * namespace whose selector matches it (they may adopt it).
 */
function replicaSetsThatMayAdopt(cache: CacheReader<ReplicaSet>, pod: Pod): readonly ObjectKey[] {
  const namespace = pod.metadata?.namespace;
  if (namespace === undefined || controllerOf(pod) !== undefined) {
    return [];
  }
  return cache
    .byIndex('namespace', namespace)
    .filter((replicaSet) => {
      const selector = labelSelectorAsSelector(replicaSet.spec?.selector);
      return !isLeft(selector) && selector.right.matches(pod.metadata?.labels);
    })
    .map((replicaSet) => ({ namespace, name: replicaSet.metadata?.name ?? '' }));
}

function describe(replicaSet: ReplicaSet): string {
  return `${replicaSet.metadata?.namespace ?? ''}/${replicaSet.metadata?.name ?? ''}`;
}
