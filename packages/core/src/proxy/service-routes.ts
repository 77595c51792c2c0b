/**
 * The routes of one service: for each of its ports, the cluster IP and node port it
 * answers on and the backends it sends to, from its EndpointSlices.
 *
 * @module
 */
import type { Service, ServicePort } from '../api/kinds/core-v1/index.js';
import type { Endpoint, EndpointSlice } from '../api/kinds/discovery-v1/index.js';

/** The protocols a route is for. */
export type RouteProtocol = 'TCP' | 'UDP' | 'SCTP';

/** Where traffic goes: a pod's address and the port it listens on. */
export interface Backend {
  readonly ip: string;
  readonly port: number;
  /** The pod behind the address (the endpoint's `targetRef`), when it is a pod. */
  readonly podName?: string;
  readonly nodeName?: string;
}

/** One port of one service, as kube-proxy programs it. */
export interface ServicePortRoute {
  /** `namespace/name` of the service. */
  readonly service: string;
  /** The service port's name (`''` when unnamed). */
  readonly portName: string;
  readonly protocol: RouteProtocol;
  /** The cluster IP and port traffic arrives on; absent for headless services. */
  readonly clusterIP?: string;
  readonly port: number;
  /** The node port, for `NodePort` and `LoadBalancer` services that have one. */
  readonly nodePort?: number;
  /** `externalTrafficPolicy: Local`: node port traffic only goes to the node's own backends. */
  readonly nodeLocal?: true;
  /**
   * The backends: ready endpoints; when none is ready, those serving while
   * terminating (upstream's fallback); empty when there are neither.
   */
  readonly backends: readonly Backend[];
}

/** The `namespace/name` of an object. */
export function objectName(object: {
  readonly metadata?: { readonly namespace?: string; readonly name?: string };
}): string {
  return `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

/**
 * The routes of `service` over its `slices`, one per service port.
 *
 * - A slice counts if its `addressType` is `IPv4`; an endpoint if it has an
 *   address; a slice port if it has a number and matches the service port's name and
 *   protocol. The backend's port is the slice port's number (the resolved
 *   `targetPort`).
 * - Ready means `conditions.ready` is not false and `terminating` is not true.
 *
 * Caveats: one address per endpoint (the first), as kube-proxy; `ExternalName`
 * services have no routes; topology hints and `internalTrafficPolicy` are ignored.
 */
export function serviceRoutes(
  service: Service,
  slices: Iterable<EndpointSlice>,
): ServicePortRoute[] {
  const spec = service.spec ?? {};
  if (spec.type === 'ExternalName') {
    return [];
  }
  const clusterIP = spec.clusterIP ?? '';
  const hasClusterIP = clusterIP !== '' && clusterIP !== 'None';
  const usable = [...slices].filter((slice) => slice.addressType === 'IPv4');
  const name = objectName(service);
  return (spec.ports ?? []).map((port) => ({
    service: name,
    portName: port.name ?? '',
    protocol: port.protocol ?? 'TCP',
    ...(hasClusterIP ? { clusterIP } : {}),
    port: port.port,
    ...(port.nodePort === undefined || port.nodePort === 0 ? {} : { nodePort: port.nodePort }),
    ...(spec.externalTrafficPolicy === 'Local' ? { nodeLocal: true as const } : {}),
    backends: backendsOf(port, usable),
  }));
}

function backendsOf(port: ServicePort, slices: readonly EndpointSlice[]): Backend[] {
  const ready: Backend[] = [];
  const servingTerminating: Backend[] = [];
  const seen = new Set<string>();
  for (const slice of slices) {
    const target = (slice.ports ?? []).find(
      (candidate) =>
        (candidate.name ?? '') === (port.name ?? '') &&
        (candidate.protocol ?? 'TCP') === (port.protocol ?? 'TCP'),
    );
    if (target?.port === undefined) {
      continue;
    }
    for (const endpoint of slice.endpoints ?? []) {
      const ip = endpoint.addresses[0];
      if (ip === undefined || seen.has(`${ip}:${target.port}`)) {
        continue;
      }
      seen.add(`${ip}:${target.port}`);
      const conditions = endpoint.conditions ?? {};
      const terminating = conditions.terminating === true;
      if (!terminating && conditions.ready !== false) {
        ready.push(backend(ip, target.port, endpoint));
      } else if (terminating && conditions.serving === true) {
        servingTerminating.push(backend(ip, target.port, endpoint));
      }
    }
  }
  return ready.length > 0 ? ready : servingTerminating;
}

function backend(ip: string, port: number, endpoint: Endpoint): Backend {
  const podName = endpoint.targetRef?.kind === 'Pod' ? endpoint.targetRef.name : undefined;
  return {
    ip,
    port,
    ...(podName === undefined ? {} : { podName }),
    ...(endpoint.nodeName === undefined ? {} : { nodeName: endpoint.nodeName }),
  };
}
