/**
 * The subsets of a service's Endpoints: each selected pod's address, ready or not,
 * with the ports it offers, grouped into subsets of addresses sharing a port set.
 *
 * @module
 */
import type {
  EndpointAddress,
  EndpointPort,
  EndpointSubset,
  Pod,
  Service,
} from '../../api/kinds/index.js';
import { isPodReady } from '../replica-set/pod-readiness.js';
import {
  CLUSTER_IP_NONE,
  findPort,
  isIPv6,
  podIPsOf,
  shouldPodBeInEndpoints,
  shouldSetHostname,
  type IpFamily,
} from './endpoint-rules.js';

/**
 * The subsets of the Endpoints of `service`, from the pods its selector selects, as
 * upstream's endpoints controller computes them:
 * - a pod counts if {@link shouldPodBeInEndpoints} (terminating pods only with
 *   `spec.publishNotReadyAddresses`) and has an IP of the service's family;
 * - its address (`ip`, `nodeName`, `targetRef` to the pod, `hostname` when
 *   {@link shouldSetHostname}) is ready when the pod is Ready or the service
 *   publishes not-ready addresses, not ready otherwise;
 * - for each service port the pod has (a named `targetPort` it lacks skips that
 *   port for that pod); a headless service without ports lists addresses without ports;
 * - repacked as upstream's `RepackSubsets`: one subset per set of addresses sharing
 *   the same ports (an address ready for a port in one subset, not ready in another).
 *
 * Guarantees: deterministic order (addresses by IP then pod uid, ports by name,
 * number, protocol; subsets by their addresses); optional fields are omitted when
 * empty, as upstream's JSON.
 *
 * Caveats: upstream orders ports and subsets by a hash; the order here differs but is
 * as stable.
 */
export function desiredSubsets(service: Service, pods: readonly Pod[]): readonly EndpointSubset[] {
  const publishNotReady = service.spec?.publishNotReadyAddresses === true;
  const servicePorts = service.spec?.ports ?? [];
  const headless = service.spec?.clusterIP === CLUSTER_IP_NONE;
  if (servicePorts.length === 0 && !headless) {
    return [];
  }
  // port key → the port and its addresses (address key → address, ready)
  const byPort = new Map<string, PortAddresses>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) {
      continue;
    }
    const address = endpointAddressFor(service, pod);
    if (address === undefined) {
      continue;
    }
    const ready = publishNotReady || isPodReady(pod);
    if (servicePorts.length === 0) {
      addAddress(byPort, undefined, address, ready);
      continue;
    }
    for (const servicePort of servicePorts) {
      const number = findPort(pod, servicePort);
      if (number === undefined) {
        continue;
      }
      const port: EndpointPort = {
        ...(servicePort.name === undefined || servicePort.name === ''
          ? {}
          : { name: servicePort.name }),
        port: number,
        protocol: servicePort.protocol ?? 'TCP',
        ...(servicePort.appProtocol === undefined ? {} : { appProtocol: servicePort.appProtocol }),
      };
      addAddress(byPort, port, address, ready);
    }
  }
  return repack(byPort);
}

/** The address of `pod` for `service`, or `undefined` when it has no IP of the service's family. */
export function endpointAddressFor(service: Service, pod: Pod): EndpointAddress | undefined {
  const family = serviceIpFamily(service, pod);
  const ip = podIPsOf(pod).find((candidate) => isIPv6(candidate) === (family === 'IPv6'));
  if (ip === undefined) {
    return undefined;
  }
  const nodeName = pod.spec?.nodeName;
  const hostname = shouldSetHostname(pod, service) ? pod.spec?.hostname : undefined;
  return {
    ip,
    ...(hostname === undefined ? {} : { hostname }),
    ...(nodeName === undefined || nodeName === '' ? {} : { nodeName }),
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata?.namespace ?? '',
      name: pod.metadata?.name ?? '',
      uid: pod.metadata?.uid ?? '',
    },
  };
}

