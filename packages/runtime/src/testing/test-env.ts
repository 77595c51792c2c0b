/**
 * The deterministic test environment: an apiserver over a memory store on virtual
 * time, clients that go through a fault layer, controllers whose reconciles are
 * traced, and the means to run it all until it is quiet (`settle`), move time
 * (`advance`) and wait for a state (`until`).
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Subscription } from 'rxjs';
import {
  BUILT_IN_COMPONENT_NAMES,
  createCluster,
  InProcessClient,
  MemoryStore,
  SYSTEM_ADMIN,
  VirtualClock,
  type ApiObject,
  type ApiServer,
  type Clock,
  type Cluster,
  type ClusterComponents,
  type ClusterNodeSpec,
  type CustomResourceDefinition,
  type Duration,
  type ObjectKey,
  type ResourceType,
  type RunningApiServer,
  type RuntimeScript,
  type UserInfo,
} from '@drydock/core';
import { ActivityTracker } from './activity-tracker.js';
import { harnessHost, type RunningComponent } from './harness-host.js';
import { FaultInjector, type Faults } from './fault-injector.js';
import {
  runController,
  type AnyController,
  type RunningController,
  type StartControllerOptions,
} from './running-controller.js';
import { seededRandom, sequentialUids } from './seeded-random.js';
import { advance, settle, type SettleOptions } from './settle.js';
import { TraceRecorder, type Trace } from './trace.js';
import { until, type UntilOptions } from './until.js';
import { createTestNodes, type TestNodes } from './test-nodes.js';
import { formatTime, garbageCollector, namespaceController } from '@drydock/core';

/** What {@link createTestEnv} builds; every field has a default. */
export interface TestEnvOptions {
  /** The clock. Default: a new `VirtualClock` at 2025-01-01T00:00:00Z. */
  readonly clock?: VirtualClock;
  /** The seed of `generateName`'s randomness. Default 1. */
  readonly seed?: number;
  /** `RBAC` (the bootstrap policy; the env's client is `system:admin`) or `AlwaysAllow`. Default `RBAC`. */
  readonly authorization?: 'RBAC' | 'AlwaysAllow';
  /** CRDs to create before the env is ready; it waits until each is `Established`. */
  readonly crds?: readonly CustomResourceDefinition[];
  /**
   * Controllers to start once the env is ready, each built from the env's client and
   * clock, named after the function (`function annotator(client, clock)` is
   * `annotator`) or `controller-<n>`.
   */
  readonly controllers?: readonly ((client: InProcessClient, clock: Clock) => AnyController)[];
  /**
   * Nodes to create, `Ready` with a typical capacity: a count (`node-1` ...) or each
   * one. Until the simulated kubelets exist, nothing keeps them up to date.
   */
  readonly nodes?: TestNodes;
  /**
   * Whether the built-in controllers run: the garbage collector (owner references,
   * propagation policies) and the namespace controller (a deleted namespace is
   * emptied, then removed). Default: false, so that a test's trace holds only its own
   * controllers; when on, their reconciles are in the trace as `garbage-collector`
   * and `namespace`. With `controlPlane`, they run as part of it.
   */
  readonly builtInControllers?: boolean;
  /**
   * The control plane: `true` runs every component of `createCluster` (controllers,
   * scheduler, kube-proxy, and a kubelet with a simulated runtime for each of `nodes`,
   * so pods run); an object chooses them as `createCluster`'s `components`. Their
   * controllers' reconciles are in the trace under their names (`replicaset`,
   * `deployment`, ...). Default: false (no component runs; `nodes` are Node objects).
   */
  readonly controlPlane?: boolean | ClusterComponents;
  /** How containers behave on the nodes (with `controlPlane`); scriptable later as `env.cluster.runtimeScript`. */
  readonly runtimeScript?: RuntimeScript;
}

