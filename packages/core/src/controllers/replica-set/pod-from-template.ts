/**
 * The pod a ReplicaSet creates: its template, named after it, controlled by it.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Pod, ReplicaSet } from '../../api/kinds/index.js';
import { ownerReferenceFor, type OwnerReferenceError } from '../../reconcile/helpers/index.js';

/**
 * A new pod from `replicaSet.spec.template` (upstream's `GetPodFromTemplate`):
 * `generateName` `<replica-set-name>-`, the ReplicaSet's namespace, the template's
 * labels, annotations and finalizers, its spec, and one owner reference to the
 * ReplicaSet with `controller` and `blockOwnerDeletion`.
 *
 * Guarantees: never changes `replicaSet`.
 *
 * Errors: `left` {@link OwnerReferenceError} (`IncompleteOwner`) when the ReplicaSet
 * lacks `apiVersion`, `kind`, name or uid.
 */
export function podFromTemplate(replicaSet: ReplicaSet): Either<OwnerReferenceError, Pod> {
  const reference = ownerReferenceFor(replicaSet, { controller: true, blockOwnerDeletion: true });
  if (reference._tag === 'Left') {
    return left(reference.left);
  }
  const template = replicaSet.spec?.template;
  const templateMetadata = template?.metadata;
  return right({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${replicaSet.metadata?.name ?? ''}-`,
      ...(replicaSet.metadata?.namespace === undefined
        ? {}
        : { namespace: replicaSet.metadata.namespace }),
      ...(templateMetadata?.labels === undefined ? {} : { labels: templateMetadata.labels }),
      ...(templateMetadata?.annotations === undefined
        ? {}
        : { annotations: templateMetadata.annotations }),
      ...(templateMetadata?.finalizers === undefined
        ? {}
        : { finalizers: templateMetadata.finalizers }),
      ownerReferences: [reference.right],
    },
    ...(template?.spec === undefined ? {} : { spec: template.spec }),
  });
}
