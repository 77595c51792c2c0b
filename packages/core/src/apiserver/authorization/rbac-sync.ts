/**
 * Keeps an {@link RbacAuthorizer} in step with the RBAC objects in the store, and
 * applies ClusterRole aggregation (upstream's clusterrole-aggregation controller).
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Subscription } from 'rxjs';
import type { ClusterRole } from '../../api/kinds/rbac-v1/index.js';
import { isTombstone, prefixRange, type KeyValueStore } from '../../store/index.js';
import type { ApiObject } from '../api-object.js';
import { jsonEqual } from '../json-equal.js';
import { aggregateClusterRoleRules, RbacAuthorizer, type RbacObject } from '../rbac/index.js';
import { servedObject } from '../storage/served-object.js';
import type { Authorizer } from '../api-server.js';

/** The key prefix of every RBAC object. */
const RBAC_PREFIX = '/registry/rbac.authorization.k8s.io/';

const RBAC_KINDS: ReadonlySet<string> = new Set([
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
]);

/** A running RBAC sync: the authorizer it feeds, and how to stop it. */
export interface RbacSync {
  /** The authorizer, for `ApiServerOptions.authorizer`. */
  readonly authorize: Authorizer;
  /** The index behind it (for `rulesFor`, `rulesReview`). */
  readonly authorizer: RbacAuthorizer;
  /**
   * The aggregated ClusterRoles whose stored `rules` differ from their aggregation,
   * with the rules they should have: what an aggregation controller writes back.
   */
  readonly staleAggregations: () => readonly {
    readonly name: string;
    readonly rules: ClusterRole['rules'];
  }[];
  /** Stops following the store. */
  readonly stop: () => void;
}

/**
 * Loads the RBAC objects in the store into an authorizer and follows their changes.
 *
 * Guarantees: once the promise resolves, every RBAC write the store commits is in the
 * authorizer before the write's promise resolves (the memory store delivers watch
 * events synchronously as it commits), so a binding created by one request applies to
 * the next. An aggregated ClusterRole (with an `aggregationRule`) authorizes with the
 * rules of the ClusterRoles its selectors match, at once, whatever its stored rules.
 *
 * Errors: the promise rejects if the store cannot be read.
 */
export async function startRbacSync(options: {
  readonly store: KeyValueStore<ApiObject>;
}): Promise<RbacSync> {
  const { store } = options;
  const authorizer = new RbacAuthorizer();
  const clusterRoles = new Map<string, ClusterRole>();
  const initial = await store.range(prefixRange(RBAC_PREFIX));
  if (isLeft(initial)) {
    throw new Error(`cannot read the RBAC objects: ${initial.left.message}`);
  }
  const apply = (object: ApiObject, deleted: boolean): void => {
    if (object.kind === undefined || !RBAC_KINDS.has(object.kind)) {
      return;
    }
    const rbac = object as unknown as RbacObject;
    if (rbac.kind === 'ClusterRole') {
      if (deleted) {
        clusterRoles.delete(rbac.metadata?.name ?? '');
      } else {
        clusterRoles.set(rbac.metadata?.name ?? '', rbac);
      }
      if (deleted) {
        authorizer.remove(rbac);
      }
      refreshClusterRoles(authorizer, clusterRoles);
      return;
    }
    if (deleted) {
      authorizer.remove(rbac);
    } else {
      authorizer.upsert(rbac);
    }
  };
  for (const kv of initial.right.items) {
    apply(servedObject(kv), false);
  }
  let failed: unknown;
  const subscription: Subscription = store
    .watch(prefixRange(RBAC_PREFIX), { fromRevision: initial.right.revision + 1, prevKv: true })
    .subscribe({
      next: (event) => {
        if (event.type === 'DELETE') {
          if (event.prevKv !== undefined) {
            apply(event.prevKv.value, true);
          }
        } else if (!isTombstone(event.kv)) {
          apply(servedObject(event.kv), false);
        }
      },
      error: (error: unknown) => {
        // The RBAC view can no longer be trusted: deny everything from now on.
        failed = error;
      },
    });
  return {
    authorize: (attributes) =>
      failed === undefined
        ? authorizer.authorize(attributes)
        : {
            allowed: false,
            reason: `RBAC: the authorizer stopped following the store: ${failed instanceof Error ? failed.message : JSON.stringify(failed)}`,
          },
    authorizer,
    staleAggregations: () =>
      [...clusterRoles.values()]
        .filter((role) => role.aggregationRule !== undefined)
        .map((role) => ({
          name: role.metadata?.name ?? '',
          rules: aggregateClusterRoleRules(role, [...clusterRoles.values()]),
        }))
        .filter(({ name, rules }) => !jsonEqual(rules, clusterRoles.get(name)?.rules ?? [])),
    stop: () => subscription.unsubscribe(),
  };
}

/**
 * Puts every ClusterRole into the authorizer with its effective rules: its own, or,
 * for an aggregated one, the union of the rules of the ClusterRoles it selects.
 */
function refreshClusterRoles(
  authorizer: RbacAuthorizer,
  clusterRoles: ReadonlyMap<string, ClusterRole>,
): void {
  const all = [...clusterRoles.values()];
  for (const role of all) {
    const rules =
      role.aggregationRule === undefined ? role.rules : aggregateClusterRoleRules(role, all);
    authorizer.upsert({ ...role, kind: 'ClusterRole', rules } as RbacObject);
  }
}
