import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Taint, Toleration } from '../../../src/api/kinds/index.js';
import { formatTime } from '../../../src/apiserver/index.js';
import { Events, Nodes, Pods, type Client } from '../../../src/client/index.js';
import {
  evictionDecision,
  taintEvictionController,
  type TaintEvictionEvent,
} from '../../../src/controllers/taint-eviction/index.js';
import type { VirtualClock } from '../../../src/index.js';
import {
  apiServer,
  createNode,
  createReadyPod,
  flush,
  must,
} from '../node-lifecycle/node-fixture.js';

async function environment() {
  const { clock, client } = await apiServer();
  const events: TaintEvictionEvent[] = [];
  await createNode(client, clock, 'n1', 'True');
  await createNode(client, clock, 'n2', 'True');
  const running = taintEvictionController({ client, clock })
    .run()
    .subscribe((event) => events.push(event));
  await flush();
  return { clock, client, events, stop: () => running.unsubscribe() };
}

async function taint(
  client: Client,
  clock: VirtualClock,
  node: string,
  key: string,
): Promise<void> {
  const taints: Taint[] = [{ key, effect: 'NoExecute', timeAdded: formatTime(clock.now()) }];
  await must(client.patch(Nodes, { name: node }, { type: 'merge', body: { spec: { taints } } }));
  await flush();
}

async function untaint(client: Client, node: string): Promise<void> {
  await must(
    client.patch(Nodes, { name: node }, { type: 'merge', body: { spec: { taints: null } } }),
  );
  await flush();
}

async function exists(client: Client, name: string): Promise<boolean> {
  const got = await client.get(Pods, { namespace: 'default', name });
  return !isLeft(got) && (got.right.metadata?.deletionTimestamp ?? null) === null;
}

function tolerate(key: string, tolerationSeconds?: number): Toleration[] {
  return [
    {
      key,
      operator: 'Exists',
      effect: 'NoExecute',
      ...(tolerationSeconds === undefined ? {} : { tolerationSeconds }),
    },
  ];
}

describe('the taint eviction controller', () => {
  it('evicts at once a pod that does not tolerate a NoExecute taint, with an event', async () => {
    const { clock, client, events, stop } = await environment();
    await createReadyPod(client, clock, 'victim', 'n1', []);
    await createReadyPod(client, clock, 'elsewhere', 'n2', []);
    await taint(client, clock, 'n1', 'example.com/broken');
    expect(await exists(client, 'victim')).toBe(false);
    expect(await exists(client, 'elsewhere')).toBe(true);
    expect(events).toEqual([{ _tag: 'Evicted', pod: 'default/victim' }]);
    const recorded = await must(client.list(Events, { namespace: 'default' }));
    expect(recorded.items.map((event) => [event.reason, event.message])).toContainEqual([
      'TaintManagerEviction',
      'Marking for deletion Pod default/victim',
    ]);
    stop();
  });

  it('marks the evicted pod with the DisruptionTarget condition', async () => {
    const { clock, client, stop } = await environment();
    await createReadyPod(client, clock, 'victim', 'n1', []);
    await taint(client, clock, 'n1', 'example.com/broken');
    // The pod is bound, so it waits out its grace period (no kubelet here) with the condition.
    const pod = await must(client.get(Pods, { namespace: 'default', name: 'victim' }));
    expect(pod.metadata?.deletionTimestamp).toEqual(expect.any(String));
    expect(pod.status?.conditions).toContainEqual(
      expect.objectContaining({ type: 'DisruptionTarget', reason: 'DeletionByTaintManager' }),
    );
    stop();
  });

  it('evicts a pod with tolerationSeconds once they have passed since the taint was added', async () => {
    const { clock, client, events, stop } = await environment();
    await createReadyPod(
      client,
      clock,
      'patient',
      'n1',
      tolerate('node.kubernetes.io/unreachable', 30),
    );
    await taint(client, clock, 'n1', 'node.kubernetes.io/unreachable');
    expect(events.map((event) => event._tag)).toEqual(['EvictionScheduled']);
    await clock.advanceAsync(29_000);
    await flush();
    expect(await exists(client, 'patient')).toBe(true);
    await clock.advanceAsync(1_000);
    await flush();
    expect(await exists(client, 'patient')).toBe(false);
    stop();
  });

  it('evicts after the default 300 s tolerations the apiserver adds', async () => {
    const { clock, client, stop } = await environment();
    await createReadyPod(client, clock, 'default-tolerations', 'n1');
    await taint(client, clock, 'n1', 'node.kubernetes.io/unreachable');
    await clock.advanceAsync(299_000);
    await flush();
    expect(await exists(client, 'default-tolerations')).toBe(true);
    await clock.advanceAsync(1_000);
    await flush();
    expect(await exists(client, 'default-tolerations')).toBe(false);
    stop();
  });

  it('never evicts a pod that tolerates the taint forever', async () => {
    const { clock, client, events, stop } = await environment();
    await createReadyPod(client, clock, 'stoic', 'n1', tolerate('node.kubernetes.io/unreachable'));
    await taint(client, clock, 'n1', 'node.kubernetes.io/unreachable');
    await clock.advanceAsync(3_600_000);
    await flush();
    expect(await exists(client, 'stoic')).toBe(true);
    expect(events).toEqual([]);
    stop();
  });

  it('cancels the eviction when the taint goes away', async () => {
    const { clock, client, events, stop } = await environment();
    await createReadyPod(
      client,
      clock,
      'patient',
      'n1',
      tolerate('node.kubernetes.io/unreachable', 30),
    );
    await taint(client, clock, 'n1', 'node.kubernetes.io/unreachable');
    await clock.advanceAsync(10_000);
    await untaint(client, 'n1');
    await clock.advanceAsync(60_000);
    await flush();
    expect(await exists(client, 'patient')).toBe(true);
    expect(events.map((event) => event._tag)).toEqual(['EvictionScheduled', 'EvictionCancelled']);
    const recorded = await must(client.list(Events, { namespace: 'default' }));
    expect(recorded.items.map((event) => event.message)).toContain(
      'Cancelling deletion of Pod default/patient',
    );
    stop();
  });

  it('cancels the eviction when the pod is deleted', async () => {
    const { clock, client, events, stop } = await environment();
    await createReadyPod(
      client,
      clock,
      'patient',
      'n1',
      tolerate('node.kubernetes.io/unreachable', 30),
    );
    await taint(client, clock, 'n1', 'node.kubernetes.io/unreachable');
    await must(
      client.delete(Pods, { namespace: 'default', name: 'patient' }, { gracePeriodSeconds: 0 }),
    );
    await flush();
    await clock.advanceAsync(60_000);
    await flush();
    expect(events.map((event) => event._tag)).toEqual(['EvictionScheduled', 'EvictionCancelled']);
    stop();
  });

  it('evicts a pod bound to an already tainted node', async () => {
    const { clock, client, stop } = await environment();
    await taint(client, clock, 'n1', 'example.com/broken');
    await createReadyPod(client, clock, 'late', 'n1', []);
    await flush();
    expect(await exists(client, 'late')).toBe(false);
    stop();
  });

  it('cancels pending evictions when unsubscribed', async () => {
    const { clock, client, stop } = await environment();
    await createReadyPod(
      client,
      clock,
      'patient',
      'n1',
      tolerate('node.kubernetes.io/unreachable', 30),
    );
    await taint(client, clock, 'n1', 'node.kubernetes.io/unreachable');
    stop();
    await clock.advanceAsync(60_000);
    await flush();
    expect(await exists(client, 'patient')).toBe(true);
  });
});

