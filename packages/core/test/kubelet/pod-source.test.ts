import { describe, expect, it } from '@jest/globals';
import type { Pod } from '../../src/api/kinds/index.js';
import { SYSTEM_ADMIN, startApiServer, type ApiObject } from '../../src/apiserver/index.js';
import { InProcessClient, Pods } from '../../src/client/index.js';
import { MemoryStore, VirtualClock } from '../../src/index.js';
import { sharedPodSource, watchPodsOfNode } from '../../src/kubelet/pod-source.js';
import type { WatcherEvent } from '../../src/reconcile/watcher/index.js';
import { boundPod, flush } from './kubelet-test-support.js';

async function environment() {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const { server } = await startApiServer({ store, clock });
  const client = new InProcessClient({ server, user: SYSTEM_ADMIN });
  return { clock, client };
}

function describeEvents(events: readonly WatcherEvent<Pod>[]): string[] {
  return events.map((event) =>
    'object' in event ? `${event.type}:${event.object.metadata?.name ?? ''}` : event.type,
  );
}

describe('sharedPodSource', () => {
  it('dispatches pods to the subscribers of their node only', async () => {
    const { clock, client } = await environment();
    await client.create(Pods, boundPod('a'));
    await client.create(Pods, {
      ...boundPod('b'),
      spec: { nodeName: 'node-2', containers: [{ name: 'c', image: 'nginx' }] },
    });
    const source = sharedPodSource({ client, clock });
    const one: WatcherEvent<Pod>[] = [];
    const two: WatcherEvent<Pod>[] = [];
    const first = source('node-1').subscribe((event) => one.push(event));
    const second = source('node-2').subscribe((event) => two.push(event));
    await flush();
    expect(describeEvents(one)).toEqual(['init', 'initApply:a', 'initDone']);
    expect(describeEvents(two)).toEqual(['init', 'initApply:b', 'initDone']);
    await client.delete(Pods, { namespace: 'default', name: 'a' }, { gracePeriodSeconds: 0 });
    await flush();
    expect(describeEvents(one).at(-1)).toBe('delete:a');
    first.unsubscribe();
    second.unsubscribe();
  });

  it('replays the current pods to a subscriber that comes late', async () => {
    const { clock, client } = await environment();
    await client.create(Pods, boundPod('a'));
    const source = sharedPodSource({ client, clock });
    const early = source('node-1').subscribe();
    await flush();
    const late: WatcherEvent<Pod>[] = [];
    const subscription = source('node-1').subscribe((event) => late.push(event));
    expect(describeEvents(late)).toEqual(['init', 'initApply:a', 'initDone']);
    early.unsubscribe();
    subscription.unsubscribe();
  });
});

describe('watchPodsOfNode', () => {
  it('lists only the pods bound to its node', async () => {
    const { clock, client } = await environment();
    await client.create(Pods, boundPod('a'));
    await client.create(Pods, {
      ...boundPod('b'),
      spec: { nodeName: 'node-2', containers: [{ name: 'c', image: 'nginx' }] },
    });
    const events: WatcherEvent<Pod>[] = [];
    const subscription = watchPodsOfNode({ client, clock })('node-1').subscribe((event) =>
      events.push(event),
    );
    await flush();
    expect(describeEvents(events)).toEqual(['init', 'initApply:a', 'initDone']);
    subscription.unsubscribe();
  });
});
