/**
 * kube-proxy, modelled: a routing table from Services and EndpointSlices, and
 * `resolve(ip, port)` to see where a connection would go.
 *
 * @module
 */
export {
  backendPicker,
  seededRandom,
  type BackendPicker,
  type Balancing,
} from './backend-picker.js';
export {
  kubeProxy,
  type KubeProxy,
  type KubeProxyOptions,
  type ResolveFailure,
  type ResolveResult,
  type RoutesChanged,
} from './kube-proxy.js';
export { RoutingTable } from './routing-table.js';
export {
  objectName,
  serviceRoutes,
  type Backend,
  type RouteProtocol,
  type ServicePortRoute,
} from './service-routes.js';
