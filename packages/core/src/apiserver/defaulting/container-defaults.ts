/**
 * Upstream's defaults for one container (`SetDefaults_Container`, `_ContainerPort`,
 * `_Probe`, `_HTTPGetAction`), and requests defaulted to limits (`SetDefaults_Pod`,
 * for pods only).
 *
 * @module
 */
import type {
  Container,
  ContainerPort,
  Probe,
  ResourceRequirements,
} from '../../api/kinds/core-v1/index.js';
import { copyObject } from '../object-copy.js';

// Looked up once: in a `vm` context (as jest runs tests) each global lookup goes
// through the context's interceptors.
const hasOwnField = Object.hasOwn;

/** Where a container's termination message is written unless it says otherwise. */
export const DEFAULT_TERMINATION_MESSAGE_PATH = '/dev/termination-log';

/**
 * The image pull policy upstream gives an image: `Always` for the `latest` tag or no
 * tag (which means `latest`), unless pinned by digest alone; `IfNotPresent` otherwise.
 */
export function defaultImagePullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  const reference = image ?? '';
  if (reference === '') {
    return 'IfNotPresent';
  }
  const at = reference.indexOf('@');
  const named = at < 0 ? reference : reference.slice(0, at);
  const colon = named.lastIndexOf(':');
  const tag = colon > named.lastIndexOf('/') ? named.slice(colon + 1) : '';
  if (tag === '') {
    return at < 0 ? 'Always' : 'IfNotPresent';
  }
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/**
 * The container with upstream's defaults (`SetDefaults_Container`, for pods and pod
 * templates alike): `imagePullPolicy` (see {@link defaultImagePullPolicy}),
 * `terminationMessagePath` `/dev/termination-log`, `terminationMessagePolicy` `File`,
 * port `protocol` `TCP`, probe timings and HTTP probe `path` `/` and `scheme` `HTTP`.
 *
 * Guarantees: never changes its argument; returns the argument itself when every
 * default is already there.
 */
export function defaultContainer(container: Container): Container {
  const ports = container.ports === undefined ? undefined : mapSame(container.ports, defaultPort);
  const livenessProbe = defaultOptionalProbe(container.livenessProbe);
  const readinessProbe = defaultOptionalProbe(container.readinessProbe);
  const startupProbe = defaultOptionalProbe(container.startupProbe);
  if (
    container.imagePullPolicy !== undefined &&
    container.terminationMessagePath !== undefined &&
    container.terminationMessagePolicy !== undefined &&
    ports === container.ports &&
    livenessProbe === container.livenessProbe &&
    readinessProbe === container.readinessProbe &&
    startupProbe === container.startupProbe
  ) {
    return container;
  }
  // One copy, filled in place: existing fields keep their place, new ones follow in
  // this order.
  const result = copyObject(container);
  if (container.imagePullPolicy === undefined) {
    result.imagePullPolicy = defaultImagePullPolicy(container.image);
  }
  if (container.terminationMessagePath === undefined) {
    result.terminationMessagePath = DEFAULT_TERMINATION_MESSAGE_PATH;
  }
  if (container.terminationMessagePolicy === undefined) {
    result.terminationMessagePolicy = 'File';
  }
  // The fields below are only replaced where the container has them.
  if (ports !== container.ports && ports !== undefined) {
    result.ports = ports;
  }
  if (livenessProbe !== container.livenessProbe && livenessProbe !== undefined) {
    result.livenessProbe = livenessProbe;
  }
  if (readinessProbe !== container.readinessProbe && readinessProbe !== undefined) {
    result.readinessProbe = readinessProbe;
  }
  if (startupProbe !== container.startupProbe && startupProbe !== undefined) {
    result.startupProbe = startupProbe;
  }
  return result;
}

/**
 * The container with each limited resource's request defaulting to its limit, as
 * upstream's `SetDefaults_Pod` does for a pod's containers (a pod template's are left
 * as they are).
 *
 * Guarantees: never changes its argument; returns the argument itself when every
 * limited resource has a request (or there is no limit).
 */
export function withRequestsFromLimits(container: Container): Container {
  const resources = requestsDefaultedToLimits(container.resources);
  if (resources === container.resources) {
    return container;
  }
  const result = copyObject(container);
  if (resources !== undefined) {
    result.resources = resources;
  }
  return result;
}

/**
 * `items` with `fn` applied to each, or `items` itself when `fn` returned every item
 * unchanged.
 */
export function mapSame<T>(items: readonly T[], fn: (item: T) => T): T[] {
  let result: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const mapped = fn(item);
    if (mapped !== item && result === undefined) {
      result = items.slice();
    }
    if (result !== undefined) {
      result[i] = mapped;
    }
  }
  return result ?? (items as T[]);
}

function defaultPort(port: ContainerPort): ContainerPort {
  if (port.protocol !== undefined) {
    return port;
  }
  const result = copyObject(port);
  result.protocol = 'TCP';
  return result;
}

function defaultOptionalProbe(probe: Probe | undefined): Probe | undefined {
  return probe === undefined ? undefined : defaultProbe(probe);
}

/**
 * The probe with upstream's timings (`timeoutSeconds` 1, `periodSeconds` 10,
 * `successThreshold` 1, `failureThreshold` 3) and HTTP `path` `/` and `scheme` `HTTP`;
 * the probe itself when complete.
 */
function defaultProbe(probe: Probe): Probe {
  const httpGet = probe.httpGet;
  const httpComplete =
    httpGet === undefined || (httpGet.path !== undefined && httpGet.scheme !== undefined);
  if (
    probe.timeoutSeconds !== undefined &&
    probe.periodSeconds !== undefined &&
    probe.successThreshold !== undefined &&
    probe.failureThreshold !== undefined &&
    httpComplete
  ) {
    return probe;
  }
  const result = copyObject(probe);
  if (probe.timeoutSeconds === undefined) {
    result.timeoutSeconds = 1;
  }
  if (probe.periodSeconds === undefined) {
    result.periodSeconds = 10;
  }
  if (probe.successThreshold === undefined) {
    result.successThreshold = 1;
  }
  if (probe.failureThreshold === undefined) {
    result.failureThreshold = 3;
  }
  if (httpGet !== undefined && !httpComplete) {
    const http = copyObject(httpGet);
    http.path = httpGet.path ?? '/';
    http.scheme = httpGet.scheme ?? 'HTTP';
    result.httpGet = http;
  }
  return result;
}

/**
 * The resources with each limited resource's request defaulting to its limit; the
 * argument itself when every limited resource has a request (or there is no limit).
 */
function requestsDefaultedToLimits(
  resources: ResourceRequirements | undefined,
): ResourceRequirements | undefined {
  const limits = resources?.limits;
  if (resources === undefined || limits === undefined) {
    return resources;
  }
  const requests = resources.requests ?? {};
  let filled: typeof requests | undefined;
  for (const name in limits) {
    if (!hasOwnField(limits, name) || hasOwnField(requests, name)) {
      continue;
    }
    filled ??= copyObject(requests);
    const limit = limits[name];
    if (limit !== undefined) {
      filled[name] = limit;
    }
  }
  if (filled === undefined) {
    return resources;
  }
  const result = copyObject(resources);
  result.requests = filled;
  return result;
}
