/**
 * The namespace controller: empties a namespace being deleted, then lets it go.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Namespace } from '../../api/kinds/index.js';
import type { ResourceDefinition } from '../../api/registry/index.js';
import type { ApiServer, UserInfo } from '../../apiserver/index.js';
import { SYSTEM_ADMIN } from '../../apiserver/index.js';
import type { Clock } from '../../clock/index.js';
import { Namespaces, keyOf, resourceType, type Client } from '../../client/index.js';
import { awaitChange, requeueAfter, type Action } from '../../reconcile/action.js';
import { controller, type Controller } from '../../reconcile/controller/index.js';

/** The `spec.finalizers` entry the namespace controller owns (upstream's `kubernetes`). */
export const NAMESPACE_FINALIZER = 'kubernetes';

/** How long the controller waits before checking again on content that is still going. */
export const NAMESPACE_RECHECK = '5s';

/** What the namespace controller needs. */
export interface NamespaceControllerOptions {
  /** The client it deletes content with. */
  readonly client: Client;
  readonly clock: Clock;
  /** The apiserver: its resources (what a namespace can hold) and its `finalize` subresource. */
  readonly server: Pick<ApiServer, 'handle' | 'registry'>;
  /** Who finalizes namespaces; `system:admin` by default. */
  readonly user?: UserInfo;
}

/**
 * Reconciles namespaces being deleted (upstream's namespace controller): every
 * namespaced object in one is deleted (in the background); once none is left, the
 * `kubernetes` entry of `spec.finalizers` is removed through the `finalize`
 * subresource, and the apiserver deletes the namespace.
 *
 * Guarantees: objects that wait on their own finalizers keep the namespace
 * `Terminating` until they are gone; the controller checks again every
 * {@link NAMESPACE_RECHECK}. Resources served later (CRDs) are covered: the list of
 * resources is read at each reconcile.
 *
 * Errors: a failed list or delete (other than 404) is thrown, and retried with backoff.
 */
export function namespaceController(options: NamespaceControllerOptions): Controller<Namespace> {
  const { client, clock, server } = options;
  const user = options.user ?? SYSTEM_ADMIN;
  return controller({ client, clock })
    .for(Namespaces)
    .reconcile(async (request, { cache }): Promise<Action> => {
      const namespace = cache.get(request);
      if (namespace?.metadata?.deletionTimestamp === undefined) {
        return awaitChange();
      }
      const finalizers = namespace.spec?.finalizers ?? [];
      if (!finalizers.includes(NAMESPACE_FINALIZER)) {
        return awaitChange();
      }
      const remaining = await deleteContent(client, server.registry.resources(), request.name);
      if (remaining > 0) {
        return requeueAfter(NAMESPACE_RECHECK);
      }
      const finalized = await server.handle({
        verb: 'update',
        user,
        resource: { group: '', version: 'v1', resource: 'namespaces' },
        subresource: 'finalize',
        name: request.name,
        body: {
          ...namespace,
          spec: {
            ...namespace.spec,
            finalizers: finalizers.filter((f) => f !== NAMESPACE_FINALIZER),
          },
        },
      });
      if (isLeft(finalized) && finalized.left.code !== 404) {
        throw new Error(
          `cannot finalize namespace ${request.name}: ${finalized.left.message ?? ''}`,
        );
      }
      return awaitChange();
    });
}

/**
 * Deletes every object of every namespaced, listable resource in `namespace`;
 * answers how many are still there (being deleted, or just asked to be).
 */
async function deleteContent(
  client: Client,
  resources: readonly ResourceDefinition[],
  namespace: string,
): Promise<number> {
  let remaining = 0;
  for (const definition of resources) {
    if (
      !definition.namespaced ||
      !definition.verbs.includes('list') ||
      !definition.verbs.includes('delete')
    ) {
      continue;
    }
    const type = resourceType({
      group: definition.group,
      version: definition.version,
      kind: definition.kind,
      plural: definition.plural,
      namespaced: true,
    });
    const listed = await client.list(type, { namespace });
    if (isLeft(listed)) {
      if (listed.left.code === 404) {
        continue; // The resource is no longer served (a CRD deleted meanwhile).
      }
      throw new Error(
        `cannot list ${definition.plural} in namespace ${namespace}: ${listed.left.message ?? ''}`,
      );
    }
    for (const object of listed.right.items) {
      if (object.metadata?.deletionTimestamp !== undefined) {
        remaining++; // Already going; waits on its finalizers or grace period.
        continue;
      }
      const deleted = await client.delete(type, keyOf(object), { propagationPolicy: 'Background' });
      if (isLeft(deleted)) {
        if (deleted.left.code !== 404) {
          throw new Error(
            `cannot delete ${definition.plural} ${namespace}/${object.metadata?.name ?? ''}: ${deleted.left.message ?? ''}`,
          );
        }
      } else if (deleted.right.metadata?.deletionTimestamp !== undefined) {
        remaining++; // Marked, not gone: it waits on its finalizers or grace period.
      }
    }
  }
  return remaining;
}
