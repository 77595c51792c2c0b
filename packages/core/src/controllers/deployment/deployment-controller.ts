/**
 * The Deployment controller: rolls a Deployment's pod template out through
 * ReplicaSets and reports the rollout in its status.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Deployment, Pod, ReplicaSet } from '../../api/kinds/index.js';
import { labelSelectorAsSelector, type LabelSelector } from '../../api/selectors/index.js';
import type { Clock } from '../../clock/index.js';
import { Deployments, Pods, ReplicaSets, type Client, type ObjectKey } from '../../client/index.js';
import { awaitChange, TerminalError, type Action } from '../../reconcile/action.js';
import { NAMESPACE_INDEX, type CacheReader } from '../../reconcile/cache/index.js';
import { controller, type Controller } from '../../reconcile/controller/index.js';
import type { SharedInformers } from '../../reconcile/informer/index.js';
import { controllerOf } from '../../reconcile/helpers/index.js';
import { adoptReplicaSet, planReplicaSetClaims, releaseReplicaSet } from './claim-replica-sets.js';
import { rolloutParametersOf } from './rollout-parameters.js';
import { syncDeployment } from './sync-deployment.js';

/** What the Deployment controller needs. */
export interface DeploymentControllerOptions {
  /** The client it reads and writes ReplicaSets, pods and Deployment statuses with. */
  readonly client: Client;
  /** The clock of its queue, its conditions' times and the progress deadline. */
  readonly clock: Clock;
  /** The informers of Deployments, ReplicaSets and pods to share (its own when absent). */
  readonly informers?: SharedInformers;
}

/**
 * Reconciles Deployments (upstream's Deployment controller, its essentials):
 * - claims ReplicaSets: those of its namespace it controls and its selector matches;
 *   it adopts matching orphans and releases those it no longer matches;
 * - the new ReplicaSet (template equal to the Deployment's) is named
 *   `<deployment>-<pod-template-hash>`, the hash in its labels, selector and pod
 *   template; a hash collision raises `status.collisionCount`;
 * - `RollingUpdate` (within `maxSurge` / `maxUnavailable`) or `Recreate` (old pods
 *   gone before new ones are created); a change of `spec.replicas` mid-rollout is
 *   spread proportionally; `spec.paused` stops the rollout, not scaling;
 * - revisions (`deployment.kubernetes.io/revision`, a rollback moves the old
 *   ReplicaSet to the newest), `revisionHistoryLimit` old ReplicaSets kept;
 * - `status`: counts, `observedGeneration`, `collisionCount`, conditions
 *   `Progressing` and `Available`; the progress deadline is checked when it falls due.
 *
 * Guarantees: a Deployment being deleted is left alone (the garbage collector deletes
 * its ReplicaSets); the status is written only when it changed. ReplicaSets are read
 * from the watch's cache (the informer of ReplicaSets), never listed per reconcile.
 *
 * Errors: failed writes are thrown and retried with backoff; an invalid or empty
 * `spec.selector`, or malformed `maxSurge` / `maxUnavailable`, is a `TerminalError`.
 *
 * Caveats: no events (`ScalingReplicaSet`), no copy of the Deployment's annotations
 * onto its ReplicaSets, no `revisionHistory` annotation, no `terminatingReplicas`.
 */
export function deploymentController(options: DeploymentControllerOptions): Controller<Deployment> {
  const { client, clock, informers } = options;
  const built: Controller<Deployment> = controller({
    client,
    clock,
    ...(informers === undefined ? {} : { informers }),
  })
    .for(Deployments)
    .owns(ReplicaSets)
    .watches(ReplicaSets, (replicaSet) => deploymentsThatMayAdopt(built.cache, replicaSet))
    .watches(Pods, (pod) => recreatesWaitingFor(built.cache, pod), {
      predicate: (change) => change.type === 'delete',
    })
    .reconcile(async (request, context): Promise<Action> => {
      const deployment = context.cache.get(request);
      if (deployment === undefined || deployment.metadata?.deletionTimestamp !== undefined) {
        return awaitChange();
      }
      const replicaSets = context.informers.forType(ReplicaSets).cache;
      return reconcileDeployment({ client, clock, deployment, replicaSets });
    });
  return built;
}

