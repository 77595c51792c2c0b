/**
 * Service IP and port allocation in the apiserver, as upstream's Service REST
 * storage: cluster IPs from the service CIDR, node ports from the node port range,
 * held transactionally with the write and rebuilt from the store at start.
 *
 * @module
 */
export {
  DEFAULT_SERVICE_CLUSTER_IP_RANGE,
  ServiceAllocators,
  type PendingServiceAllocation,
  type ServiceAllocationUsage,
  type ServiceAllocatorsOptions,
} from './service-allocators.js';
export {
  DEFAULT_SERVICE_NODE_PORT_RANGE,
  parsePortRange,
  type PortRange,
} from './node-port-range.js';
export { formatIpv4, parseIpv4, parseIpv4Range, type Ipv4Range } from './ipv4-range.js';
export {
  startServiceAllocationSync,
  type ServiceAllocationSync,
  type ServiceAllocationSyncOptions,
} from './service-allocation-sync.js';
export {
  serviceStrategy,
  validateServiceUpdate,
  type ServiceStrategyOptions,
} from './service-strategy.js';
export type { AllocationPools } from './allocation-context.js';
export { OffsetAllocator, type OffsetAllocatorOptions } from './offset-allocator.js';
