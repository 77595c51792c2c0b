/**
 * What the kubelet's tests share: a real in-process apiserver on a virtual clock, a
 * simulated runtime, a running kubelet, and helpers to create and read pods.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Container, Pod } from '../../src/api/kinds/index.js';
import { SYSTEM_ADMIN, startApiServer, type ApiObject } from '../../src/apiserver/index.js';
import { InProcessClient, Pods, type Client } from '../../src/client/index.js';
import {
  kubelet,
  RuntimeScript,
  simulatedRuntime,
  type Kubelet,
  type KubeletEvent,
  type KubeletOptions,
  type SimulatedRuntime,
} from '../../src/kubelet/index.js';
import { MemoryStore, VirtualClock } from '../../src/index.js';

/** Lets promise chains (lists, syncs, writes) run without moving the clock. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** A running kubelet on node `node-1` and everything around it. */
export interface KubeletEnvironment {
  readonly clock: VirtualClock;
  readonly client: Client;
  readonly script: RuntimeScript;
  readonly runtime: SimulatedRuntime;
  readonly kubelet: Kubelet;
  readonly events: KubeletEvent[];
  /** Stops the kubelet process. */
  stop(): void;
  /** Moves the clock by `ms`, letting promises run at each timer. */
  advance(ms: number): Promise<void>;
}

/** Starts an apiserver and a kubelet for `node-1` (podCIDR 10.244.1.0/24 unless told). */
export async function kubeletEnvironment(
  overrides: Partial<Omit<KubeletOptions, 'client' | 'clock' | 'runtime'>> = {},
): Promise<KubeletEnvironment> {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const { server } = await startApiServer({ store, clock });
  const client = new InProcessClient({ server, user: SYSTEM_ADMIN });
  const script = new RuntimeScript();
  const runtime = simulatedRuntime({ clock, script, nodeName: 'node-1' });
  const instance = kubelet({
    client,
    clock,
    runtime,
    nodeName: 'node-1',
    node: { podCIDR: '10.244.1.0/24', internalIP: '10.0.0.11' },
    recordEvents: false,
    ...overrides,
  });
  const events: KubeletEvent[] = [];
  const running = instance.run().subscribe((event) => events.push(event));
  await flush();
  return {
    clock,
    client,
    script,
    runtime,
    kubelet: instance,
    events,
    stop: () => running.unsubscribe(),
    advance: async (ms) => {
      await clock.advanceAsync(ms);
      await flush();
    },
  };
}

/** A pod already bound to `node-1`. */
export function boundPod(
  name: string,
  spec: Partial<NonNullable<Pod['spec']>> & { readonly containers?: Container[] } = {},
): Pod {
  return {
    metadata: { namespace: 'default', name },
    spec: {
      nodeName: 'node-1',
      containers: [{ name: 'web', image: 'nginx' }],
      ...spec,
    },
  };
}

/** Creates `pod`, failing the test if it cannot. */
export async function createPod(client: Client, pod: Pod): Promise<Pod> {
  const created = await client.create(Pods, pod);
  if (isLeft(created)) {
    throw new Error(`cannot create pod: ${created.left.message ?? ''}`);
  }
  return created.right;
}

/** Reads the pod `default/<name>`, `undefined` when it is gone. */
export async function getPod(client: Client, name: string): Promise<Pod | undefined> {
  const got = await client.get(Pods, { namespace: 'default', name });
  return isLeft(got) ? undefined : got.right;
}

/** Reads the pod `default/<name>`, failing the test when it is gone. */
export async function mustGetPod(client: Client, name: string): Promise<Pod> {
  const pod = await getPod(client, name);
  if (pod === undefined) {
    throw new Error(`pod ${name} not found`);
  }
  return pod;
}

/** The status writes of pod `name` the kubelet reported. */
export function statusWritesOf(events: readonly KubeletEvent[], name: string): number {
  return events.filter(
    (event) => event.type === 'PodStatusWritten' && event.pod.metadata?.name === name,
  ).length;
}

/** The status of the pod's condition `type`. */
export function conditionOf(pod: Pod, type: string): string | undefined {
  return pod.status?.conditions?.find((condition) => condition.type === type)?.status;
}
