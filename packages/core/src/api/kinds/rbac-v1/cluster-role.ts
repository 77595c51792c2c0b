/**
 * `rbacv1.ClusterRole`: a cluster-wide set of policy rules, possibly aggregated from
 * other ClusterRoles.
 *
 * @module
 */
import * as t from 'io-ts';
import { withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { MetaV1LabelSelector } from '../core-v1/affinity.js';
import { listOf, typeMetaOf } from '../kind-codec.js';
import { PolicyRules } from './policy-rule.js';

/**
 * The codec of `rbacv1.AggregationRule`: `clusterRoleSelectors` (optional), label
 * selectors over ClusterRoles whose rules are unioned into the aggregating one.
 */
export const AggregationRule = withSchema(
  t.partial({
    clusterRoleSelectors: withSchema(t.array(MetaV1LabelSelector), {
      description:
        'ClusterRoleSelectors holds a list of selectors which will be used to find ClusterRoles and ' +
        "create the rules. If any of the selectors match, then the ClusterRole's permissions will be added.",
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  {
    description:
      'AggregationRule describes how to locate ClusterRoles to aggregate into the ClusterRole.',
  },
  'AggregationRule',
);

/** An aggregation rule, as {@link AggregationRule} decodes it. */
export type AggregationRule = t.TypeOf<typeof AggregationRule>;

/**
 * The codec of `rbacv1.ClusterRole` (`rbac.authorization.k8s.io/v1`, cluster-scoped):
 * `metadata`, `rules` (a list of {@link PolicyRule}s, or `null` as Go writes an empty
 * one) and `aggregationRule`, all optional. `apiVersion` and `kind` are the literals
 * `rbac.authorization.k8s.io/v1` and `ClusterRole`, optional in request bodies.
 *
 * Caveats: with an `aggregationRule`, `rules` is written by the aggregation controller
 * (see `aggregateClusterRoleRules`); decoding does not check that.
 */
export const ClusterRole = withSchema(
  t.partial({
    ...typeMetaOf('rbac.authorization.k8s.io/v1', 'ClusterRole'),
    metadata: ObjectMeta,
    rules: withSchema(PolicyRules, {
      description: 'Rules holds all the PolicyRules for this ClusterRole',
      'x-kubernetes-list-type': 'atomic',
    }),
    aggregationRule: withSchema(AggregationRule, {
      description:
        'AggregationRule is an optional field that describes how to build the Rules for this ' +
        'ClusterRole. If set, the Rules are controller managed and direct changes to Rules will be ' +
        'stomped by the controller.',
    }),
  }),
  {
    description:
      'ClusterRole is a cluster level, logical grouping of PolicyRules that can be referenced as a ' +
      'unit by a RoleBinding or ClusterRoleBinding.',
  },
  'ClusterRole',
);

/** A cluster role, as {@link ClusterRole} decodes it. */
export type ClusterRole = t.TypeOf<typeof ClusterRole>;

/** The codec of `rbacv1.ClusterRoleList`. */
export const ClusterRoleList = listOf({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRoleList',
  item: ClusterRole,
  description: 'ClusterRoleList is a collection of ClusterRoles.',
});

/** A list of cluster roles, as {@link ClusterRoleList} decodes it. */
export type ClusterRoleList = t.TypeOf<typeof ClusterRoleList>;
