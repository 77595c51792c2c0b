/**
 * The ClusterRole aggregation controller: keeps the `rules` of aggregated ClusterRoles
 * equal to the union of the rules of the ClusterRoles they select.
 *
 * @module
 */
export {
  clusterRoleAggregationController,
  type ClusterRoleAggregationControllerOptions,
} from './cluster-role-aggregation-controller.js';