/**
 * The IP family of a service's endpoints, as upstream: `spec.ipFamilies[0]`, else
 * the family of its cluster IP, else (headless) that of the pod's `podIP`.
 */
function serviceIpFamily(service: Service, pod: Pod): IpFamily {
  const declared = service.spec?.ipFamilies?.[0];
  if (declared !== undefined) {
    return declared;
  }
  const clusterIP = service.spec?.clusterIP ?? '';
  const probe =
    clusterIP !== '' && clusterIP !== CLUSTER_IP_NONE ? clusterIP : (podIPsOf(pod)[0] ?? '');
  return isIPv6(probe) ? 'IPv6' : 'IPv4';
}

interface PortAddresses {
  readonly port: EndpointPort | undefined;
  readonly addresses: Map<string, { readonly address: EndpointAddress; ready: boolean }>;
}

function addAddress(
  byPort: Map<string, PortAddresses>,
  port: EndpointPort | undefined,
  address: EndpointAddress,
  ready: boolean,
): void {
  const portKey =
    port === undefined
      ? ''
      : `${port.name ?? ''}\u0000${port.port}\u0000${port.protocol ?? ''}\u0000${port.appProtocol ?? ''}`;
  let entry = byPort.get(portKey);
  if (entry === undefined) {
    entry = { port, addresses: new Map() };
    byPort.set(portKey, entry);
  }
  const addressKey = `${address.ip}\u0000${address.targetRef?.uid ?? ''}`;
  const known = entry.addresses.get(addressKey);
  if (known === undefined) {
    entry.addresses.set(addressKey, { address, ready });
  } else if (ready) {
    // As upstream: an address ready for a port in one place is ready for it.
    known.ready = true;
  }
}

/** One subset per distinct set of (address, readiness): the ports offered by exactly those. */
function repack(byPort: Map<string, PortAddresses>): readonly EndpointSubset[] {
  const bySignature = new Map<string, { ports: EndpointPort[]; entry: PortAddresses }>();
  for (const entry of byPort.values()) {
    const signature = Array.from(
      entry.addresses,
      ([key, { ready }]) => `${key}\u0000${ready ? 1 : 0}`,
    )
      .sort()
      .join('\u0001');
    let group = bySignature.get(signature);
    if (group === undefined) {
      group = { ports: [], entry };
      bySignature.set(signature, group);
    }
    if (entry.port !== undefined) {
      group.ports.push(entry.port);
    }
  }
  const subsets = Array.from(bySignature.values(), ({ ports, entry }) => {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const { address, ready: isReady } of entry.addresses.values()) {
      (isReady ? ready : notReady).push(address);
    }
    ready.sort(compareAddresses);
    notReady.sort(compareAddresses);
    ports.sort(comparePorts);
    const subset: EndpointSubset = {
      ...(ready.length === 0 ? {} : { addresses: ready }),
      ...(notReady.length === 0 ? {} : { notReadyAddresses: notReady }),
      ...(ports.length === 0 ? {} : { ports }),
    };
    return subset;
  });
  return subsets.sort((a, b) => compareStrings(subsetSortKey(a), subsetSortKey(b)));
}

function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  return (
    compareStrings(a.ip, b.ip) || compareStrings(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '')
  );
}

function comparePorts(a: EndpointPort, b: EndpointPort): number {
  return (
    compareStrings(a.name ?? '', b.name ?? '') ||
    a.port - b.port ||
    compareStrings(a.protocol ?? '', b.protocol ?? '')
  );
}

function subsetSortKey(subset: EndpointSubset): string {
  const first = subset.addresses?.[0] ?? subset.notReadyAddresses?.[0];
  const port = subset.ports?.[0];
  return `${first?.ip ?? ''}\u0000${first?.targetRef?.uid ?? ''}\u0000${port?.name ?? ''}\u0000${port?.port ?? ''}`;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
