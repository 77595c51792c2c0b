/**
 * An apiserver with its built-in parts running: RBAC that follows the store, CRDs
 * served as they are created, NamespaceLifecycle admission, and the system
 * namespaces.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { namespaceLifecycle } from './admission/namespace-lifecycle.js';
import { ApiServer, alwaysAllow, type ApiServerOptions, type Authorizer } from './api-server.js';
import { SYSTEM_ADMIN } from './authentication/authenticator.js';
import { BOOTSTRAP_POLICY } from './authorization/bootstrap-policy.js';
import { startRbacSync, type RbacSync } from './authorization/rbac-sync.js';
import {
  startCustomResourceDefinitions,
  type CustomResourceDefinitions,
} from './customresources/custom-resource-definitions.js';
import {
  ServiceAllocators,
  serviceStrategy,
  startServiceAllocationSync,
} from './service-allocation/index.js';

/** The namespaces a new cluster has. */
export const SYSTEM_NAMESPACES: readonly string[] = Object.freeze([
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
]);

/** What {@link startApiServer} builds: the server's options, and which built-in parts run. */
export interface StartApiServerOptions extends Omit<ApiServerOptions, 'authorizer'> {
  /** `RBAC` (rules from the store) or `AlwaysAllow` (the default). */
  readonly authorization?: 'RBAC' | 'AlwaysAllow';
  /** Creates the {@link SYSTEM_NAMESPACES} that are missing. Default: true. */
  readonly createSystemNamespaces?: boolean;
  /** The IPv4 CIDR cluster IPs come from (`--service-cluster-ip-range`). Default: `10.96.0.0/12`. */
  readonly serviceClusterIPRange?: string;
  /** The range node ports come from (`--service-node-port-range`). Default: `30000-32767`. */
  readonly serviceNodePortRange?: string;
}

/** A running apiserver and its built-in parts. */
export interface RunningApiServer {
  readonly server: ApiServer;
  /** The RBAC sync, with `authorization: 'RBAC'`. */
  readonly rbac?: RbacSync;
  readonly customResources: CustomResourceDefinitions;
  /** The cluster IPs and node ports services hold. */
  readonly serviceAllocators: ServiceAllocators;
  /** Resolves once the built-in controllers' writes so far are done (CRD status, cleanup). */
  readonly settled: () => Promise<void>;
  /** Stops the built-in parts and the server (the store stays open). */
  readonly stop: () => void;
}

/**
 * Starts an apiserver over `options.store`: NamespaceLifecycle first among the
 * validating plugins, the CRD controller, RBAC if asked (with the bootstrap policy:
 * `cluster-admin` for `system:masters`, self-reviews for authenticated users,
 * discovery for all, and the `view`, `edit` and `admin` roles), the system
 * namespaces, and service cluster IP and node port allocation (rebuilt from the
 * services already stored).
 *
 * Errors: throws `RangeError` for a service range that does not parse; rejects if
 * the store cannot be read or a system namespace cannot be created.
 */
export async function startApiServer(options: StartApiServerOptions): Promise<RunningApiServer> {
  let authorize: Authorizer = alwaysAllow;
  const serviceAllocators = new ServiceAllocators({
    ...(options.serviceClusterIPRange === undefined
      ? {}
      : { serviceClusterIPRange: options.serviceClusterIPRange }),
    ...(options.serviceNodePortRange === undefined
      ? {}
      : { serviceNodePortRange: options.serviceNodePortRange }),
  });
  const server = new ApiServer({
    ...options,
    authorizer: (attributes) => authorize(attributes),
    validatingAdmission: [
      namespaceLifecycle({ store: options.store }),
      ...(options.validatingAdmission ?? []),
    ],
  });
  const services = server.registry.byGroupVersionResource({
    group: '',
    version: 'v1',
    resource: 'services',
  });
  if (services !== undefined) {
    server.setStrategy(services, serviceStrategy({ allocators: serviceAllocators }));
  }
  const serviceAllocation = await startServiceAllocationSync({
    store: options.store,
    allocators: serviceAllocators,
  });
  const rbac =
    options.authorization === 'RBAC' ? await startRbacSync({ store: options.store }) : undefined;
  if (rbac !== undefined) {
    authorize = rbac.authorize;
    for (const object of BOOTSTRAP_POLICY) {
      const kind = object.kind === 'ClusterRole' ? 'clusterroles' : 'clusterrolebindings';
      const created = await server.handle({
        verb: 'create',
        user: SYSTEM_ADMIN,
        resource: { group: 'rbac.authorization.k8s.io', version: 'v1', resource: kind },
        body: object,
      });
      if (isLeft(created) && created.left.reason !== 'AlreadyExists') {
        throw new Error(
          `cannot create the bootstrap ${kind} ${object.metadata?.name ?? ''}: ${created.left.message ?? ''}`,
        );
      }
    }
  }
  const customResources = await startCustomResourceDefinitions(server);
  if (options.createSystemNamespaces !== false) {
    for (const name of SYSTEM_NAMESPACES) {
      const created = await server.handle({
        verb: 'create',
        user: SYSTEM_ADMIN,
        resource: { group: '', version: 'v1', resource: 'namespaces' },
        body: { metadata: { name } },
      });
      if (isLeft(created) && created.left.reason !== 'AlreadyExists') {
        throw new Error(`cannot create namespace ${name}: ${created.left.message ?? ''}`);
      }
    }
  }
  return {
    server,
    ...(rbac === undefined ? {} : { rbac }),
    customResources,
    serviceAllocators,
    settled: () => customResources.settled(),
    stop: () => {
      serviceAllocation.stop();
      customResources.stop();
      rbac?.stop();
      server.close();
    },
  };
}
