/**
 * The new ReplicaSet of a Deployment: the one whose template is the Deployment's, how
 * to build it when there is none, and how many replicas it starts with.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { right } from 'fp-ts/lib/Either.js';
import type { Deployment, ReplicaSet } from '../../api/kinds/index.js';
import { ownerReferenceFor, type OwnerReferenceError } from '../../reconcile/helpers/index.js';
import {
  POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION,
  replicasAnnotations,
} from './annotations.js';
import { computePodTemplateHash, templatesEqualIgnoringHash } from './pod-template-hash.js';
import {
  compareByCreation,
  sortedBy,
  specReplicasOf,
  sumSpecReplicas,
} from './replica-set-ordering.js';
import type { RolloutParameters } from './rollout-parameters.js';

/**
 * The Deployment's new ReplicaSet: the oldest of `replicaSets` whose template equals
 * the Deployment's, the `pod-template-hash` label aside (upstream's
 * `FindNewReplicaSet`); `undefined` when there is none.
 *
 * Caveats: after a rollback, the new ReplicaSet is an old one brought back.
 */
export function findNewReplicaSet(
  deployment: Deployment,
  replicaSets: readonly ReplicaSet[],
): ReplicaSet | undefined {
  const template = deployment.spec?.template;
  return sortedBy(replicaSets, compareByCreation).find((replicaSet) =>
    templatesEqualIgnoringHash(replicaSet.spec?.template, template),
  );
}

/**
 * How many replicas the new ReplicaSet should have now (upstream's
 * `NewRSNewReplicas`): for Recreate, `replicas`; for a rolling update, as many more
 * as the surge leaves room for (all ReplicaSets together stay within
 * `replicas + maxSurge`), never more than `replicas`.
 */
export function newReplicaSetReplicas(options: {
  readonly parameters: RolloutParameters;
  readonly allReplicaSets: readonly ReplicaSet[];
  readonly newReplicaSet: ReplicaSet;
}): number {
  const { parameters, allReplicaSets, newReplicaSet } = options;
  const current = specReplicasOf(newReplicaSet);
  if (parameters.strategy === 'Recreate') {
    return parameters.replicas;
  }
  const podCount = sumSpecReplicas(allReplicaSets);
  const maxTotal = parameters.replicas + parameters.maxSurge;
  if (podCount >= maxTotal) {
    return current;
  }
  const scaleUp = Math.min(maxTotal - podCount, parameters.replicas - current);
  return current + Math.max(0, scaleUp);
}

/**
 * The ReplicaSet to create for the Deployment's current template (upstream's
 * `getNewReplicaSet`): named `<deployment>-<hash>` with the hash of the template and
 * `collisionCount`; the hash added to its labels, selector (`matchLabels`) and
 * template labels; controlled by the Deployment; annotated with `revision` and the
 * replicas annotations; `replicas` and `minReadySeconds` as given.
 *
 * Errors: `left` (`IncompleteOwner`) when the Deployment cannot be referenced.
 */
export function newReplicaSetFor(options: {
  readonly deployment: Deployment;
  readonly parameters: RolloutParameters;
  readonly replicas: number;
  readonly revision: number;
}): Either<OwnerReferenceError, ReplicaSet> {
  const { deployment, parameters, replicas, revision } = options;
  const reference = ownerReferenceFor(deployment, { controller: true, blockOwnerDeletion: true });
  if (reference._tag === 'Left') {
    return reference;
  }
  const spec = deployment.spec;
  const template = spec?.template ?? {};
  const hash = computePodTemplateHash(template, deployment.status?.collisionCount);
  const labels = { ...template.metadata?.labels, [POD_TEMPLATE_HASH_LABEL]: hash };
  const selector = spec?.selector ?? {};
  return right({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${deployment.metadata?.name ?? ''}-${hash}`,
      ...(deployment.metadata?.namespace === undefined
        ? {}
        : { namespace: deployment.metadata.namespace }),
      labels,
      annotations: {
        [REVISION_ANNOTATION]: String(revision),
        ...replicasAnnotations({
          desired: parameters.replicas,
          max: parameters.replicas + parameters.maxSurge,
        }),
      },
      ownerReferences: [reference.right],
    },
    spec: {
      replicas,
      minReadySeconds: parameters.minReadySeconds,
      selector: {
        ...selector,
        matchLabels: { ...selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash },
      },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  });
}
