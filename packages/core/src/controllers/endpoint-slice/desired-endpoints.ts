/**
 * The endpoints a service's slices should hold, grouped by the set of ports they
 * offer, as upstream's EndpointSlice reconciler builds them.
 *
 * @module
 */
import type {
  DiscoveryV1EndpointPort,
  Endpoint,
  Node,
  Pod,
  Service,
} from '../../api/kinds/index.js';
import {
  CLUSTER_IP_NONE,
  findPort,
  isIPv6,
  podIPsOf,
  shouldPodBeInEndpoints,
  shouldSetHostname,
} from '../endpoints/endpoint-rules.js';
import { isPodReady } from '../replica-set/pod-readiness.js';

/** The address type of an EndpointSlice this controller writes. */
export type SliceAddressType = 'IPv4' | 'IPv6';

/** The node label an endpoint's `zone` is read from. */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** The endpoints offering one set of ports: the set, and the endpoints by {@link endpointKey}. */
export interface PortGroup {
  readonly ports: readonly DiscoveryV1EndpointPort[];
  readonly endpoints: Map<string, Endpoint>;
}

/**
 * The address types of a service's slices, as upstream's `getAddressTypesForService`:
 * its `spec.ipFamilies`, else the family of its cluster IP.
 *
 * Caveats: upstream gives a headless service without `ipFamilies` both IPv4 and IPv6;
 * the in-process apiserver does not default `ipFamilies`, so such a service gets IPv4
 * only here.
 */
export function addressTypesOf(service: Service): readonly SliceAddressType[] {
  const families = service.spec?.ipFamilies ?? [];
  if (families.length > 0) {
    return Array.from(new Set(families));
  }
  const clusterIP = service.spec?.clusterIP ?? '';
  return [clusterIP !== '' && clusterIP !== CLUSTER_IP_NONE && isIPv6(clusterIP) ? 'IPv6' : 'IPv4'];
}

/**
 * The slice endpoint of `pod` for `service`, as upstream's `podToEndpoint`: its
 * addresses of `addressType`; conditions `serving` (the pod is Ready), `terminating`
 * (it is being deleted) and `ready` (serving and not terminating, or always with
 * `publishNotReadyAddresses`); `nodeName`, `zone` (from the node's
 * `topology.kubernetes.io/zone` label, when the node is known), `hostname` when
 * {@link shouldSetHostname}, and `targetRef` to the pod. `undefined` when the pod has
 * no address of that type.
 */
export function podToEndpoint(options: {
  readonly pod: Pod;
  readonly node: Node | undefined;
  readonly service: Service;
  readonly addressType: SliceAddressType;
}): Endpoint | undefined {
  const { pod, node, service, addressType } = options;
  const addresses = podIPsOf(pod).filter((ip) => isIPv6(ip) === (addressType === 'IPv6'));
  if (addresses.length === 0) {
    return undefined;
  }
  const serving = isPodReady(pod);
  const terminating = pod.metadata?.deletionTimestamp !== undefined;
  const ready = service.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const nodeName = pod.spec?.nodeName ?? '';
  const zone = node?.metadata?.labels?.[ZONE_LABEL] ?? '';
  const hostname = shouldSetHostname(pod, service) ? pod.spec?.hostname : undefined;
  return {
    addresses,
    conditions: { ready, serving, terminating },
    ...(hostname === undefined ? {} : { hostname }),
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata?.namespace ?? '',
      name: pod.metadata?.name ?? '',
      uid: pod.metadata?.uid ?? '',
    },
    ...(nodeName === '' ? {} : { nodeName }),
    ...(zone === '' ? {} : { zone }),
  };
}

/**
 * The ports a pod offers for a service, as upstream's `getEndpointPorts`: for each
 * service port the pod has ({@link findPort}), its `name` (`""` when unnamed),
 * `protocol`, number and `appProtocol`; none for a headless service without ports.
 */
export function endpointPortsOf(service: Service, pod: Pod): readonly DiscoveryV1EndpointPort[] {
  const ports: DiscoveryV1EndpointPort[] = [];
  for (const servicePort of service.spec?.ports ?? []) {
    const port = findPort(pod, servicePort);
    if (port === undefined) {
      continue;
    }
    ports.push({
      name: servicePort.name ?? '',
      protocol: servicePort.protocol ?? 'TCP',
      port,
      ...(servicePort.appProtocol === undefined ? {} : { appProtocol: servicePort.appProtocol }),
    });
  }
  return ports;
}

/** A canonical key of a set of slice ports (order does not matter). */
export function portsKey(ports: readonly DiscoveryV1EndpointPort[] | null | undefined): string {
  return (ports ?? [])
    .map(
      (port) =>
        `${port.name ?? ''}\u0000${port.protocol ?? ''}\u0000${port.port ?? ''}\u0000${port.appProtocol ?? ''}`,
    )
    .sort()
    .join('\u0001');
}

/** The identity of an endpoint across slices: its pod (or addresses) and hostname. */
export function endpointKey(endpoint: Endpoint): string {
  const target = endpoint.targetRef;
  const who =
    target === undefined
      ? ''
      : `${target.namespace ?? ''}/${target.name ?? ''}/${target.uid ?? ''}`;
  return `${who}\u0000${endpoint.addresses.join(',')}\u0000${endpoint.hostname ?? ''}`;
}

/**
 * The desired endpoints of `service` of one address type, grouped by port set:
 * every selected pod that {@link shouldPodBeInEndpoints} (terminating ones
 * included, as upstream) and has an address of that type.
 */
export function desiredPortGroups(options: {
  readonly service: Service;
  readonly pods: readonly Pod[];
  readonly addressType: SliceAddressType;
  readonly nodeNamed: (name: string) => Node | undefined;
}): Map<string, PortGroup> {
  const { service, pods, addressType, nodeNamed } = options;
  const headlessWithoutPorts =
    (service.spec?.ports ?? []).length === 0 && service.spec?.clusterIP === CLUSTER_IP_NONE;
  const groups = new Map<string, PortGroup>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) {
      continue;
    }
    const nodeName = pod.spec?.nodeName ?? '';
    const endpoint = podToEndpoint({
      pod,
      node: nodeName === '' ? undefined : nodeNamed(nodeName),
      service,
      addressType,
    });
    if (endpoint === undefined) {
      continue;
    }
    const ports = headlessWithoutPorts ? [] : endpointPortsOf(service, pod);
    const key = portsKey(ports);
    let group = groups.get(key);
    if (group === undefined) {
      group = { ports, endpoints: new Map() };
      groups.set(key, group);
    }
    group.endpoints.set(endpointKey(endpoint), endpoint);
  }
  return groups;
}
