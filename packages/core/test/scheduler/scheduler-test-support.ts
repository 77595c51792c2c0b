/**
 * Test support for the scheduler: an in-process apiserver on a virtual clock, and
 * small builders of nodes and pods.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Node, Pod } from '../../src/api/kinds/index.js';
import { SYSTEM_ADMIN, startApiServer, type ApiObject } from '../../src/apiserver/index.js';
import { InProcessClient, Nodes, Pods, type Client } from '../../src/client/index.js';
import { MemoryStore, VirtualClock } from '../../src/index.js';

/** Lets promise chains (lists, watches, bindings) run without moving the clock. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** An apiserver on a virtual clock, and an admin client of it. */
export async function apiServer(): Promise<{ clock: VirtualClock; client: Client }> {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const { server } = await startApiServer({ store, clock });
  return { clock, client: new InProcessClient({ server, user: SYSTEM_ADMIN }) };
}

/** A Ready node with `cpu`, `memory` and `pods` allocatable. */
export function node(
  name: string,
  options: {
    readonly cpu?: string;
    readonly memory?: string;
    readonly pods?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly taints?: Node['spec'] extends infer S
      ? S extends { taints?: infer T }
        ? T
        : never
      : never;
    readonly unschedulable?: boolean;
    readonly extra?: Readonly<Record<string, string>>;
  } = {},
): Node {
  const allocatable = {
    cpu: options.cpu ?? '4',
    memory: options.memory ?? '32Gi',
    pods: options.pods ?? '110',
    ...options.extra,
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, ...(options.labels === undefined ? {} : { labels: options.labels }) },
    spec: {
      ...(options.taints === undefined ? {} : { taints: options.taints }),
      ...(options.unschedulable === undefined ? {} : { unschedulable: options.unschedulable }),
    },
    status: {
      capacity: allocatable,
      allocatable,
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

/** A pod with one container requesting `cpu` and `memory` (none when absent). */
export function pod(
  name: string,
  options: {
    readonly cpu?: string;
    readonly memory?: string;
    readonly namespace?: string;
    readonly spec?: Partial<NonNullable<Pod['spec']>>;
    readonly labels?: Readonly<Record<string, string>>;
  } = {},
): Pod {
  const requests: Record<string, string> = {};
  if (options.cpu !== undefined) {
    requests['cpu'] = options.cpu;
  }
  if (options.memory !== undefined) {
    requests['memory'] = options.memory;
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: options.namespace ?? 'default',
      name,
      ...(options.labels === undefined ? {} : { labels: options.labels }),
    },
    spec: {
      containers: [
        {
          name: 'main',
          image: 'nginx',
          ...(Object.keys(requests).length === 0 ? {} : { resources: { requests } }),
        },
      ],
      ...options.spec,
    },
  };
}

/** Creates `node` and then writes its status (a create does not keep `status`). */
export async function createNode(client: Client, object: Node): Promise<void> {
  const created = await client.create(Nodes, object);
  if (isLeft(created)) {
    throw new Error(created.left.message);
  }
  const updated = await client.patchStatus(
    Nodes,
    { name: object.metadata?.name ?? '' },
    { type: 'merge', body: { status: object.status } },
  );
  if (isLeft(updated)) {
    throw new Error(updated.left.message);
  }
}

/** The pod `default/<name>` as stored. */
export async function getPod(client: Client, name: string): Promise<Pod> {
  const got = await client.get(Pods, { namespace: 'default', name });
  if (isLeft(got)) {
    throw new Error(got.left.message);
  }
  return got.right;
}

/** A seeded pseudo-random source (mulberry32) for repeatable tie-breaking. */
export { seededRandom } from '../../src/proxy/index.js';
