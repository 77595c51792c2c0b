import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Subscription } from 'rxjs';
import { Events, Leases, Nodes, Pods, type Client } from '../../../src/client/index.js';
import {
  nodeLifecycleController,
  type NodeLifecycleEvent,
} from '../../../src/controllers/node-lifecycle/index.js';
import type { VirtualClock } from '../../../src/index.js';
import {
  apiServer,
  conditionOf,
  createNode,
  createReadyPod,
  flush,
  getNode,
  must,
  postStatus,
  renewLease,
  taintsOf,
} from './node-fixture.js';

async function environment() {
  const { clock, client } = await apiServer();
  const events: NodeLifecycleEvent[] = [];
  let running: Subscription | undefined;
  const start = () => {
    running = nodeLifecycleController({ client, clock })
      .run()
      .subscribe((event) => events.push(event));
  };
  return { clock, client, events, start, stop: () => running?.unsubscribe() };
}

/** Moves time in steps, renewing the leases of `renewing` nodes every 10 s as kubelets do. */
async function runFor(
  client: Client,
  clock: VirtualClock,
  seconds: number,
  renewing: readonly string[] = [],
): Promise<void> {
  for (let elapsed = 0; elapsed < seconds; elapsed += 10) {
    for (const name of renewing) {
      await renewLease(client, clock, name);
    }
    await clock.advanceAsync(Math.min(10, seconds - elapsed) * 1000);
    await flush();
  }
}

const UNREACHABLE = [
  'node.kubernetes.io/unreachable:NoSchedule',
  'node.kubernetes.io/unreachable:NoExecute',
];

