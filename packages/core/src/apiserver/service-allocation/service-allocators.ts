/**
 * The cluster IPs and node ports of one cluster's services: what upstream's Service
 * REST storage holds in its `Allocators`.
 *
 * @module
 */
import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { Service, ServiceSpec } from '../../api/kinds/core-v1/index.js';
import { invalid, type Status } from '../../api/status/index.js';
import { withFields, withoutFields } from '../object-copy.js';
import {
  needsClusterIP,
  type AllocationContext,
  type AllocationPools,
  type HeldValue,
} from './allocation-context.js';
import { withClusterIP, withIPFamilyFields } from './cluster-ip-allocation.js';
import { parseIpv4Range } from './ipv4-range.js';
import { DEFAULT_SERVICE_NODE_PORT_RANGE, parsePortRange } from './node-port-range.js';
import { heldNodePorts, withNodePorts } from './node-port-allocation.js';
import { OffsetAllocator, staticBandSize } from './offset-allocator.js';

/** Upstream's default `--service-cluster-ip-range`. */
export const DEFAULT_SERVICE_CLUSTER_IP_RANGE = '10.96.0.0/12';

/** The ranges services draw from. */
export interface ServiceAllocatorsOptions {
  /** An IPv4 CIDR. Default: {@link DEFAULT_SERVICE_CLUSTER_IP_RANGE}. */
  readonly serviceClusterIPRange?: string;
  /** `first-last`. Default: `30000-32767`. */
  readonly serviceNodePortRange?: string;
}

/** A service write's allocation: the service with its values, and how to settle them. */
export interface PendingServiceAllocation {
  readonly service: Service;
  /** Keeps (persisted) or gives back what the write took; frees what it let go once persisted. */
  readonly finish: (persisted: boolean) => void;
}

/** How many cluster IPs and node ports are held. */
export interface ServiceAllocationUsage {
  readonly clusterIPs: number;
  readonly nodePorts: number;
}

const CLUSTER_IP_FIELDS: ReadonlySet<string> = new Set([
  'clusterIP',
  'clusterIPs',
  'ipFamilies',
  'ipFamilyPolicy',
]);

/**
 * The cluster IPs and node ports held by services, each by the service's uid.
 *
 * - Cluster IPs are allocated sequentially (next-fit) from the range, upper part
 *   first (the lower part, up to 256 addresses, is left to requests, as upstream's
 *   static subrange); the first address (`10.96.0.1`, the `kubernetes` service's
 *   upstream) is only ever given on request.
 * - Node ports likewise from the node port range (its first 86 ports, by default,
 *   left to requests).
 *
 * Guarantees: a value is held by at most one service; a write that is not persisted
 * holds nothing once finished.
 *
 * Caveats: IPv4 single-stack only; `healthCheckNodePort` is recorded but never
 * allocated.
 */
export class ServiceAllocators {
  /** The ranges and what is held in them. */
  readonly pools: AllocationPools;

  /**
   * Empty pools over the ranges of `options`.
   *
   * Errors: throws `RangeError` for a range that does not parse.
   */
  constructor(options: ServiceAllocatorsOptions = {}) {
    const clusterIPRange = parseIpv4Range(
      options.serviceClusterIPRange ?? DEFAULT_SERVICE_CLUSTER_IP_RANGE,
    );
    const nodePortRange = parsePortRange(
      options.serviceNodePortRange ?? DEFAULT_SERVICE_NODE_PORT_RANGE,
    );
    this.pools = {
      clusterIPRange,
      clusterIPs: new OffsetAllocator({
        size: clusterIPRange.size,
        staticBand: staticBandSize(clusterIPRange.size + 2, 16, 256),
        requestOnly: 0,
      }),
      nodePortRange,
      nodePorts: new OffsetAllocator({
        size: nodePortRange.size,
        staticBand: staticBandSize(nodePortRange.size, 32, 128),
      }),
    };
  }

  /** How many values are held. */
  usage(): ServiceAllocationUsage {
    return { clusterIPs: this.pools.clusterIPs.used, nodePorts: this.pools.nodePorts.used };
  }

  /**
   * The values of a new service: IP family fields and a cluster IP (not for
   * `ExternalName`; `None` kept for headless), node ports for `NodePort` and
   * `LoadBalancer`.
   *
   * Errors: 422 `Invalid` or 500 `InternalError`, as the cluster IP and node port
   * steps say; nothing is held after a failure.
   */
  allocateCreate(
    service: Service,
    context: { readonly dryRun: boolean },
  ): Either<Status, PendingServiceAllocation> {
    const allocation = this.#context(service, context.dryRun);
    let spec: Either<Status, ServiceSpec> = right(service.spec ?? {});
    if (needsClusterIP(service.spec)) {
      spec = chain(spec, (s) => withIPFamilyFields(s, allocation));
      spec = chain(spec, (s) => withClusterIP(s, allocation));
    }
    spec = chain(spec, (s) => withNodePorts(s, undefined, allocation));
    return this.#pending(service, spec, allocation);
  }

