/**
 * The Endpoints controller: for each Service with a selector, an Endpoints object with
 * the ready and not-ready addresses of its pods and their ports; and the pieces it
 * shares with the EndpointSlice controller (which pods back a service, the selector
 * and label indexes, the record of its own writes).
 *
 * @module
 */
export {
  endpointsController,
  LEADER_ELECTION_ANNOTATION,
  type EndpointsControllerOptions,
} from './endpoints-controller.js';
export { desiredSubsets, endpointAddressFor } from './endpoint-subsets.js';
export {
  CLUSTER_IP_NONE,
  findPort,
  HEADLESS_SERVICE_LABEL,
  isIPv6,
  isServiceIPSet,
  managedSelectorOf,
  podEndpointsChanged,
  podIPsOf,
  sameStringMap,
  selectorMatches,
  shouldPodBeInEndpoints,
  shouldSetHostname,
  type IpFamily,
} from './endpoint-rules.js';
export { OwnWrites } from './own-writes.js';
export {
  byNamespacedLabel,
  NAMESPACED_LABEL_INDEX,
  namespacedLabelValue,
  podsSelectedBy,
} from './pod-label-index.js';
export { ServiceSelectorIndex } from './service-selector-index.js';
export { watchServicesAndPods, type ServicePodWatch } from './service-pod-watch.js';