describe('the node lifecycle controller', () => {
  it('leaves a node alone while its lease is renewed, writing nothing', async () => {
    const { clock, client, events, start, stop } = await environment();
    await createNode(client, clock, 'n1', 'True');
    await renewLease(client, clock, 'n1');
    start();
    await flush();
    const before = await getNode(client, 'n1');
    await runFor(client, clock, 300, ['n1']);
    const after = await getNode(client, 'n1');
    expect(after.metadata?.resourceVersion).toBe(before.metadata?.resourceVersion);
    expect(conditionOf(after, 'Ready')?.status).toBe('True');
    expect(events).toEqual([]);
    stop();
  });

  it('marks a node whose lease stops renewing Unknown after the grace period, and taints it', async () => {
    const { clock, client, events, start, stop } = await environment();
    await createNode(client, clock, 'n1', 'True');
    start();
    await runFor(client, clock, 30, ['n1']);
    await runFor(client, clock, 40);
    expect(conditionOf(await getNode(client, 'n1'), 'Ready')?.status).toBe('True');
    await runFor(client, clock, 20);
    const node = await getNode(client, 'n1');
    expect(conditionOf(node, 'Ready')).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
    });
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(conditionOf(node, type)?.status).toBe('Unknown');
    }
    expect(conditionOf(node, 'DiskPressure')?.reason).toBe('NodeStatusNeverUpdated');
    expect(taintsOf(node)).toEqual(UNREACHABLE);
    const noExecute = node.spec?.taints?.find((taint) => taint.effect === 'NoExecute');
    expect(noExecute?.timeAdded).toEqual(expect.any(String));
    expect(events.map((event) => event._tag)).toEqual(['NodeStatusUnknown', 'TaintsUpdated']);
    stop();
  });

  it('marks the pods of a lost node not ready, with an event on each', async () => {
    const { clock, client, start, stop } = await environment();
    await createNode(client, clock, 'n1', 'True');
    await createNode(client, clock, 'n2', 'True');
    await createReadyPod(client, clock, 'on-n1', 'n1');
    await createReadyPod(client, clock, 'on-n2', 'n2');
    start();
    await runFor(client, clock, 30, ['n1', 'n2']);
    await runFor(client, clock, 60, ['n2']);
    const lost = await must(client.get(Pods, { namespace: 'default', name: 'on-n1' }));
    const fine = await must(client.get(Pods, { namespace: 'default', name: 'on-n2' }));
    expect(lost.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect(fine.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    const recorded = await must(client.list(Events, { namespace: 'default' }));
    expect(
      recorded.items.map((event) => [event.involvedObject.name, event.reason, event.message]),
    ).toEqual(expect.arrayContaining([['on-n1', 'NodeNotReady', 'Node is not ready']]));
    stop();
  });

  it('removes the taints when the kubelet posts Ready again', async () => {
    const { clock, client, start, stop } = await environment();
    await createNode(client, clock, 'n1', 'True');
    start();
    await runFor(client, clock, 10, ['n1']);
    await runFor(client, clock, 70);
    expect(taintsOf(await getNode(client, 'n1'))).toEqual(UNREACHABLE);
    await postStatus(client, clock, 'n1', 'True');
    await runFor(client, clock, 60, ['n1']);
    const node = await getNode(client, 'n1');
    expect(conditionOf(node, 'Ready')?.status).toBe('True');
    expect(taintsOf(node)).toEqual([]);
    stop();
  });

  it('keeps a node whose lease is renewed, even when its status heartbeat is old', async () => {
    const { clock, client, start, stop } = await environment();
    await createNode(client, clock, 'n1', 'True');
    start();
    await runFor(client, clock, 200, ['n1']);
    expect(conditionOf(await getNode(client, 'n1'), 'Ready')?.status).toBe('True');
    stop();
  });

  it('gives a node that never posted Ready the startup grace period', async () => {
    const { clock, client, start, stop } = await environment();
    await createNode(client, clock, 'n1');
    start();
    await runFor(client, clock, 50);
    expect(conditionOf(await getNode(client, 'n1'), 'Ready')).toBeUndefined();
    await runFor(client, clock, 20);
    const node = await getNode(client, 'n1');
    expect(conditionOf(node, 'Ready')).toMatchObject({
      status: 'Unknown',
      reason: 'NodeStatusNeverUpdated',
      message: 'Kubelet never posted node status.',
    });
    expect(taintsOf(node)).toEqual(UNREACHABLE);
    stop();
  });

  it('taints a node whose kubelet reports Ready=False as not-ready', async () => {
    const { clock, client, start, stop } = await environment();
    await createNode(client, clock, 'n1', 'False');
    start();
    await runFor(client, clock, 10, ['n1']);
    expect(taintsOf(await getNode(client, 'n1'))).toEqual([
      'node.kubernetes.io/not-ready:NoSchedule',
      'node.kubernetes.io/not-ready:NoExecute',
    ]);
    stop();
  });

  it('taints an unschedulable node and untaints it when it is schedulable again', async () => {
    const { clock, client, start, stop } = await environment();
    await createNode(client, clock, 'n1', 'True', {
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
    });
    start();
    await runFor(client, clock, 10, ['n1']);
    await must(
      client.patch(
        Nodes,
        { name: 'n1' },
        { type: 'merge', body: { spec: { unschedulable: true } } },
      ),
    );
    await flush();
    expect(taintsOf(await getNode(client, 'n1'))).toEqual([
      'dedicated:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    await must(
      client.patch(
        Nodes,
        { name: 'n1' },
        { type: 'merge', body: { spec: { unschedulable: false } } },
      ),
    );
    await flush();
    expect(taintsOf(await getNode(client, 'n1'))).toEqual(['dedicated:NoSchedule']);
    stop();
  });

  it('survives a node without status and a lease without spec', async () => {
    const { clock, client, start, stop } = await environment();
    await must(client.create(Nodes, { metadata: { name: 'bare' } }));
    await must(client.create(Leases, { metadata: { namespace: 'kube-node-lease', name: 'bare' } }));
    start();
    await runFor(client, clock, 30);
    expect(conditionOf(await getNode(client, 'bare'), 'Ready')).toBeUndefined();
    await runFor(client, clock, 60);
    expect(conditionOf(await getNode(client, 'bare'), 'Ready')?.status).toBe('Unknown');
    stop();
  });

  it('forgets a deleted node', async () => {
    const { clock, client, events, start, stop } = await environment();
    await createNode(client, clock, 'n1', 'True');
    start();
    await runFor(client, clock, 10);
    await must(client.delete(Nodes, { name: 'n1' }));
    await runFor(client, clock, 120);
    expect(events).toEqual([]);
    expect(isLeft(await client.get(Nodes, { name: 'n1' }))).toBe(true);
    stop();
  });

  it('stops its timer and watches when unsubscribed', async () => {
    const { clock, client, events, start, stop } = await environment();
    await createNode(client, clock, 'n1', 'True');
    start();
    await flush();
    stop();
    await runFor(client, clock, 120);
    expect(conditionOf(await getNode(client, 'n1'), 'Ready')?.status).toBe('True');
    expect(events).toEqual([]);
  });
});
