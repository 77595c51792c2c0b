/**
 * The EndpointSlice controller: for each Service with a selector, the
 * `discovery.k8s.io/v1` EndpointSlices of its pods' endpoints (ready, serving,
 * terminating), packed at most `maxEndpointsPerSlice` to a slice.
 *
 * @module
 */
export {
  DEFAULT_MAX_ENDPOINTS_PER_SLICE,
  endpointSliceController,
  type EndpointSliceControllerOptions,
} from './endpoint-slice-controller.js';
export {
  addressTypesOf,
  desiredPortGroups,
  endpointKey,
  endpointPortsOf,
  podToEndpoint,
  portsKey,
  ZONE_LABEL,
  type PortGroup,
  type SliceAddressType,
} from './desired-endpoints.js';
export {
  ENDPOINT_SLICE_CONTROLLER_NAME,
  isOwnedBy,
  MANAGED_BY_LABEL,
  newEndpointSlice,
  sliceLabelsOf,
} from './endpoint-slice-shape.js';
export { planSlices, type SlicePlan } from './slice-plan.js';
