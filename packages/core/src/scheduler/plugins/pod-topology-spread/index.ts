/**
 * The PodTopologySpread scheduler plugin: `spec.topologySpreadConstraints` (maxSkew,
 * minDomains, whenUnsatisfiable, node inclusion policies, matchLabelKeys) as upstream.
 *
 * @module
 */
export { REASON_CONSTRAINTS_NOT_MATCH, REASON_NODE_LABEL_NOT_MATCH } from './filtering.js';
export type { DefaultSpreadSelector } from './pod-spread-constraints.js';
export {
  controllerOwnedPodLabels,
  SYSTEM_DEFAULT_SPREAD_CONSTRAINTS,
} from './pod-spread-constraints.js';
export type { PodTopologySpreadOptions } from './pod-topology-spread.js';
export { POD_TOPOLOGY_SPREAD, podTopologySpread } from './pod-topology-spread.js';
export { HOSTNAME_TOPOLOGY_KEY } from './spread-constraint.js';
