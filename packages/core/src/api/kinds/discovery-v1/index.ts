/**
 * The `discovery.k8s.io/v1` API group as codecs: {@link EndpointSlice} and
 * {@link EndpointSliceList}, with its parts {@link Endpoint} ({@link EndpointConditions},
 * {@link EndpointHints}) and {@link DiscoveryV1EndpointPort}.
 *
 * @module
 */
export {
  DiscoveryV1EndpointPort,
  Endpoint,
  EndpointConditions,
  EndpointHints,
  EndpointSlice,
  EndpointSliceList,
  ForNode,
  ForZone,
  SERVICE_NAME_LABEL,
} from './endpoint-slice.js';
