import { isLeft } from 'fp-ts/lib/Either.js';
import type { Node, Pod } from '../../../src/api/kinds/index.js';
import {
  formatTime,
  SYSTEM_ADMIN,
  startApiServer,
  type ApiObject,
} from '../../../src/apiserver/index.js';
import { InProcessClient, Leases, Nodes, Pods, type Client } from '../../../src/client/index.js';
import { MemoryStore, VirtualClock } from '../../../src/index.js';

/** Lets promise chains (lists, writes, watches) run without moving the clock. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** An apiserver on a virtual clock and an admin client. */
export async function apiServer(): Promise<{ clock: VirtualClock; client: Client }> {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const { server } = await startApiServer({ store, clock });
  return { clock, client: new InProcessClient({ server, user: SYSTEM_ADMIN }) };
}

/** The answer of a client call, or a thrown error naming the failure. */
export async function must<T>(
  call: Promise<{ _tag: 'Left'; left: { message?: string } } | { _tag: 'Right'; right: T }>,
): Promise<T> {
  const result = await call;
  if (isLeft(result)) {
    throw new Error(result.left.message ?? 'failed');
  }
  return result.right;
}

/** Creates a node and, unless `ready` is undefined, posts its Ready condition. */
export async function createNode(
  client: Client,
  clock: VirtualClock,
  name: string,
  ready?: 'True' | 'False',
  spec: Node['spec'] = {},
): Promise<void> {
  await must(client.create(Nodes, { metadata: { name }, spec }));
  if (ready !== undefined) {
    await postStatus(client, clock, name, ready);
  }
}

/** What a kubelet does at each status update: a Ready condition with a new heartbeat. */
export async function postStatus(
  client: Client,
  clock: VirtualClock,
  name: string,
  ready: 'True' | 'False',
): Promise<void> {
  const now = formatTime(clock.now());
  await must(
    client.patchStatus(
      Nodes,
      { name },
      {
        type: 'merge',
        body: {
          status: {
            conditions: [
              {
                type: 'Ready',
                status: ready,
                reason: ready === 'True' ? 'KubeletReady' : 'KubeletNotReady',
                lastHeartbeatTime: now,
                lastTransitionTime: now,
              },
              {
                type: 'MemoryPressure',
                status: 'False',
                lastHeartbeatTime: now,
                lastTransitionTime: now,
              },
            ],
          },
        },
      },
    ),
  );
}

/** What a kubelet does every 10 s: creates or renews its Lease. */
export async function renewLease(client: Client, clock: VirtualClock, name: string): Promise<void> {
  const renewTime = new Date(clock.now()).toISOString().replace(/Z$/, '000Z');
  const key = { namespace: 'kube-node-lease', name };
  const existing = await client.get(Leases, key);
  if (isLeft(existing)) {
    await must(
      client.create(Leases, {
        metadata: key,
        spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime },
      }),
    );
  } else {
    await must(client.patch(Leases, key, { type: 'merge', body: { spec: { renewTime } } }));
  }
}

/** Reads a node. */
export function getNode(client: Client, name: string): Promise<Node> {
  return must(client.get(Nodes, { name }));
}

/** A pod bound to `nodeName` and marked Ready. */
export async function createReadyPod(
  client: Client,
  clock: VirtualClock,
  name: string,
  nodeName: string,
  tolerations: NonNullable<Pod['spec']>['tolerations'] = undefined,
): Promise<Pod> {
  await must(
    client.create(Pods, {
      metadata: { namespace: 'default', name },
      spec: {
        nodeName,
        containers: [{ name: 'c', image: 'nginx' }],
        ...(tolerations === undefined ? {} : { tolerations }),
      },
    }),
  );
  return must(
    client.patchStatus(
      Pods,
      { namespace: 'default', name },
      {
        type: 'merge',
        body: {
          status: {
            phase: 'Running',
            conditions: [
              { type: 'Ready', status: 'True', lastTransitionTime: formatTime(clock.now()) },
            ],
          },
        },
      },
    ),
  );
}

/** The taints of a node as `key:effect` strings. */
export function taintsOf(node: Node): string[] {
  return (node.spec?.taints ?? []).map((taint) => `${taint.key}:${taint.effect}`);
}

/** The status of one of the node's conditions. */
export function conditionOf(node: Node, type: string) {
  return node.status?.conditions?.find((condition) => condition.type === type);
}
