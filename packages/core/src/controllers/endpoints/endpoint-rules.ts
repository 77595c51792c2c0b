/**
 * The rules the Endpoints and EndpointSlice controllers share about which pods back a
 * service and how: upstream's `endpointsliceutil` and `podutil.FindPort`, as plain
 * functions over the typed kinds.
 *
 * @module
 */
import type { Pod, Service, ServicePort } from '../../api/kinds/index.js';
import { isPodReady } from '../replica-set/pod-readiness.js';

/** An IP family, as `spec.ipFamilies` names it. */
export type IpFamily = 'IPv4' | 'IPv6';

/** `spec.clusterIP` of a headless service. */
export const CLUSTER_IP_NONE = 'None';

/** The label upstream puts on the Endpoints and EndpointSlices of a headless service. */
export const HEADLESS_SERVICE_LABEL = 'service.kubernetes.io/headless';

/**
 * Whether a pod may appear in a service's endpoints at all, as upstream's
 * `ShouldPodBeInEndpoints`: not terminal (phase `Succeeded` or `Failed`), with an IP,
 * and, unless `includeTerminating`, not being deleted.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    return false;
  }
  if (podIPsOf(pod).length === 0) {
    return false;
  }
  return includeTerminating || pod.metadata?.deletionTimestamp === undefined;
}

/**
 * The pod's IPs: `status.podIPs`, or `status.podIP` alone when `podIPs` is absent.
 *
 * Caveats: upstream reads only `podIPs` (its apiserver keeps the two in step); the
 * fallback lets pods whose status a test patched with `podIP` only count.
 */
export function podIPsOf(pod: Pod): readonly string[] {
  const listed = pod.status?.podIPs;
  if (listed !== undefined && listed.length > 0) {
    return listed.map((entry) => entry.ip);
  }
  const single = pod.status?.podIP;
  return single === undefined || single === '' ? [] : [single];
}

/** Whether an IP address is written as IPv6 (has a colon). */
export function isIPv6(ip: string): boolean {
  return ip.includes(':');
}

/**
 * Whether the service has a cluster IP, as upstream's `IsServiceIPSet`: neither empty
 * nor `None`. Services without one are labelled headless.
 */
export function isServiceIPSet(service: Service): boolean {
  const clusterIP = service.spec?.clusterIP ?? '';
  return clusterIP !== '' && clusterIP !== CLUSTER_IP_NONE;
}

/**
 * The selector this controller family manages endpoints for: `spec.selector` when the
 * service is not `ExternalName` and the selector has at least one label; `undefined`
 * otherwise (its endpoints are someone else's business).
 *
 * Caveats: upstream tests `selector == nil`; an empty map does not survive its
 * storage round trip, so empty and absent are the same here.
 */
export function managedSelectorOf(service: Service): Readonly<Record<string, string>> | undefined {
  if (service.spec?.type === 'ExternalName') {
    return undefined;
  }
  const selector = service.spec?.selector;
  return selector === undefined || Object.keys(selector).length === 0 ? undefined : selector;
}

/** Whether `labels` has every label of `selector`, with the same value. */
export function selectorMatches(
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  for (const key in selector) {
    if (labels?.[key] !== selector[key]) {
      return false;
    }
  }
  return true;
}

/**
 * The pod port a service port reaches, as upstream's `FindPort`: a numeric
 * `targetPort` as is (`port` when absent), a named one through the container ports
 * (then those of restartable init containers) of that name and protocol;
 * `undefined` when the pod has no such port.
 */
export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') {
    return target;
  }
  const protocol = servicePort.protocol ?? 'TCP';
  const sidecars = (pod.spec?.initContainers ?? []).filter(
    (container) => container.restartPolicy === 'Always',
  );
  for (const container of [...(pod.spec?.containers ?? []), ...sidecars]) {
    for (const port of container.ports ?? []) {
      if (port.name === target && (port.protocol ?? 'TCP') === protocol) {
        return port.containerPort;
      }
    }
  }
  return undefined;
}

/**
 * Whether the endpoint of `pod` carries its hostname, as upstream's
 * `ShouldSetHostname`: the pod has a `spec.hostname` and its `spec.subdomain` is the
 * service's name, in the same namespace.
 */
export function shouldSetHostname(pod: Pod, service: Service): boolean {
  const hostname = pod.spec?.hostname ?? '';
  return (
    hostname !== '' &&
    pod.spec?.subdomain === service.metadata?.name &&
    pod.metadata?.namespace === service.metadata?.namespace
  );
}

/**
 * Whether a pod update can change the endpoints of the services selecting it (as
 * upstream's `podEndpointsChanged`, plus the phase and node): its labels, hostname,
 * subdomain, deletion, readiness, IPs, terminal phase or node.
 */
export function podEndpointsChanged(old: Pod, current: Pod): boolean {
  if (
    old.metadata?.labels !== current.metadata?.labels &&
    !sameStringMap(old.metadata?.labels, current.metadata?.labels)
  ) {
    return true;
  }
  if (
    old.spec?.hostname !== current.spec?.hostname ||
    old.spec?.subdomain !== current.spec?.subdomain ||
    old.spec?.nodeName !== current.spec?.nodeName ||
    old.metadata?.deletionTimestamp !== current.metadata?.deletionTimestamp ||
    old.status?.phase !== current.status?.phase ||
    isPodReady(old) !== isPodReady(current)
  ) {
    return true;
  }
  const oldIPs = podIPsOf(old);
  const currentIPs = podIPsOf(current);
  return oldIPs.length !== currentIPs.length || oldIPs.some((ip, i) => ip !== currentIPs[i]);
}

/** Whether two string maps hold the same entries (absent and empty are the same). */
export function sameStringMap(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
): boolean {
  const aKeys = a === undefined ? [] : Object.keys(a);
  const bKeys = b === undefined ? [] : Object.keys(b);
  if (aKeys.length !== bKeys.length) {
    return false;
  }
  return aKeys.every((key) => b?.[key] === a?.[key]);
}
