/**
 * Benchmarks of the kube-scheduler (`@drydock/core`'s `scheduler`): pods bound per
 * second on a 5,000-node cluster, bindings written through the in-process apiserver.
 *
 * @module
 */
import {
  InProcessClient,
  MemoryStore,
  Nodes,
  Pods,
  SYSTEM_ADMIN,
  VirtualClock,
  defaultProfile,
  podTopologySpread,
  scheduler,
  startApiServer,
  type ApiObject,
  type Client,
  type Node,
  type Pod,
  type SchedulerProfile,
} from '@drydock/core';
import type { Benchmark } from './benchmark.js';
import { defineBenchmark } from './benchmark.js';

const NODES = 5_000;
const EXISTING_PODS = 1_000;
const MEASURED_PODS = 10_000;
const ZONES = 10;
/** Pods created at once (each batch awaited), as a client with a bounded QPS would. */
const CREATE_BATCH = 500;

function benchNode(index: number): Node {
  const allocatable = { cpu: '4', memory: '32Gi', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: `node-${index}`,
      labels: {
        'kubernetes.io/hostname': `node-${index}`,
        'topology.kubernetes.io/zone': `zone-${index % ZONES}`,
      },
    },
    spec: {},
    status: { capacity: allocatable, allocatable, conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

function benchPod(name: string, spread: boolean, nodeName?: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: 'default', name, labels: { app: 'bench' } },
    spec: {
      containers: [
        { name: 'main', image: 'pause', resources: { requests: { cpu: '100m', memory: '500Mi' } } },
      ],
      ...(nodeName === undefined ? {} : { nodeName }),
      ...(spread
        ? {
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: 'topology.kubernetes.io/zone',
                whenUnsatisfiable: 'DoNotSchedule',
                labelSelector: { matchLabels: { app: 'bench' } },
              },
            ],
          }
        : {}),
    },
  };
}

async function must<T>(
  answer: Promise<{ readonly _tag: string; readonly left?: unknown; readonly right?: T }>,
): Promise<void> {
  const result = await answer;
  if (result._tag === 'Left') {
    throw new Error(`setup failed: ${JSON.stringify(result.left)}`);
  }
}

async function createNodes(client: Client): Promise<void> {
  for (let start = 0; start < NODES; start += CREATE_BATCH) {
    const batch: Promise<void>[] = [];
    for (let i = start; i < Math.min(NODES, start + CREATE_BATCH); i++) {
      const node = benchNode(i);
      batch.push(
        must(client.create(Nodes, node)).then(() =>
          must(
            client.patchStatus(
              Nodes,
              { name: `node-${i}` },
              { type: 'merge', body: { status: node.status } },
            ),
          ),
        ),
      );
    }
    await Promise.all(batch);
  }
}

async function createPods(
  client: Client,
  count: number,
  make: (index: number) => Pod,
): Promise<void> {
  for (let start = 0; start < count; start += CREATE_BATCH) {
    const batch: Promise<void>[] = [];
    for (let i = start; i < Math.min(count, start + CREATE_BATCH); i++) {
      batch.push(must(client.create(Pods, make(i))));
    }
    await Promise.all(batch);
  }
}

/**
 * Pods bound per second: an apiserver on a virtual clock with 5,000 Ready nodes
 * (4 cpu, 32 Gi, 110 pods) and 1,000 bound pods; the scheduler started; then 10,000
 * pods created, timed from the first create until the scheduler reports all bound.
 */
async function schedulingRate(
  options: { readonly spread: boolean },
  log: (message: string) => void,
): Promise<number> {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const { server } = await startApiServer({ store, clock });
  const client = new InProcessClient({ server, user: SYSTEM_ADMIN });
  await createNodes(client);
  await createPods(client, EXISTING_PODS, (i) =>
    benchPod(`existing-${i}`, options.spread, `node-${(i * 7) % NODES}`),
  );
  const profile: SchedulerProfile = options.spread
    ? defaultProfile({ plugins: [podTopologySpread()] })
    : defaultProfile();
  let bound = 0;
  let failures = 0;
  let done: () => void = () => undefined;
  const allBound = new Promise<void>((resolve) => {
    done = resolve;
  });
  const running = scheduler({ client, clock, profiles: [profile], recordEvents: false })
    .run()
    .subscribe((outcome) => {
      if (outcome._tag === 'Scheduled' && ++bound === MEASURED_PODS) {
        done();
      } else if (outcome._tag !== 'Scheduled') {
        failures++;
      }
    });
  // Let the scheduler list the cluster before the clock starts.
  for (let i = 0; i < 20; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const started = performance.now();
  await createPods(client, MEASURED_PODS, (i) => benchPod(`pod-${i}`, options.spread));
  await allBound;
  const seconds = (performance.now() - started) / 1000;
  running.unsubscribe();
  log(`${MEASURED_PODS} pods bound in ${seconds.toFixed(2)} s (${failures} failed attempts)`);
  return MEASURED_PODS / seconds;
}

/** The scheduler's benchmarks. */
export const schedulerBenchmarks: readonly Benchmark[] = [
  defineBenchmark({
    name: 'scheduler.basic.5000nodes',
    description:
      'Pods bound per second: 5,000 nodes, 1,000 existing pods, 10,000 pods created and bound through the in-process apiserver.',
    unit: 'pods/s',
    better: 'higher',
    target: 3_000,
    run: ({ log }) => schedulingRate({ spread: false }, log),
  }),
  defineBenchmark({
    name: 'scheduler.spread.5000nodes',
    description:
      'As scheduler.basic.5000nodes, with nodes in 10 zones and a PodTopologySpread constraint on zone (maxSkew 1, DoNotSchedule).',
    unit: 'pods/s',
    better: 'higher',
    target: 500,
    run: ({ log }) => schedulingRate({ spread: true }, log),
  }),
];
