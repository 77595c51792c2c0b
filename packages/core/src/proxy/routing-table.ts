/**
 * The routing table kube-proxy keeps: services and their EndpointSlices in, routes
 * by (cluster IP, port, protocol) and (node port, protocol) out, updated one service
 * at a time.
 *
 * @module
 */
import type { Service } from '../api/kinds/core-v1/index.js';
import { SERVICE_NAME_LABEL, type EndpointSlice } from '../api/kinds/discovery-v1/index.js';
import {
  objectName,
  serviceRoutes,
  type RouteProtocol,
  type ServicePortRoute,
} from './service-routes.js';

/**
 * Services, their slices and the routes built from them.
 *
 * Guarantees: a change of one service or one slice rebuilds that service's routes
 * only; slices of one service merge; a slice without the service-name label is
 * ignored.
 */
export class RoutingTable {
  readonly #services = new Map<string, Service>();
  readonly #slices = new Map<string, Map<string, EndpointSlice>>();
  readonly #sliceOwners = new Map<string, string>();
  readonly #routes = new Map<string, readonly ServicePortRoute[]>();
  readonly #byClusterIP = new Map<string, ServicePortRoute>();
  readonly #byNodePort = new Map<string, ServicePortRoute>();
  readonly #clusterIPs = new Set<string>();

  /** Adds or replaces a service; answers its `namespace/name`. */
  applyService(service: Service): string {
    const name = objectName(service);
    this.#services.set(name, service);
    this.#rebuild(name);
    return name;
  }

  /** Removes the service `namespace/name` and its routes; answers the name. */
  deleteService(name: string): string {
    this.#services.delete(name);
    this.#rebuild(name);
    return name;
  }

  /**
   * Adds or replaces a slice; answers the services whose routes changed (the slice's,
   * and its previous one's if its label moved), none for a slice without the label.
   */
  applySlice(slice: EndpointSlice): string[] {
    const sliceName = objectName(slice);
    const touched = this.#removeSlice(sliceName);
    const serviceName = slice.metadata?.labels?.[SERVICE_NAME_LABEL];
    if (serviceName !== undefined && serviceName !== '') {
      const owner = `${slice.metadata?.namespace ?? ''}/${serviceName}`;
      let slices = this.#slices.get(owner);
      if (slices === undefined) {
        slices = new Map();
        this.#slices.set(owner, slices);
      }
      slices.set(sliceName, slice);
      this.#sliceOwners.set(sliceName, owner);
      touched.add(owner);
    }
    for (const owner of touched) {
      this.#rebuild(owner);
    }
    return [...touched];
  }

  /** Removes the slice `namespace/name`; answers the services whose routes changed. */
  deleteSlice(name: string): string[] {
    const touched = this.#removeSlice(name);
    for (const owner of touched) {
      this.#rebuild(owner);
    }
    return [...touched];
  }

  /** The `namespace/name` of every service and slice known. */
  keys(): { readonly services: string[]; readonly slices: string[] } {
    return { services: [...this.#services.keys()], slices: [...this.#sliceOwners.keys()] };
  }

  /** The route on a cluster IP and port, if any. */
  byClusterIP(ip: string, port: number, protocol: RouteProtocol): ServicePortRoute | undefined {
    return this.#byClusterIP.get(`${ip}:${port}/${protocol}`);
  }

  /** Whether `ip` is some service's cluster IP. */
  isClusterIP(ip: string): boolean {
    return this.#clusterIPs.has(ip);
  }

  /** The route on a node port, if any. */
  byNodePort(port: number, protocol: RouteProtocol): ServicePortRoute | undefined {
    return this.#byNodePort.get(`${port}/${protocol}`);
  }

  /** Every route, by service. */
  routes(): ServicePortRoute[] {
    return [...this.#routes.values()].flat();
  }

  #removeSlice(sliceName: string): Set<string> {
    const owner = this.#sliceOwners.get(sliceName);
    if (owner === undefined) {
      return new Set();
    }
    this.#sliceOwners.delete(sliceName);
    const slices = this.#slices.get(owner);
    slices?.delete(sliceName);
    if (slices?.size === 0) {
      this.#slices.delete(owner);
    }
    return new Set([owner]);
  }

  #rebuild(name: string): void {
    for (const route of this.#routes.get(name) ?? []) {
      if (route.clusterIP !== undefined) {
        this.#byClusterIP.delete(`${route.clusterIP}:${route.port}/${route.protocol}`);
        this.#clusterIPs.delete(route.clusterIP);
      }
      if (route.nodePort !== undefined) {
        this.#byNodePort.delete(`${route.nodePort}/${route.protocol}`);
      }
    }
    const service = this.#services.get(name);
    if (service === undefined) {
      this.#routes.delete(name);
      return;
    }
    const routes = serviceRoutes(service, this.#slices.get(name)?.values() ?? []);
    this.#routes.set(name, routes);
    for (const route of routes) {
      if (route.clusterIP !== undefined) {
        this.#byClusterIP.set(`${route.clusterIP}:${route.port}/${route.protocol}`, route);
        this.#clusterIPs.add(route.clusterIP);
      }
      if (route.nodePort !== undefined) {
        this.#byNodePort.set(`${route.nodePort}/${route.protocol}`, route);
      }
    }
  }
}