/** One reconcile of a live Deployment: check its spec, claim its ReplicaSets, sync. */
async function reconcileDeployment(options: {
  readonly client: Client;
  readonly clock: Clock;
  readonly deployment: Deployment;
  /** The ReplicaSets as the controller's watch has seen them. */
  readonly replicaSets: CacheReader<ReplicaSet>;
}): Promise<Action> {
  const { client, clock, deployment } = options;
  const selector = selectorOf(deployment);
  if (isLeft(selector)) {
    throw new TerminalError(selector.left);
  }
  const parameters = rolloutParametersOf(deployment);
  if (isLeft(parameters)) {
    throw new TerminalError(`Deployment ${describe(deployment)}: ${parameters.left}`);
  }
  const namespace = deployment.metadata?.namespace ?? '';
  const claims = planReplicaSetClaims({
    deployment,
    selector: selector.right,
    replicaSets: options.replicaSets.byIndex(NAMESPACE_INDEX, namespace),
  });
  for (const replicaSet of claims.toRelease) {
    await releaseReplicaSet({ client, deployment, replicaSet });
  }
  const adopted: ReplicaSet[] = [];
  for (const replicaSet of claims.toAdopt) {
    const patched = await adoptReplicaSet({ client, deployment, replicaSet });
    if (patched !== undefined) {
      adopted.push(patched);
    }
  }
  return syncDeployment(
    { client, clock, deployment, parameters: parameters.right, selector: selector.right },
    [...claims.owned, ...adopted],
  );
}

/** The Deployment's selector; `left` with a message when invalid or empty. */
function selectorOf(deployment: Deployment): Either<string, LabelSelector> {
  const parsed = labelSelectorAsSelector(deployment.spec?.selector);
  if (isLeft(parsed)) {
    return left(
      `Deployment ${describe(deployment)} has an invalid spec.selector: ${JSON.stringify(parsed.left)}`,
    );
  }
  if (parsed.right.isEverything || parsed.right.isNothing) {
    return left(
      `Deployment ${describe(deployment)} has an empty spec.selector, which would select every ReplicaSet`,
    );
  }
  return right(parsed.right);
}

/**
 * The Deployments a change of `replicaSet` concerns when it has no controller:
 * those of its namespace whose selector matches it (they may adopt it).
 */
function deploymentsThatMayAdopt(
  cache: CacheReader<Deployment>,
  replicaSet: ReplicaSet,
): readonly ObjectKey[] {
  const namespace = replicaSet.metadata?.namespace;
  if (namespace === undefined || controllerOf(replicaSet) !== undefined) {
    return [];
  }
  return matchingDeployments(cache, namespace, replicaSet.metadata?.labels, () => true);
}

/**
 * The Recreate Deployments a deleted pod may unblock: those of its namespace whose
 * selector matches it (they wait for their old pods to be gone).
 */
function recreatesWaitingFor(cache: CacheReader<Deployment>, pod: Pod): readonly ObjectKey[] {
  const namespace = pod.metadata?.namespace;
  if (namespace === undefined || controllerOf(pod) === undefined) {
    return [];
  }
  return matchingDeployments(
    cache,
    namespace,
    pod.metadata?.labels,
    (deployment) => deployment.spec?.strategy?.type === 'Recreate',
  );
}

function matchingDeployments(
  cache: CacheReader<Deployment>,
  namespace: string,
  labels: Readonly<Record<string, string>> | undefined,
  include: (deployment: Deployment) => boolean,
): readonly ObjectKey[] {
  return cache
    .byIndex('namespace', namespace)
    .filter((deployment) => {
      if (!include(deployment)) {
        return false;
      }
      const selector = labelSelectorAsSelector(deployment.spec?.selector);
      return !isLeft(selector) && !selector.right.isEverything && selector.right.matches(labels);
    })
    .map((deployment) => ({ namespace, name: deployment.metadata?.name ?? '' }));
}

function describe(deployment: Deployment): string {
  return `${deployment.metadata?.namespace ?? ''}/${deployment.metadata?.name ?? ''}`;
}