/** A running test environment; see {@link createTestEnv}. */
export interface TestEnv {
  readonly clock: VirtualClock;
  readonly store: MemoryStore<ApiObject>;
  readonly server: ApiServer;
  /** A client as `system:admin`, through the fault layer. */
  readonly client: InProcessClient;
  /** The cluster: its nodes (stop, partition, kill them), kube-proxy, the runtime script. */
  readonly cluster: Cluster;
  /** A client as `user` (a name is a user of the group `system:authenticated`), through the fault layer. */
  clientAs(user: UserInfo | string): InProcessClient;
  /** Starts `controller` (see {@link RunningController}); the env's `stop()` stops it too. */
  startController(controller: AnyController, options?: StartControllerOptions): RunningController;
  /** The controllers started so far, in order. */
  readonly controllers: readonly RunningController[];
  /** Moves virtual time by `duration`, running timers in order and settling between them. */
  advance(duration: Duration): Promise<void>;
  /**
   * Runs until nothing is in flight (no request, no reconcile running or queued, no
   * timer due now; later timers stay). Errors: rejects naming what is still busy
   * after `maxSteps`, or with the failure of a controller that stopped on its own.
   */
  settle(options?: SettleOptions): Promise<void>;
  /**
   * Moves virtual time to each next timer until `predicate` holds for the object at
   * `key` (`undefined`: it does not exist); resolves to that object. Errors: rejects
   * with its last state and the last 20 trace entries when `within` (default 1m) passes.
   */
  until<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    predicate: (object: T | undefined) => boolean,
    options?: UntilOptions,
  ): Promise<T | undefined>;
  /** What happened since the env became ready. */
  readonly trace: Trace;
  /** Faults to inject between the env's clients and the server. */
  readonly faults: Faults;
  /** Stops the controllers, closes the watches, the server and the store. */
  stop(): Promise<void>;
}

/**
 * Starts a test environment: a `MemoryStore` and `startApiServer` on a
 * `VirtualClock`, with uids `uid-1`, `uid-2`, ... and `generateName` suffixes from a
 * PRNG seeded with `options.seed`; creates `options.crds` and waits for them to be
 * established; starts `options.controllers`. The trace starts empty once it is ready.
 *
 * Guarantees: the same options and the same test steps give the same objects, the
 * same reconciles and the same `trace.format()`.
 *
 * Errors: rejects when a CRD is refused or does not become established.
 */
