/**
 * Benchmarks of the local cluster (`createCluster`): how fast a cluster is ready, how
 * far it scales, and how cheaply it runs for a long virtual time.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  createCluster,
  Deployments,
  Namespaces,
  Pods,
  VirtualClock,
  type Cluster,
  type Deployment,
  type Pod,
} from '@drydock/core';
import type { Benchmark } from './benchmark.js';
import { defineBenchmark } from './benchmark.js';
import { runClusterUntil } from './cluster-driver.js';
import { median } from './stats.js';

/** Clusters started and timed by `cluster.start.3nodes`, after the warm-up ones. */
const START_SAMPLES = 100;
const START_WARMUP = 10;

/** The scale run: nodes, then namespaces × Deployments per namespace × replicas. */
const SCALE = {
  nodes: Number(process.env['DRYDOCK_BENCH_SCALE_NODES'] ?? 5_000),
  namespaces: Number(process.env['DRYDOCK_BENCH_SCALE_NAMESPACES'] ?? 300),
  deploymentsPerNamespace: 5,
  replicas: 100,
};

function deployment(namespace: string, name: string, replicas: number): Deployment {
  return {
    metadata: { namespace, name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'registry.k8s.io/pause:3.10',
              resources: { requests: { cpu: '10m', memory: '16Mi' } },
            },
          ],
        },
      },
    },
  };
}

function isReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/**
 * Counts the pods that are Running and Ready, following the cluster's shared pod
 * informer (as an operator would: no watch of its own).
 */
function readyPodCounter(cluster: Cluster): { readonly count: () => number; stop(): void } {
  const ready = new Set<string>();
  const note = (pod: Pod, present: boolean): void => {
    const id = pod.metadata?.uid ?? '';
    if (present && pod.status?.phase === 'Running' && isReady(pod)) {
      ready.add(id);
    } else {
      ready.delete(id);
    }
  };
  const subscription = cluster.informers.forType(Pods).events$.subscribe((event) => {
    if (event.type === 'synced') {
      ready.clear();
      for (const pod of event.objects) {
        note(pod, true);
      }
      return;
    }
    note(event.object, event.type === 'apply');
  });
  return { count: () => ready.size, stop: () => subscription.unsubscribe() };
}

/** Runs the scale scenario; answers its wall time in seconds and the process's peak RSS in MiB. */
async function scaleRun(
  log: (message: string) => void,
): Promise<{ seconds: number; rssMiB: number }> {
  const started = performance.now();
  const clock = new VirtualClock();
  const cluster = await createCluster({
    clock,
    nodes: SCALE.nodes,
    recordEvents: false,
    apiServer: { authorization: 'AlwaysAllow' },
  });
  const nodesReady = performance.now();
  log(`${SCALE.nodes} nodes registered in ${((nodesReady - started) / 1000).toFixed(1)} s`);
  const counter = readyPodCounter(cluster);
  const total = SCALE.namespaces * SCALE.deploymentsPerNamespace * SCALE.replicas;
  for (let n = 0; n < SCALE.namespaces; n++) {
    const namespace = `load-${n}`;
    const created = await cluster.client.create(Namespaces, { metadata: { name: namespace } });
    if (isLeft(created)) {
      throw new Error(created.left.message);
    }
    for (let d = 0; d < SCALE.deploymentsPerNamespace; d++) {
      const made = await cluster.client.create(
        Deployments,
        deployment(namespace, `app-${d}`, SCALE.replicas),
      );
      if (isLeft(made)) {
        throw new Error(made.left.message);
      }
    }
  }
  let lastLog = performance.now();
  await runClusterUntil({
    clock,
    server: cluster.server,
    within: 60 * 60 * 1000,
    done: () => {
      const now = performance.now();
      if (now - lastLog > 5_000) {
        lastLog = now;
        log(
          `${counter.count()} of ${total} pods ready after ${((now - started) / 1000).toFixed(1)} s`,
        );
      }
      return counter.count() >= total;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  log(
    `${total} pods Running and Ready in ${seconds.toFixed(1)} s wall ` +
      `(${((clock.now() - Date.UTC(2025, 0, 1)) / 1000).toFixed(0)} s virtual)`,
  );
  counter.stop();
  await cluster.stop();
  return { seconds, rssMiB: process.resourceUsage().maxRSS / 1024 };
}

/** The local cluster's benchmarks. */
export const clusterBenchmarks: readonly Benchmark[] = [
  defineBenchmark({
    name: 'cluster.start.3nodes',
    description:
      'Median time from createCluster({ nodes: 3 }) (every component, on a virtual clock) to its three kubelets having registered their Nodes.',
    unit: 'ms',
    better: 'lower',
    target: 20,
    run: async ({ log }) => {
      const samples: number[] = [];
      for (let i = 0; i < START_WARMUP + START_SAMPLES; i++) {
        const started = performance.now();
        const cluster = await createCluster({ nodes: 3 });
        const elapsed = performance.now() - started;
        await cluster.stop();
        if (i >= START_WARMUP) {
          samples.push(elapsed);
        }
      }
      const sorted = [...samples].sort((a, b) => a - b);
      log(`min ${sorted[0]?.toFixed(2) ?? '?'} ms, max ${sorted.at(-1)?.toFixed(2) ?? '?'} ms`);
      return median(samples);
    },
  }),
  defineBenchmark({
    name: 'cluster.virtual.24h',
    description:
      'Wall time for 24 h of virtual time of a 3-node cluster running a 3-replica Deployment: lease renewals, node monitoring, status reports, resyncs.',
    unit: 's',
    better: 'lower',
    target: 2,
    run: async ({ log }) => {
      const clock = new VirtualClock();
      const cluster = await createCluster({ clock, nodes: 3 });
      await cluster.client.create(Deployments, deployment('default', 'web', 3));
      const counter = readyPodCounter(cluster);
      await runClusterUntil({
        clock,
        server: cluster.server,
        done: () => counter.count() === 3,
        within: 60_000,
      });
      let requests = 0;
      const counting = cluster.server.audit$.subscribe(() => {
        requests++;
      });
      const end = clock.now() + 24 * 60 * 60 * 1000;
      const started = performance.now();
      await runClusterUntil({
        clock,
        server: cluster.server,
        done: () => clock.now() >= end,
        within: 25 * 60 * 60 * 1000,
      });
      const seconds = (performance.now() - started) / 1000;
      counting.unsubscribe();
      const ready = counter.count();
      counter.stop();
      await cluster.stop();
      if (ready !== 3) {
        throw new Error(`after 24 h, ${ready} of 3 pods are ready`);
      }
      log(`${requests} requests in 24 h of virtual time`);
      return seconds;
    },
  }),
  defineBenchmark({
    name: 'cluster.scale.150k',
    description:
      'Wall time from createCluster with 5,000 nodes to 1,500 Deployments (300 namespaces × 5 × 100 replicas) having 150,000 pods Running and Ready, on a virtual clock.',
    unit: 's',
    better: 'lower',
    target: 60,
    run: async ({ log }) => (await scaleRun(log)).seconds,
  }),
  defineBenchmark({
    name: 'cluster.scale.150k.rss',
    description: 'Peak resident set size of the process during the cluster.scale.150k run.',
    unit: 'MiB',
    better: 'lower',
    target: 4_096,
    run: async ({ log }) => (await scaleRun(log)).rssMiB,
  }),
];
