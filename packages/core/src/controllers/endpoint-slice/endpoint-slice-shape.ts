/**
 * What the EndpointSlice controller writes around the endpoints: the name prefix,
 * labels and owner of a slice.
 *
 * @module
 */
import {
  SERVICE_NAME_LABEL,
  type DiscoveryV1EndpointPort,
  type Endpoint,
  type EndpointSlice,
  type Service,
} from '../../api/kinds/index.js';
import { HEADLESS_SERVICE_LABEL, isServiceIPSet } from '../endpoints/endpoint-rules.js';
import type { SliceAddressType } from './desired-endpoints.js';

/** The label naming the controller that manages an EndpointSlice. */
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';

/** The value of {@link MANAGED_BY_LABEL} on the slices this controller writes. */
export const ENDPOINT_SLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';

/**
 * The labels of a service's slices, as upstream's `setEndpointSliceLabels`: the
 * service's labels (but the reserved ones), `service.kubernetes.io/headless: ""`
 * when it has no cluster IP, `kubernetes.io/service-name` and
 * `endpointslice.kubernetes.io/managed-by`.
 */
export function sliceLabelsOf(service: Service): Readonly<Record<string, string>> {
  const labels: Record<string, string> = {};
  const own = service.metadata?.labels ?? {};
  for (const key in own) {
    if (key !== SERVICE_NAME_LABEL && key !== MANAGED_BY_LABEL && key !== HEADLESS_SERVICE_LABEL) {
      labels[key] = own[key] ?? '';
    }
  }
  if (!isServiceIPSet(service)) {
    labels[HEADLESS_SERVICE_LABEL] = '';
  }
  labels[SERVICE_NAME_LABEL] = service.metadata?.name ?? '';
  labels[MANAGED_BY_LABEL] = ENDPOINT_SLICE_CONTROLLER_NAME;
  return labels;
}

/** Whether the slice has the service as its controller (same uid). */
export function isOwnedBy(slice: EndpointSlice, service: Service): boolean {
  const uid = service.metadata?.uid;
  return (slice.metadata?.ownerReferences ?? []).some(
    (reference) =>
      reference.controller === true && reference.kind === 'Service' && reference.uid === uid,
  );
}

/**
 * A new slice of `service` (not yet created): `generateName` `<service>-`, the
 * labels of {@link sliceLabelsOf}, a controller reference to the service (with
 * `blockOwnerDeletion`), `addressType`, `ports` and `endpoints`.
 */
export function newEndpointSlice(options: {
  readonly service: Service;
  readonly addressType: SliceAddressType;
  readonly ports: readonly DiscoveryV1EndpointPort[];
  readonly endpoints: readonly Endpoint[];
}): EndpointSlice {
  const { service, addressType, ports, endpoints } = options;
  const name = service.metadata?.name ?? '';
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${name}-`,
      namespace: service.metadata?.namespace ?? '',
      labels: { ...sliceLabelsOf(service) },
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          name,
          uid: service.metadata?.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    addressType,
    endpoints: [...endpoints],
    ports: [...ports],
  };
}
