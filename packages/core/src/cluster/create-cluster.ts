/**
 * The local cluster: one process holding etcd's model, the apiserver, the
 * controllers, the scheduler, a kubelet and container runtime per node, and
 * kube-proxy, all on one clock.
 *
 * @module
 */
import type { ApiObject } from '../apiserver/index.js';
import {
  startApiServer,
  SYSTEM_ADMIN,
  type ApiServer,
  type RunningApiServer,
  type StartApiServerOptions,
} from '../apiserver/index.js';
import { VirtualClock, type Clock } from '../clock/index.js';
import { InProcessClient, type ApiEndpoint } from '../client/index.js';
import {
  kubelet,
  RuntimeScript,
  sharedPodSource,
  simulatedRuntime,
  type PodSource,
} from '../kubelet/index.js';
import { kubeProxy, seededRandom, type KubeProxy } from '../proxy/index.js';
import { sharedInformers, type SharedInformers } from '../reconcile/informer/index.js';
import { scheduler, type SchedulerProfile } from '../scheduler/index.js';
import { MemoryStore } from '../store/index.js';
import { subscribingHost, type ComponentHost, type StartedComponent } from './cluster-component.js';
import { startClusterNode, type ClusterNode, type ClusterNodeSpec } from './cluster-node.js';
import {
  BUILT_IN_COMPONENT_NAMES,
  BUILT_IN_CONTROLLERS,
  proxyComponent,
  schedulerComponent,
  type BuiltInComponentName,
  type ClusterContext,
  type ComponentFactory,
} from './built-in-components.js';
import { nodeAddressing } from './node-addressing.js';

/**
 * Which components run. Each built-in one is on unless set to `false`; a factory
 * replaces it. `extra` components start after the built-in ones.
 *
 * @example
 * ```ts
 * // No kube-proxy, and a scheduler with one more plugin:
 * components: {
 *   'kube-proxy': false,
 *   scheduler: ({ client, clock }) =>
 *     schedulerComponent(scheduler({ client, clock, profiles: [defaultProfile({ extraPlugins: [zoneA] })] })),
 * }
 * ```
 */
export type ClusterComponents = {
  readonly [name in BuiltInComponentName]?: false | ComponentFactory;
} & {
  /** `false`: nodes are Node objects without kubelets (nothing runs pods). */
  readonly kubelets?: false;
  /** The default scheduler's profiles (ignored when `scheduler` is replaced). */
  readonly schedulerProfiles?: readonly SchedulerProfile[];
  readonly extra?: readonly ComponentFactory[];
};

/**
 * The revisions of history a cluster's own store keeps at least, besides its 5-minute
 * compaction: a burst of writes at one instant of a virtual clock (150,000 pods
 * started without the clock moving) would otherwise keep every revision until time
 * moves. A watch resuming from a compacted revision gets `410 Gone` and relists, as
 * with any compaction.
 */
export const CLUSTER_HISTORY_REVISIONS = 50_000;

/** What {@link createCluster} builds; every field has a default. */
export interface CreateClusterOptions {
  /** Default: a new `VirtualClock` at 2025-01-01T00:00:00Z. */
  readonly clock?: Clock;
  /**
   * Default: a new `MemoryStore` on the clock, closed by `stop()`, compacting as the
   * apiserver does (every 5 minutes) and also keeping at most twice
   * {@link CLUSTER_HISTORY_REVISIONS} revisions of history.
   */
  readonly store?: MemoryStore<ApiObject>;
  /** The apiserver's options besides its store and clock (authorization, uids, admission...). */
  readonly apiServer?: Omit<StartApiServerOptions, 'store' | 'clock'>;
  /** The nodes: a count (`node-1`...) or each one. Default: none. */
  readonly nodes?: number | readonly ClusterNodeSpec[];
  readonly components?: ClusterComponents;
  /** The behaviour of containers on every node. Default: a new, empty script (containers run and stay up). */
  readonly runtimeScript?: RuntimeScript;
  /** The seed of the cluster's randomness (scheduler ties, kube-proxy). Default 1. */
  readonly seed?: number;
  /** Whether the scheduler and kubelets record Events. Default true. */
  readonly recordEvents?: boolean;
  /** Where components start. Default: each one is subscribed to, failures thrown as uncaught errors. */
  readonly host?: ComponentHost;
  /** What the components' clients talk to. Default: the apiserver itself. */
  readonly clientEndpoint?: (server: ApiServer) => ApiEndpoint;
}

/** A running local cluster; see {@link createCluster}. */
export interface Cluster {
  readonly clock: Clock;
  readonly store: MemoryStore<ApiObject>;
  readonly apiServer: RunningApiServer;
  readonly server: ApiServer;
  /** A client as `system:admin`. */
  readonly client: InProcessClient;
  /**
   * The controller manager's shared informers (one watch and one cache per resource
   * type). Following them (`informers.forType(Pods).events$`) observes the cluster
   * without another watch, from the cache the controllers read.
   */
  readonly informers: SharedInformers;
  /** The behaviour of containers, shared by every node's runtime: script it at any time. */
  readonly runtimeScript: RuntimeScript;
  /** The cluster's kube-proxy (`resolve(ip, port)`), unless it was left out or replaced. */
  readonly proxy: KubeProxy | undefined;
  /** The nodes, by name, in the order they were added. */
  readonly nodes: ReadonlyMap<string, ClusterNode>;
  /** The components started, in order (the kubelets are in `nodes`). */
  readonly components: readonly StartedComponent[];
  /** Adds a node; resolves once its kubelet has registered it. */
  addNode(spec?: ClusterNodeSpec): Promise<ClusterNode>;
  /** Stops every component and the apiserver; closes the store if the cluster made it. */
  stop(): Promise<void>;
}

