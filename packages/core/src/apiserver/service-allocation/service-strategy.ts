/**
 * The Service strategy: the codec, the update rules of cluster IPs, and (given
 * allocators) cluster IP and node port allocation on create and update.
 *
 * @module
 */
import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { FieldError } from '../../api/codec/index.js';
import { Service } from '../../api/kinds/core-v1/index.js';
import type { ServiceSpec } from '../../api/kinds/core-v1/index.js';
import type { Status } from '../../api/status/index.js';
import { codecStrategy } from '../strategy/codec-strategy.js';
import type { BegunWrite, ResourceStrategy } from '../strategy/resource-strategy.js';
import { invalid } from '../validation/field-errors.js';
import { validateObjectMetaUpdate } from '../validation/index.js';
import { needsClusterIP } from './allocation-context.js';
import type { PendingServiceAllocation, ServiceAllocators } from './service-allocators.js';

const META_OPTIONS = { namespaced: true, nameRule: 'label' } as const;

/**
 * The problems with a service update: the metadata update, and the primary cluster
 * IP, once set, may not change (`spec.clusterIPs[0]: Invalid value: ["10.96.0.7"]:
 * may not change once set`) unless the service becomes or stops being
 * `ExternalName`. A change that leaves the cluster IP out keeps it (the allocation
 * step fills it back in), so it is no change.
 */
export function validateServiceUpdate(service: Service, old: Service): FieldError[] {
  const errors = validateObjectMetaUpdate(service.metadata ?? {}, old.metadata ?? {}, META_OPTIONS);
  if (needsClusterIP(service.spec) && needsClusterIP(old.spec)) {
    const ips = clusterIPsOf(service.spec);
    const oldIPs = clusterIPsOf(old.spec);
    if (ips.length > 0 && oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
      errors.push(invalid('spec.clusterIPs[0]', ips, 'may not change once set'));
    }
  }
  return errors;
}

/** What {@link serviceStrategy} is built from. */
export interface ServiceStrategyOptions {
  /** The cluster's allocators; without them services get no cluster IP or node ports. */
  readonly allocators?: ServiceAllocators;
}

/**
 * The strategy of `services`: decoded by the Service codec, names DNS-1123 labels,
 * {@link validateServiceUpdate}, and with `allocators` the `beginCreate` and
 * `beginUpdate` hooks that allocate, as upstream's Service REST storage.
 */
export function serviceStrategy(options: ServiceStrategyOptions = {}): ResourceStrategy {
  const base = codecStrategy({
    codec: Service,
    nameRule: 'label',
    validateUpdate: validateServiceUpdate,
  });
  const { allocators } = options;
  if (allocators === undefined) {
    return base;
  }
  return {
    ...base,
    beginCreate: (object, context) =>
      begunWrite(allocators.allocateCreate(object as Service, context)),
    beginUpdate: (object, old, context) =>
      begunWrite(allocators.allocateUpdate(object as Service, old as Service, context)),
  };
}

function begunWrite(pending: Either<Status, PendingServiceAllocation>): Either<Status, BegunWrite> {
  return isLeft(pending)
    ? pending
    : right({ object: pending.right.service, finish: pending.right.finish });
}

function clusterIPsOf(spec: ServiceSpec | undefined): readonly string[] {
  const listed = spec?.clusterIPs ?? [];
  if (listed.length > 0) {
    return listed;
  }
  const single = spec?.clusterIP ?? '';
  return single === '' ? [] : [single];
}
