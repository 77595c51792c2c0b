/**
 * What the cluster IP and node port steps of one write share: the pools, the service's
 * identity, what the write took so far and what it will give up.
 *
 * @module
 */
import type { FieldError } from '../../api/codec/index.js';
import type { ServiceSpec } from '../../api/kinds/core-v1/index.js';
import type { Status } from '../../api/status/index.js';
import type { Ipv4Range } from './ipv4-range.js';
import type { PortRange } from './node-port-range.js';
import type { OffsetAllocator } from './offset-allocator.js';

/** One value of a pool: an address offset or a port offset. */
export interface HeldValue {
  readonly pool: OffsetAllocator;
  readonly offset: number;
}

/** The pools of one cluster and their ranges. */
export interface AllocationPools {
  readonly clusterIPRange: Ipv4Range;
  readonly clusterIPs: OffsetAllocator;
  readonly nodePortRange: PortRange;
  readonly nodePorts: OffsetAllocator;
}

/**
 * One write's allocation: `reserved` collects what it took (given back unless the
 * write is persisted), `released` what it frees (given up once it is).
 */
export interface AllocationContext extends AllocationPools {
  /** The service's uid: the owner of what it holds. */
  readonly owner: string;
  /** A dry run: values are taken while the write runs, and always given back. */
  readonly dryRun: boolean;
  readonly reserved: HeldValue[];
  readonly released: HeldValue[];
  /** 422 `Invalid` for the service with these causes. */
  readonly invalid: (errors: readonly FieldError[]) => Status;
}

/** Services of these types get a cluster IP (all but `ExternalName`). */
export function needsClusterIP(spec: ServiceSpec | undefined): boolean {
  return (spec?.type ?? 'ClusterIP') !== 'ExternalName';
}

/** Services of these types get node ports: `NodePort` and `LoadBalancer`. */
export function needsNodePorts(spec: ServiceSpec | undefined): boolean {
  return spec?.type === 'NodePort' || spec?.type === 'LoadBalancer';
}

/** A headless service: `clusterIP: None` (or `clusterIPs: [None]`). */
export function isHeadless(spec: ServiceSpec | undefined): boolean {
  return spec?.clusterIP === 'None' || spec?.clusterIPs?.[0] === 'None';
}
