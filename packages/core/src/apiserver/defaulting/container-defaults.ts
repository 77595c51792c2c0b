/**
 * Upstream's defaults for one container (`SetDefaults_Container`, `_ContainerPort`,
 * `_Probe`, `_HTTPGetAction`), and requests defaulted to limits (`SetDefaults_Pod`).
 *
 * @module
 */
import type { Container, ContainerPort, Probe } from '../../api/kinds/core-v1/index.js';

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
 * The container with upstream's defaults: `imagePullPolicy` (see
 * {@link defaultImagePullPolicy}), `terminationMessagePath` `/dev/termination-log`,
 * `terminationMessagePolicy` `File`, port `protocol` `TCP`, probe timings and HTTP
 * probe `path` `/` and `scheme` `HTTP`, and each limited resource's request defaulting
 * to its limit.
 *
 * Guarantees: never changes its argument; returns the argument itself when every
 * default is already there.
 */
export function defaultContainer(container: Container): Container {
  let result = container;
  const set = <K extends keyof Container>(key: K, value: Container[K]): void => {
    if (result === container) {
      result = { ...container };
    }
    result[key] = value;
  };
  if (container.imagePullPolicy === undefined) {
    set('imagePullPolicy', defaultImagePullPolicy(container.image));
  }
  if (container.terminationMessagePath === undefined) {
    set('terminationMessagePath', DEFAULT_TERMINATION_MESSAGE_PATH);
  }
  if (container.terminationMessagePolicy === undefined) {
    set('terminationMessagePolicy', 'File');
  }
  if (container.ports !== undefined) {
    const ports = mapSame(container.ports, defaultPort);
    if (ports !== container.ports) {
      set('ports', ports);
    }
  }
  for (const name of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = container[name];
    if (probe !== undefined) {
      const defaulted = defaultProbe(probe);
      if (defaulted !== probe) {
        set(name, defaulted);
      }
    }
  }
  const resources = container.resources;
  const limits = resources?.limits;
  if (resources !== undefined && limits !== undefined) {
    const requests = resources.requests ?? {};
    const missing = Object.keys(limits).filter((name) => !Object.hasOwn(requests, name));
    if (missing.length > 0) {
      const filled = { ...requests };
      for (const name of missing) {
        const limit = limits[name];
        if (limit !== undefined) {
          filled[name] = limit;
        }
      }
      set('resources', { ...resources, requests: filled });
    }
  }
  return result;
}

/**
 * `items` with `fn` applied to each, or `items` itself when `fn` returned every item
 * unchanged.
 */
export function mapSame<T>(items: readonly T[], fn: (item: T) => T): T[] {
  let result: T[] | undefined;
  items.forEach((item, i) => {
    const mapped = fn(item);
    if (mapped !== item && result === undefined) {
      result = items.slice();
    }
    if (result !== undefined) {
      result[i] = mapped;
    }
  });
  return result ?? (items as T[]);
}

function defaultPort(port: ContainerPort): ContainerPort {
  return port.protocol === undefined ? { ...port, protocol: 'TCP' } : port;
}

const PROBE_DEFAULTS = {
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
} as const;

function defaultProbe(probe: Probe): Probe {
  let result = probe;
  for (const [key, value] of Object.entries(PROBE_DEFAULTS) as [
    keyof typeof PROBE_DEFAULTS,
    number,
  ][]) {
    if (probe[key] === undefined) {
      result = result === probe ? { ...probe } : result;
      result[key] = value;
    }
  }
  const httpGet = probe.httpGet;
  if (httpGet !== undefined && (httpGet.path === undefined || httpGet.scheme === undefined)) {
    result = result === probe ? { ...probe } : result;
    result.httpGet = { ...httpGet, path: httpGet.path ?? '/', scheme: httpGet.scheme ?? 'HTTP' };
  }
  return result;
}