/**
 * Starts a local cluster: `startApiServer` over the store, then the built-in
 * controllers (garbage collector, namespace, Deployment, ReplicaSet, node lifecycle,
 * taint eviction, pod GC, Endpoints, EndpointSlice, ClusterRole aggregation), the
 * scheduler and kube-proxy, then a simulated runtime and a kubelet per node; resolves
 * once every node is registered.
 *
 * Guarantees: on a `VirtualClock`, the same options and the same calls give the same
 * cluster (uids and names come from the apiserver options, randomness from `seed`).
 * Kubelets share one pod watch (dispatched by node), so thousands of nodes cost one watch.
 *
 * Errors: rejects as `startApiServer` does; throws `RangeError` for more than 8,192
 * nodes or node capacities that do not parse.
 *
 * Caveats: kubelets use the `system:admin` client (there is no Node authorizer).
 */
export async function createCluster(options: CreateClusterOptions = {}): Promise<Cluster> {
  const clock = options.clock ?? new VirtualClock();
  const ownStore = options.store === undefined;
  const store =
    options.store ??
    new MemoryStore<ApiObject>({
      clock,
      autoCompaction: {
        mode: 'periodic',
        retention: '5m',
        maxRevisions: CLUSTER_HISTORY_REVISIONS,
      },
    });
  const apiServer = await startApiServer({ ...options.apiServer, store, clock });
  const { server } = apiServer;
  const endpoint = options.clientEndpoint?.(server) ?? server;
  const client = new InProcessClient({ server: endpoint, user: SYSTEM_ADMIN });
  const random = seededRandom(options.seed ?? 1);
  // kube-controller-manager's controllers share one watch and cache per resource.
  const informers = sharedInformers({ client, clock });
  const context: ClusterContext = { client, clock, server, random, informers };
  const host =
    options.host ??
    subscribingHost({
      onError: (name, error) => {
        queueMicrotask(() => {
          throw new Error(`cluster component "${name}" failed`, { cause: error });
        });
      },
    });
  const components = options.components ?? {};
  const recordEvents = options.recordEvents ?? true;
  const started: StartedComponent[] = [];
  let proxy: KubeProxy | undefined;
  for (const name of BUILT_IN_COMPONENT_NAMES) {
    const chosen = components[name];
    if (chosen === false) {
      continue;
    }
    if (chosen !== undefined) {
      started.push(host.start(chosen(context)));
    } else if (name === 'scheduler') {
      const built = scheduler({
        client,
        clock,
        random,
        recordEvents,
        ...(components.schedulerProfiles === undefined
          ? {}
          : { profiles: components.schedulerProfiles }),
      });
      started.push(host.start(schedulerComponent(built)));
    } else if (name === 'kube-proxy') {
      proxy = kubeProxy({ client, clock, random });
      started.push(host.start(proxyComponent(proxy)));
    } else {
      started.push(host.start(BUILT_IN_CONTROLLERS[name](context)));
    }
  }
  for (const build of components.extra ?? []) {
    started.push(host.start(build(context)));
  }

  const runtimeScript = options.runtimeScript ?? new RuntimeScript();
  const nodes = new Map<string, ClusterNode>();
  const withKubelets = components.kubelets !== false;
  let pods: PodSource | undefined;
  const addNode = async (spec: ClusterNodeSpec = {}): Promise<ClusterNode> => {
    const index = nodes.size;
    const name = spec.name ?? `node-${index + 1}`;
    if (nodes.has(name)) {
      throw new Error(`createCluster: there is already a node named ${name}`);
    }
    pods ??= sharedPodSource({ client, clock });
    const { internalIP, podCIDR } = nodeAddressing(index);
    const runtime = simulatedRuntime({ clock, script: runtimeScript, nodeName: name });
    const agent = kubelet({
      client,
      clock,
      nodeName: name,
      runtime,
      pods,
      recordEvents,
      node: {
        podCIDR,
        internalIP,
        ...(spec.capacity === undefined ? {} : { capacity: spec.capacity }),
        ...(spec.allocatable === undefined ? {} : { allocatable: spec.allocatable }),
        ...(spec.labels === undefined ? {} : { labels: spec.labels }),
        ...(spec.taints === undefined ? {} : { taints: spec.taints }),
      },
    });
    const { node, registered } = startClusterNode({ kubelet: agent, runtime, host });
    nodes.set(name, node);
    await registered;
    return node;
  };
  const specs = nodeSpecsOf(options.nodes);
  if (withKubelets) {
    await Promise.all(specs.map((spec) => addNode(spec)));
  } else if (specs.length > 0) {
    throw new Error('createCluster: nodes need kubelets; do not set components.kubelets to false');
  }
  return {
    clock,
    store,
    apiServer,
    server,
    client,
    informers,
    runtimeScript,
    proxy,
    nodes,
    get components() {
      return started;
    },
    addNode: async (spec) => {
      if (!withKubelets) {
        throw new Error('createCluster: this cluster runs no kubelets');
      }
      return addNode(spec);
    },
    stop: async () => {
      for (const node of nodes.values()) {
        node.stop();
      }
      for (const component of started.reverse()) {
        component.stop();
      }
      apiServer.stop();
      if (ownStore) {
        await store.close();
      }
    },
  };
}

function nodeSpecsOf(
  nodes: number | readonly ClusterNodeSpec[] | undefined,
): readonly ClusterNodeSpec[] {
  if (nodes === undefined) {
    return [];
  }
  if (typeof nodes === 'number') {
    if (!Number.isSafeInteger(nodes) || nodes < 0) {
      throw new RangeError(`createCluster: nodes must be a count or a list, got ${nodes}`);
    }
    return Array.from({ length: nodes }, () => ({}));
  }
  return nodes;
}
