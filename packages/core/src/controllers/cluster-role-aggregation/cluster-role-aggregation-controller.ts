/**
 * The ClusterRole aggregation controller: writes into each aggregated ClusterRole the
 * rules of the ClusterRoles its `aggregationRule` selects.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { ClusterRole } from '../../api/kinds/index.js';
import { jsonEqual } from '../../apiserver/json-equal.js';
import { aggregateClusterRoleRules } from '../../apiserver/rbac/index.js';
import type { Clock } from '../../clock/index.js';
import { ClusterRoles, type Client, type ObjectKey } from '../../client/index.js';
import { awaitChange, type Action } from '../../reconcile/action.js';
import type { CacheReader } from '../../reconcile/cache/index.js';
import { controller, type Controller } from '../../reconcile/controller/index.js';

/** What {@link clusterRoleAggregationController} needs. */
export interface ClusterRoleAggregationControllerOptions {
  /** Reads and updates ClusterRoles. */
  readonly client: Client;
  /** The clock of its queue. */
  readonly clock: Clock;
}

/**
 * Reconciles aggregated ClusterRoles (upstream's `clusterrole-aggregation`
 * controller): a ClusterRole with an `aggregationRule` gets as `rules` the union of the
 * rules of the other ClusterRoles its `clusterRoleSelectors` match, taken in name
 * order, each rule once — exactly what the apiserver's authorizer uses for it
 * ({@link aggregateClusterRoleRules}).
 *
 * Guarantees: written (an update conditional on `resourceVersion`) only when the rules
 * differ, an absent list equal to an empty one; any ClusterRole change reconciles
 * every aggregated ClusterRole, as upstream; ClusterRoles without an `aggregationRule`
 * are never written.
 *
 * Errors: a failed write is thrown and retried with backoff (a conflict reads again).
 * An invalid selector (the apiserver's validation rejects them) selects nothing.
 */
export function clusterRoleAggregationController(
  options: ClusterRoleAggregationControllerOptions,
): Controller<ClusterRole> {
  const { client, clock } = options;
  const built: Controller<ClusterRole> = controller({ client, clock })
    .for(ClusterRoles)
    .watches(ClusterRoles, () => aggregatedRoleKeys(built.cache))
    .reconcile(async (request, { cache }): Promise<Action> => {
      const role = cache.get(request);
      if (role?.aggregationRule === undefined) {
        return awaitChange();
      }
      const rules = aggregateClusterRoleRules(role, cache.list());
      if (jsonEqual(rules, role.rules ?? [])) {
        return awaitChange();
      }
      const written = await client.update(ClusterRoles, { ...role, rules });
      if (isLeft(written) && written.left.code !== 404) {
        throw new Error(
          `cannot write the aggregated rules of ClusterRole ${role.metadata?.name ?? ''}: ${written.left.message ?? ''}`,
        );
      }
      return awaitChange();
    });
  return built;
}

function aggregatedRoleKeys(cache: CacheReader<ClusterRole>): readonly ObjectKey[] {
  return cache
    .list()
    .filter((role) => role.aggregationRule !== undefined)
    .map((role) => ({ name: role.metadata?.name ?? '' }));
}