  /**
   * The values of a changed service (`old` as stored): a change that leaves the
   * cluster IP or a node port out keeps the old one; a change to `ExternalName`
   * frees the cluster IP, one from it allocates one; node ports follow the type.
   * What is freed is freed only once the change is persisted.
   *
   * Errors: as {@link ServiceAllocators.allocateCreate}.
   */
  allocateUpdate(
    service: Service,
    old: Service,
    context: { readonly dryRun: boolean },
  ): Either<Status, PendingServiceAllocation> {
    const allocation = this.#context(old, context.dryRun);
    const oldSpec = old.spec ?? {};
    let spec: Either<Status, ServiceSpec> = right(service.spec ?? {});
    if (needsClusterIP(oldSpec) && needsClusterIP(service.spec)) {
      spec = chain(spec, (s) => right(withOldClusterIP(s, oldSpec)));
    } else if (needsClusterIP(service.spec)) {
      spec = chain(spec, (s) => withIPFamilyFields(s, allocation));
      spec = chain(spec, (s) => withClusterIP(s, allocation));
    } else if (needsClusterIP(oldSpec)) {
      spec = chain(spec, (s) => right(this.#withoutClusterIP(s, oldSpec, allocation)));
    }
    spec = chain(spec, (s) => withNodePorts(s, oldSpec, allocation));
    return this.#pending(service, spec, allocation);
  }

  /**
   * Marks what a stored service holds as its own (rebuilding after a restart, or a
   * write seen in the store). Values another service holds stay with it.
   *
   * @returns the values that another service holds, as messages; empty when none.
   */
  record(service: Service): string[] {
    const owner = ownerOf(service);
    const conflicts: string[] = [];
    for (const held of this.#heldBy(service)) {
      if (!held.pool.reserve(held.offset, owner)) {
        conflicts.push(
          `${held.label} of service ${serviceName(service)} is held by another service`,
        );
      }
    }
    return conflicts;
  }

  /** Frees what a deleted service held. */
  forget(service: Service): void {
    const owner = ownerOf(service);
    for (const held of this.#heldBy(service)) {
      held.pool.release(held.offset, owner);
    }
  }

  #heldBy(service: Service): (HeldValue & { readonly label: string })[] {
    const { clusterIPRange, clusterIPs, nodePortRange, nodePorts } = this.pools;
    const held: (HeldValue & { readonly label: string })[] = [];
    const address = service.spec?.clusterIP ?? '';
    const offset = needsClusterIP(service.spec) ? clusterIPRange.offsetOf(address) : 'invalid';
    if (typeof offset === 'number') {
      held.push({ pool: clusterIPs, offset, label: `cluster IP ${address}` });
    }
    for (const port of heldNodePorts(service.spec)) {
      const portOffset = port - nodePortRange.first;
      if (portOffset >= 0 && portOffset < nodePortRange.size) {
        held.push({ pool: nodePorts, offset: portOffset, label: `node port ${port}` });
      }
    }
    return held;
  }

  #withoutClusterIP(
    spec: ServiceSpec,
    oldSpec: ServiceSpec,
    allocation: AllocationContext,
  ): ServiceSpec {
    const offset = this.pools.clusterIPRange.offsetOf(oldSpec.clusterIP ?? '');
    if (typeof offset === 'number') {
      allocation.released.push({ pool: this.pools.clusterIPs, offset });
    }
    // As upstream's dropTypeDependentFields: fields left as they were go with the type.
    return (spec.clusterIP ?? '') === (oldSpec.clusterIP ?? '')
      ? withoutFields(spec, CLUSTER_IP_FIELDS)
      : spec;
  }

  #context(service: Service, dryRun: boolean): AllocationContext {
    const name = service.metadata?.name ?? '';
    return {
      ...this.pools,
      owner: ownerOf(service),
      dryRun,
      reserved: [],
      released: [],
      invalid: (errors) => invalid({ kind: 'Service', group: '', name, errors }),
    };
  }

  #pending(
    service: Service,
    spec: Either<Status, ServiceSpec>,
    allocation: AllocationContext,
  ): Either<Status, PendingServiceAllocation> {
    const giveBack = (values: readonly HeldValue[]): void => {
      for (const { pool, offset } of values) {
        pool.release(offset, allocation.owner);
      }
    };
    if (isLeft(spec)) {
      giveBack(allocation.reserved);
      return spec;
    }
    let finished = false;
    return right({
      service: spec.right === service.spec ? service : withFields(service, { spec: spec.right }),
      finish: (persisted) => {
        if (finished) {
          return;
        }
        finished = true;
        giveBack(persisted && !allocation.dryRun ? allocation.released : allocation.reserved);
      },
    });
  }
}

/** The owner of a service's values: its uid (its namespace and name if it has none). */
function ownerOf(service: Service): string {
  return service.metadata?.uid ?? serviceName(service);
}

function serviceName(service: Service): string {
  return `${service.metadata?.namespace ?? ''}/${service.metadata?.name ?? ''}`;
}

/** Upstream's `patchAllocatedValues` for the cluster IP: a change that leaves it out keeps it. */
function withOldClusterIP(spec: ServiceSpec, oldSpec: ServiceSpec): ServiceSpec {
  const keepsIP = (spec.clusterIP ?? '') === '' && (spec.clusterIPs ?? []).length === 0;
  const kept: Partial<ServiceSpec> = {
    ...(keepsIP && oldSpec.clusterIP !== undefined ? { clusterIP: oldSpec.clusterIP } : {}),
    ...(keepsIP && oldSpec.clusterIPs !== undefined ? { clusterIPs: oldSpec.clusterIPs } : {}),
    ...(spec.ipFamilies === undefined && oldSpec.ipFamilies !== undefined
      ? { ipFamilies: oldSpec.ipFamilies }
      : {}),
    ...(spec.ipFamilyPolicy === undefined && oldSpec.ipFamilyPolicy !== undefined
      ? { ipFamilyPolicy: oldSpec.ipFamilyPolicy }
      : {}),
  };
  return Object.keys(kept).length === 0 ? spec : withFields(spec, kept);
}

function chain<A, B>(
  value: Either<Status, A>,
  next: (a: A) => Either<Status, B>,
): Either<Status, B> {
  return isLeft(value) ? value : next(value.right);
}
