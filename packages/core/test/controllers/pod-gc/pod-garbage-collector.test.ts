import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Pod } from '../../../src/api/kinds/index.js';
import { Nodes, Pods, type Client } from '../../../src/client/index.js';
import {
  podGarbageCollector,
  terminatedPodsOverThreshold,
  type PodGcEvent,
} from '../../../src/controllers/pod-gc/index.js';
import type { VirtualClock } from '../../../src/index.js';
import {
  apiServer,
  createNode,
  createReadyPod,
  flush,
  must,
} from '../node-lifecycle/node-fixture.js';

async function environment(terminatedPodThreshold?: number) {
  const { clock, client } = await apiServer();
  const events: PodGcEvent[] = [];
  const running = podGarbageCollector({
    client,
    clock,
    ...(terminatedPodThreshold === undefined ? {} : { terminatedPodThreshold }),
  })
    .run()
    .subscribe((event) => events.push(event));
  await flush();
  return { clock, client, events, stop: () => running.unsubscribe() };
}

async function advance(clock: VirtualClock, seconds: number): Promise<void> {
  for (let elapsed = 0; elapsed < seconds; elapsed += 10) {
    await clock.advanceAsync(10_000);
    await flush();
  }
}

async function exists(client: Client, name: string): Promise<boolean> {
  return !isLeft(await client.get(Pods, { namespace: 'default', name }));
}

async function finish(client: Client, name: string, phase: 'Succeeded' | 'Failed'): Promise<void> {
  await must(
    client.patchStatus(
      Pods,
      { namespace: 'default', name },
      { type: 'merge', body: { status: { phase } } },
    ),
  );
}

describe('the pod garbage collector', () => {
  it('deletes the pods of a node that no longer exists, after the quarantine', async () => {
    const { clock, client, events, stop } = await environment();
    await createNode(client, clock, 'n1', 'True');
    await createReadyPod(client, clock, 'orphan', 'gone');
    await createReadyPod(client, clock, 'kept', 'n1');
    await flush();
    await advance(clock, 40);
    expect(await exists(client, 'orphan')).toBe(true);
    await advance(clock, 40);
    expect(await exists(client, 'orphan')).toBe(false);
    expect(await exists(client, 'kept')).toBe(true);
    expect(events).toEqual([{ _tag: 'PodDeleted', pod: 'default/orphan', reason: 'Orphaned' }]);
    stop();
  });

  it('spares the pods of a node that comes back during the quarantine', async () => {
    const { clock, client, stop } = await environment();
    await createReadyPod(client, clock, 'patient', 'late');
    await flush();
    await advance(clock, 30);
    await createNode(client, clock, 'late', 'True');
    await advance(clock, 60);
    expect(await exists(client, 'patient')).toBe(true);
    stop();
  });

  it('force-deletes terminating pods on an out-of-service node that is not ready', async () => {
    const { clock, client, events, stop } = await environment();
    await createNode(client, clock, 'n1', 'False', {
      taints: [
        { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' },
      ],
    });
    await createNode(client, clock, 'n2', 'False');
    await createReadyPod(client, clock, 'stuck', 'n1');
    await createReadyPod(client, clock, 'waiting', 'n2');
    await must(client.delete(Pods, { namespace: 'default', name: 'stuck' }));
    await must(client.delete(Pods, { namespace: 'default', name: 'waiting' }));
    await advance(clock, 20);
    expect(await exists(client, 'stuck')).toBe(false);
    expect(await exists(client, 'waiting')).toBe(true);
    expect(events).toEqual([
      { _tag: 'PodDeleted', pod: 'default/stuck', reason: 'TerminatingOutOfService' },
    ]);
    stop();
  });

  it('deletes the oldest terminated pods over the threshold', async () => {
    const { clock, client, stop } = await environment(2);
    await createNode(client, clock, 'n1', 'True');
    for (const name of ['first', 'second', 'third', 'fourth']) {
      await createReadyPod(client, clock, name, 'n1');
      await finish(client, name, 'Succeeded');
      await clock.advanceAsync(1_000);
    }
    await createReadyPod(client, clock, 'running', 'n1');
    await advance(clock, 20);
    expect(await exists(client, 'first')).toBe(false);
    expect(await exists(client, 'second')).toBe(false);
    expect(await exists(client, 'third')).toBe(true);
    expect(await exists(client, 'fourth')).toBe(true);
    expect(await exists(client, 'running')).toBe(true);
    stop();
  });

  it('deletes nothing and survives nodes without status', async () => {
    const { clock, client, events, stop } = await environment();
    await must(client.create(Nodes, { metadata: { name: 'bare' } }));
    await createReadyPod(client, clock, 'p', 'bare');
    await advance(clock, 120);
    expect(events).toEqual([]);
    stop();
  });
});

describe('terminatedPodsOverThreshold', () => {
  const pod = (name: string, created: string, evicted = false): Pod => ({
    metadata: { namespace: 'default', name, creationTimestamp: created },
    status: evicted ? { phase: 'Failed', reason: 'Evicted' } : { phase: 'Succeeded' },
  });

  it('takes evicted pods first, then the oldest, then by name', () => {
    const pods = [
      pod('b', '2024-01-01T00:00:00Z'),
      pod('a', '2024-01-01T00:00:00Z'),
      pod('old', '2023-01-01T00:00:00Z'),
      pod('evicted', '2025-01-01T00:00:00Z', true),
    ];
    expect(terminatedPodsOverThreshold(pods, 1).map((p) => p.metadata?.name)).toEqual([
      'evicted',
      'old',
      'a',
    ]);
  });

  it('takes nothing under the threshold or when disabled', () => {
    const pods = [pod('a', '2024-01-01T00:00:00Z')];
    expect(terminatedPodsOverThreshold(pods, 1)).toEqual([]);
    expect(terminatedPodsOverThreshold(pods, 0)).toEqual([]);
  });
});