export async function createTestEnv(options: TestEnvOptions = {}): Promise<TestEnv> {
  const clock = options.clock ?? new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const tracker = new ActivityTracker();
  const trace = new TraceRecorder({ clock });
  const controllers: RunningController[] = [];
  const agents: RunningComponent[] = [];
  const controlPlane = options.controlPlane ?? false;
  let faults: FaultInjector | undefined;
  const cluster = await createCluster({
    clock,
    store,
    apiServer: {
      authorization: options.authorization ?? 'RBAC',
      generateUid: sequentialUids(),
      random: seededRandom(options.seed ?? 1),
    },
    seed: options.seed ?? 1,
    components: controlPlane === false ? NO_COMPONENTS : controlPlane === true ? {} : controlPlane,
    ...(controlPlane !== false && options.nodes !== undefined
      ? { nodes: clusterNodeSpecs(options.nodes) }
      : {}),
    ...(options.runtimeScript === undefined ? {} : { runtimeScript: options.runtimeScript }),
    host: harnessHost({ trace, tracker, controllers, agents }),
    clientEndpoint: (server) => {
      faults = new FaultInjector({ server, clock, tracker, trace });
      return faults;
    },
  });
  const { server, apiServer: running } = cluster;
  if (faults === undefined) {
    throw new Error('createTestEnv: the cluster built no client endpoint');
  }
  const injector: FaultInjector = faults;
  const quietScope = { clock, tracker, trace };
  const auditToTracker = server.audit$.subscribe(() => tracker.touch());
  await createCustomResourceDefinitions(running, options.crds ?? [], () => settle(quietScope));
  if (controlPlane === false && options.nodes !== undefined) {
    await createTestNodes(
      new InProcessClient({ server, user: SYSTEM_ADMIN }),
      options.nodes,
      formatTime(clock.now()),
    );
  }
  if (controlPlane !== false) {
    await settle(quietScope);
  }
  trace.clear();
  const auditToTrace: Subscription = server.audit$.subscribe((event) => trace.recordAudit(event));
  const client = cluster.client;
  const scope = { clock, tracker, trace, server };
  const checkControllers = (): void => {
    const failed =
      controllers.find((controller) => controller.failure !== undefined) ??
      agents.find((agent) => agent.failure !== undefined);
    if (failed?.failure !== undefined) {
      throw new Error(`controller "${failed.name}" stopped: ${failed.failure.message}`, {
        cause: failed.failure,
      });
    }
  };
  const startController = (
    controller: AnyController,
    startOptions: StartControllerOptions = {},
  ): RunningController => {
    const started = runController({
      controller,
      name: startOptions.name ?? `controller-${controllers.length + 1}`,
      trace,
      tracker,
    });
    controllers.push(started);
    return started;
  };
  if (options.builtInControllers === true && controlPlane === false) {
    startController(garbageCollector({ client, clock, registry: server.registry }), {
      name: 'garbage-collector',
    });
    startController(namespaceController({ client, clock, server }), { name: 'namespace' });
  }
  for (const build of options.controllers ?? []) {
    startController(build(client, clock), build.name === '' ? {} : { name: build.name });
  }
  return {
    clock,
    store,
    server,
    client,
    cluster,
    clientAs: (user) =>
      client.asUser(
        typeof user === 'string' ? { name: user, groups: ['system:authenticated'] } : user,
      ),
    startController,
    controllers,
    advance: async (duration) => {
      await advance(scope, duration);
      checkControllers();
    },
    settle: async (settleOptions) => {
      await settle(scope, settleOptions);
      checkControllers();
    },
    until: async (type, key, predicate, untilOptions) => {
      const object = await until(scope, type, key, predicate, untilOptions);
      checkControllers();
      return object;
    },
    trace,
    faults: injector,
    stop: async () => {
      for (const controller of controllers) {
        controller.stop();
      }
      injector.dropWatches();
      auditToTrace.unsubscribe();
      auditToTracker.unsubscribe();
      await cluster.stop();
      await store.close();
    },
  };
}

/** Every component of the cluster left out: the environment's default. */
const NO_COMPONENTS: ClusterComponents = Object.freeze({
  ...Object.fromEntries(BUILT_IN_COMPONENT_NAMES.map((name) => [name, false])),
  kubelets: false,
});

/** The harness's node options as the cluster's. */
function clusterNodeSpecs(nodes: TestNodes): number | readonly ClusterNodeSpec[] {
  return typeof nodes === 'number'
    ? nodes
    : nodes.map((node) => ({
        name: node.name,
        ...(node.labels === undefined ? {} : { labels: node.labels }),
        ...(node.capacity === undefined ? {} : { capacity: node.capacity }),
      }));
}

/** Creates each CRD as `system:admin` and waits until every one is `Established`. */
async function createCustomResourceDefinitions(
  running: RunningApiServer,
  crds: readonly CustomResourceDefinition[],
  settleAll: () => Promise<void>,
): Promise<void> {
  const resource = {
    group: 'apiextensions.k8s.io',
    version: 'v1',
    resource: 'customresourcedefinitions',
  };
  for (const crd of crds) {
    const created = await running.server.handle({
      verb: 'create',
      resource,
      body: crd,
      user: SYSTEM_ADMIN,
    });
    if (isLeft(created)) {
      throw new Error(
        `createTestEnv: cannot create the CRD ${crd.metadata?.name ?? ''}: ${created.left.message ?? ''}`,
      );
    }
  }
  await running.settled();
  await settleAll();
  for (const crd of crds) {
    const name = crd.metadata?.name ?? '';
    const answer = await running.server.handle({ verb: 'get', resource, name, user: SYSTEM_ADMIN });
    const conditions = isLeft(answer)
      ? []
      : ((answer.right.body as CustomResourceDefinition).status?.conditions ?? []);
    const established = conditions.some(
      (condition) => condition.type === 'Established' && condition.status === 'True',
    );
    if (!established) {
      throw new Error(
        `createTestEnv: the CRD ${name} is not established: ${JSON.stringify(conditions)}`,
      );
    }
  }
}
