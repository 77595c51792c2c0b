/**
 * The ReplicaSet controller: keeps `spec.replicas` pods of a ReplicaSet running and
 * reports them in its status.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { merge, ReplaySubject, switchMap, take } from 'rxjs';
import type { Pod, ReplicaSet } from '../../api/kinds/index.js';
import { labelSelectorAsSelector } from '../../api/selectors/index.js';
import type { Clock } from '../../clock/index.js';
import {
  keyOf,
  objectKeyString,
  Pods,
  ReplicaSets,
  type Client,
  type ObjectKey,
} from '../../client/index.js';
import { awaitChange, requeueAfter, TerminalError, type Action } from '../../reconcile/action.js';
import { OWNER_UID_INDEX, type CacheReader } from '../../reconcile/cache/index.js';
import { applier, type Controller, type ObjectChange } from '../../reconcile/controller/index.js';
import { sharedInformers, type SharedInformers } from '../../reconcile/informer/index.js';
import { ReplicaSetExpectations } from './expectations.js';
import { controllerOf, patchStatusIfChanged } from '../../reconcile/helpers/index.js';
import { adoptPod, planPodClaims, releasePod } from './claim-pods.js';
import { manageReplicas } from './manage-replicas.js';
import { isPodActive } from './pod-readiness.js';
import { computeReplicaSetStatus } from './replica-set-status.js';
import { flatMapSync } from '../../reconcile/operators/index.js';

/** What the ReplicaSet controller needs. */
export interface ReplicaSetControllerOptions {
  /** The client it reads pods and writes pods and statuses with. */
  readonly client: Client;
  /** The clock of its queue and of pod availability (`minReadySeconds`). */
  readonly clock: Clock;
  /** How many ReplicaSets sync at once. Default {@link DEFAULT_REPLICA_SET_CONCURRENCY}. */
  readonly concurrency?: number;
  /** The informers of pods and ReplicaSets to share (its own when absent). */
  readonly informers?: SharedInformers;
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
 * its pods). Pods are read from one pod watch's cache (no list per reconcile); the
 * creations and deletions a sync makes are expected (upstream's expectations), and
 * until the watch has shown them all (or 5 minutes pass) the ReplicaSet is not scaled
 * again, so a cache behind its own writes never creates or deletes twice. ReplicaSets
 * are reconciled once the pods are cached, up to 5 at a time.
 *
 * Errors: failed writes are thrown and retried with backoff; an invalid
 * `spec.selector` or a missing `spec.template` is a `TerminalError`.
 *
 * Caveats: no `ReplicaFailure` condition, no `terminatingReplicas`, no burst limit
 * (upstream's 500 creations per sync).
 */
export function replicaSetController(options: ReplicaSetControllerOptions): Controller<ReplicaSet> {
  const { client, clock } = options;
  const informers = options.informers ?? sharedInformers({ client, clock });
  const replicaSets = informers.forType(ReplicaSets);
  const pods = informers.forType(Pods, { indexers: { [ORPHANS_INDEX]: orphansByNamespace } });
  const expectations = new ReplicaSetExpectations();
  const context = { client, clock, cache: replicaSets.cache };
  const reconcile = async (request: ObjectKey): Promise<Action> => {
    const replicaSet = replicaSets.cache.get(request);
    if (replicaSet === undefined || replicaSet.metadata?.deletionTimestamp !== undefined) {
      return awaitChange();
    }
    return syncReplicaSet({ client, clock, replicaSet, pods: pods.cache, expectations });
  };
  const everyReplicaSet = (): readonly ObjectKey[] =>
    replicaSets.cache.list().map((replicaSet) => keyOf(replicaSet));
  return {
    cache: replicaSets.cache,
    run: () => {
      const podsSynced = new ReplaySubject<void>(1);
      const podTriggers = pods.events$.pipe(
        flatMapSync((event) => {
          if (event.type === 'synced') {
            podsSynced.next();
            return everyReplicaSet();
          }
          return replicaSetsConcerned({ event, replicaSets: replicaSets.cache, expectations });
        }),
      );
      // ReplicaSets are reconciled only once the pods are cached: before, every one
      // would look empty and create pods again.
      const replicaSetTriggers = podsSynced.pipe(
        take(1),
        switchMap(() => replicaSets.events$),
        flatMapSync((event): readonly ObjectKey[] => {
          switch (event.type) {
            case 'synced':
              return everyReplicaSet();
            case 'apply':
              return [keyOf(event.object)];
            case 'delete':
              expectations.forget(objectKeyString(keyOf(event.object)));
              return [keyOf(event.object)];
          }
        }),
      );
      return applier({
        reconcile: (request) => reconcile(request),
        context,
        triggers: merge(podTriggers, replicaSetTriggers),
        clock,
        concurrency: options.concurrency ?? DEFAULT_REPLICA_SET_CONCURRENCY,
      });
    },
  };
}

/** The index of the pods without a controller, by namespace. */
const ORPHANS_INDEX = 'orphans';

function orphansByNamespace(pod: Pod): readonly string[] {
  return controllerOf(pod) === undefined ? [pod.metadata?.namespace ?? ''] : [];
}

/** Upstream's `--concurrent-replicaset-syncs`. */
export const DEFAULT_REPLICA_SET_CONCURRENCY = 5;

/** One reconcile of a live ReplicaSet: claim, scale, report. */
async function syncReplicaSet(options: {
  readonly client: Client;
  readonly clock: Clock;
  readonly replicaSet: ReplicaSet;
  readonly pods: CacheReader<Pod>;
  readonly expectations: ReplicaSetExpectations;
}): Promise<Action> {
  const { client, clock, replicaSet, expectations } = options;
  const selector = labelSelectorAsSelector(replicaSet.spec?.selector);
  if (isLeft(selector)) {
    throw new TerminalError(
      `ReplicaSet ${describe(replicaSet)} has an invalid spec.selector: ${JSON.stringify(selector.left)}`,
    );
  }
  const namespace = replicaSet.metadata?.namespace ?? '';
  const key = objectKeyString(keyOf(replicaSet));
  // The pods it may claim: those it controls, and the orphans of its namespace (the
  // pods of other controllers are not its business), without a scan of the namespace.
  const uid = replicaSet.metadata?.uid ?? '';
  const controlled = options.pods.byIndex(OWNER_UID_INDEX, uid);
  const orphans = options.pods.byIndex(ORPHANS_INDEX, namespace);
  const candidates = orphans.length === 0 ? controlled : [...new Set([...controlled, ...orphans])];
  const claims = planPodClaims({
    replicaSet,
    selector: selector.right,
    pods: candidates.filter(isPodActive),
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
  const owned = adopted.length === 0 ? claims.owned : [...claims.owned, ...adopted];
  // The status is written even when scaling fails, as upstream: the failure is thrown after.
  const scalingFailure = expectations.satisfied(key, clock.now())
    ? await manageReplicas({
        client,
        replicaSet,
        pods: owned,
        expectations: {
          expectCreations: (count) => expectations.expectCreations(key, count, clock.now()),
          creationObserved: () => expectations.creationObserved(key),
          expectDeletions: (uids) => expectations.expectDeletions(key, uids, clock.now()),
          deletionObserved: (uid) => expectations.deletionObserved(key, uid),
        },
      }).then(
        () => undefined,
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      )
    : undefined;
  const { status, nextAvailableIn } = computeReplicaSetStatus({
    replicaSet,
    pods: owned,
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
 * The ReplicaSets a pod change concerns, and what it tells the expectations: the
 * controller of the pod before and after (a creation, deletion or graceful deletion
 * it sees is observed), and, for a pod without a controller, the ReplicaSets that may
 * adopt it.
 */
function replicaSetsConcerned(options: {
  readonly event: ObjectChange<Pod>;
  readonly replicaSets: CacheReader<ReplicaSet>;
  readonly expectations: ReplicaSetExpectations;
}): readonly ObjectKey[] {
  const { event, expectations } = options;
  const pod = event.object;
  const namespace = pod.metadata?.namespace ?? '';
  const old = event.old;
  const owner = controllingReplicaSet(pod);
  const oldOwner = old === undefined ? undefined : controllingReplicaSet(old);
  const keys: ObjectKey[] = [];
  if (owner !== undefined) {
    const ownerKey = `${namespace}/${owner}`;
    const uid = pod.metadata?.uid ?? '';
    if (event.type === 'delete') {
      expectations.deletionObserved(ownerKey, uid);
    } else if (old === undefined) {
      expectations.creationObserved(ownerKey);
    }
    if (
      event.type === 'apply' &&
      pod.metadata?.deletionTimestamp !== undefined &&
      old?.metadata?.deletionTimestamp === undefined
    ) {
      expectations.deletionObserved(ownerKey, uid);
    }
    keys.push({ namespace, name: owner });
  }
  if (oldOwner !== undefined && oldOwner !== owner) {
    keys.push({ namespace, name: oldOwner });
  }
  if (owner === undefined && event.type === 'apply') {
    keys.push(...replicaSetsThatMayAdopt(options.replicaSets, pod));
  }
  return keys;
}

/** The name of the ReplicaSet controlling `pod`, if one does. */
function controllingReplicaSet(pod: Pod): string | undefined {
  const reference = controllerOf(pod);
  return reference?.kind === 'ReplicaSet' && reference.apiVersion.startsWith('apps/')
    ? reference.name
    : undefined;
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
