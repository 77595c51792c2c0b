/**
 * kube-proxy as a model: it watches Services and EndpointSlices and answers where a
 * connection to a service address would go.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { merge, type Observable, type OperatorFunction } from 'rxjs';
import { filter, map } from 'rxjs/operators';
import type { Service } from '../api/kinds/core-v1/index.js';
import type { EndpointSlice } from '../api/kinds/discovery-v1/index.js';
import type { Client } from '../client/client.js';
import { EndpointSlices, Services } from '../client/built-in-types.js';
import type { Clock } from '../clock/index.js';
import { watcher, type WatcherEvent } from '../reconcile/watcher/index.js';
import { backendPicker, seededRandom, type Balancing } from './backend-picker.js';
import { RoutingTable } from './routing-table.js';
import {
  objectName,
  type Backend,
  type RouteProtocol,
  type ServicePortRoute,
} from './service-routes.js';

/** What {@link kubeProxy} is built from. */
export interface KubeProxyOptions {
  readonly client: Client;
  /** The clock the watches back off on. */
  readonly clock: Clock;
  /** The node this proxy runs on: node port traffic of `externalTrafficPolicy: Local` services stays on it. */
  readonly nodeName?: string;
  /** Default: `round-robin`. */
  readonly balancing?: Balancing;
  /** For `random` balancing: numbers in [0, 1). Default: a generator seeded with 1. */
  readonly random?: () => number;
}

/** Why a connection goes nowhere. */
export interface ResolveFailure {
  readonly reason: 'NoService' | 'NoReadyEndpoints';
  /** `no service at 10.96.0.10:80`, `no ready endpoints for default/web:80`. */
  readonly message: string;
}

/** Where a connection goes, or why it goes nowhere. */
export type ResolveResult = Either<ResolveFailure, Backend>;

/** The routes of these services (`namespace/name`) changed. */
export interface RoutesChanged {
  readonly type: 'RoutesChanged';
  readonly services: readonly string[];
}

/** A running model of kube-proxy. */
export interface KubeProxy {
  /**
   * The backend a connection to `ip:port` reaches: a service's cluster IP and port,
   * or any other address with a service's node port. Each call is one connection
   * (it moves the round-robin turn).
   */
  resolve(ip: string, port: number, protocol?: RouteProtocol): ResolveResult;
  /** The routes as they are now. */
  routes(): ServicePortRoute[];
  /**
   * Watches Services and EndpointSlices (all namespaces) into the routing table,
   * emitting each change of routes. Unsubscribing stops the watches.
   *
   * Caveats: one run at a time (runs share the table); a relist drops what it no
   * longer lists.
   */
  run(): Observable<RoutesChanged>;
}

/**
 * A kube-proxy over `client`; see {@link KubeProxy}.
 *
 * Caveats: session affinity (`ClientIP`) is not modelled (every connection is
 * balanced); IPv4 slices only; `loadBalancer` ingress IPs and `externalIPs` are not
 * routed.
 */
export function kubeProxy(options: KubeProxyOptions): KubeProxy {
  const table = new RoutingTable();
  const pick = backendPicker({
    balancing: options.balancing ?? 'round-robin',
    random: options.random ?? seededRandom(1),
  });

  const resolve = (ip: string, port: number, protocol: RouteProtocol = 'TCP'): ResolveResult => {
    const viaClusterIP = table.byClusterIP(ip, port, protocol);
    const route =
      viaClusterIP ?? (table.isClusterIP(ip) ? undefined : table.byNodePort(port, protocol));
    if (route === undefined) {
      return left({ reason: 'NoService', message: `no service at ${ip}:${port}` });
    }
    const local =
      viaClusterIP === undefined && route.nodeLocal === true && options.nodeName !== undefined;
    const candidates = local
      ? { ...route, backends: route.backends.filter((b) => b.nodeName === options.nodeName) }
      : route;
    if (candidates.backends.length === 0) {
      return left({
        reason: 'NoReadyEndpoints',
        message: `no ready endpoints for ${route.service}:${viaClusterIP === undefined ? (route.nodePort ?? port) : route.port}`,
      });
    }
    return right(pick(candidates));
  };

  const run = (): Observable<RoutesChanged> =>
    merge(
      watcher(options.client, Services, { clock: options.clock }).pipe(
        follow<Service>({
          apply: (service) => [table.applyService(service)],
          remove: (name) => [table.deleteService(name)],
          known: () => table.keys().services,
        }),
      ),
      watcher(options.client, EndpointSlices, { clock: options.clock }).pipe(
        follow<EndpointSlice>({
          apply: (slice) => table.applySlice(slice),
          remove: (name) => table.deleteSlice(name),
          known: () => table.keys().slices,
        }),
      ),
    ).pipe(filter((event) => event.services.length > 0));

  return { resolve, routes: () => table.routes(), run };
}

/** How one resource's watcher events change the table. */
interface Follower<T> {
  readonly apply: (object: T) => string[];
  /** Removes the object `namespace/name`. */
  readonly remove: (name: string) => string[];
  readonly known: () => string[];
}

/**
 * Watcher events to table changes: `apply`/`initApply` apply, `delete` removes, and
 * at `initDone` whatever the relist did not list is removed.
 */
function follow<T extends Service | EndpointSlice>(
  follower: Follower<T>,
): OperatorFunction<WatcherEvent<T>, RoutesChanged> {
  let listed: Set<string> | undefined;
  return map((event): RoutesChanged => {
    switch (event.type) {
      case 'init':
        listed = new Set();
        return changed([]);
      case 'initApply':
        listed?.add(objectName(event.object));
        return changed(follower.apply(event.object));
      case 'initDone': {
        const gone = follower.known().filter((key) => listed?.has(key) !== true);
        listed = undefined;
        return changed(gone.flatMap(follower.remove));
      }
      case 'apply':
        return changed(follower.apply(event.object));
      case 'delete':
        return changed(follower.remove(objectName(event.object)));
    }
  });
}

function changed(services: readonly string[]): RoutesChanged {
  return { type: 'RoutesChanged', services: [...new Set(services)] };
}