describe('evictionDecision', () => {
  const unreachable = (timeAdded?: string): Taint => ({
    key: 'node.kubernetes.io/unreachable',
    effect: 'NoExecute',
    ...(timeAdded === undefined ? {} : { timeAdded }),
  });

  it('counts from the taint timeAdded', () => {
    const decision = evictionDecision({
      taints: [unreachable('1970-01-01T00:01:40Z')],
      tolerations: tolerate('node.kubernetes.io/unreachable', 60),
      now: 120_000,
    });
    expect(decision).toEqual({ _tag: 'EvictAt', at: 160_000, since: 100_000 });
  });

  it('evicts now once the deadline has passed', () => {
    expect(
      evictionDecision({
        taints: [unreachable('1970-01-01T00:00:00Z')],
        tolerations: tolerate('node.kubernetes.io/unreachable', 60),
        now: 60_000,
      }),
    ).toEqual({ _tag: 'EvictNow' });
  });

  it('counts from now when timeAdded is missing or unreadable', () => {
    for (const taint of [unreachable(), unreachable('yesterday')]) {
      expect(
        evictionDecision({
          taints: [taint],
          tolerations: tolerate('node.kubernetes.io/unreachable', 10),
          now: 5_000,
        }),
      ).toEqual({ _tag: 'EvictAt', at: 15_000, since: 5_000 });
    }
  });

  it('keeps an earlier scheduled start when the taints were swapped', () => {
    expect(
      evictionDecision({
        taints: [unreachable('1970-01-01T00:01:40Z')],
        tolerations: [{ operator: 'Exists', tolerationSeconds: 300 }],
        now: 100_000,
        scheduledSince: 50_000,
      }),
    ).toEqual({ _tag: 'EvictAt', at: 350_000, since: 50_000 });
  });

  it('lets a pod stay on a node without NoExecute taints', () => {
    expect(
      evictionDecision({
        taints: [{ key: 'x', effect: 'NoSchedule' }],
        tolerations: [],
        now: 0,
      }),
    ).toEqual({ _tag: 'Stay' });
  });
});
