import { describe, expect, it } from '@jest/globals';
import { right } from 'fp-ts/lib/Either.js';
import type { Pod } from '../../src/api/kinds/index.js';
import { SYSTEM_ADMIN, startApiServer, type ApiObject } from '../../src/apiserver/index.js';
import { InProcessClient, Pods } from '../../src/client/index.js';
import { MemoryStore, VirtualClock } from '../../src/index.js';
import { sharedPodSource, watchPodsOfNode } from '../../src/kubelet/pod-source.js';
import type { WatcherEvent } from '../../src/reconcile/watcher/index.js';
import { ScriptedClient, settle } from '../reconcile/watcher/scripted-client.js';
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

/** A pod as a watch shows it: with a uid and a resourceVersion, on `nodeName` if given. */
function watchedPod(name: string, resourceVersion: string, nodeName?: string): Pod {
  return {
    metadata: { namespace: 'default', name, uid: `uid-${name}`, resourceVersion },
    spec: {
      ...(nodeName === undefined ? {} : { nodeName }),
      containers: [{ name: 'c', image: 'nginx' }],
    },
  };
}

describe('sharedPodSource over a scripted watch', () => {
  /** A source over a scripted client, its list answered with `items`, and two nodes' events. */
  async function scripted(items: Pod[]) {
    const client = new ScriptedClient();
    const source = sharedPodSource({ client, clock: new VirtualClock() });
    const one: WatcherEvent<Pod>[] = [];
    const two: WatcherEvent<Pod>[] = [];
    const subscriptions = [
      source('node-1').subscribe((event) => one.push(event)),
      source('node-2').subscribe((event) => two.push(event)),
    ];
    client.lastList().respond(right({ resourceVersion: '10', items }));
    await settle();
    return {
      watch: client.lastWatch(),
      one,
      two,
      source,
      stop: () => subscriptions.forEach((subscription) => subscription.unsubscribe()),
    };
  }

  it('sends a pod nowhere until it is bound, then to its node only', async () => {
    const { watch, one, two, stop } = await scripted([]);
    watch.emit({ type: 'ADDED', object: watchedPod('a', '11') });
    expect(describeEvents(one)).toEqual(['init', 'initDone']);
    watch.emit({ type: 'MODIFIED', object: watchedPod('a', '12', 'node-2') });
    expect(describeEvents(one)).toEqual(['init', 'initDone']);
    expect(describeEvents(two)).toEqual(['init', 'initDone', 'apply:a']);
    watch.emit({ type: 'DELETED', object: watchedPod('a', '13', 'node-2') });
    expect(describeEvents(two).at(-1)).toBe('delete:a');
    stop();
  });

  it('makes a pod that changes node a delete on the old node and an apply on the new one', async () => {
    const { watch, one, two, stop } = await scripted([watchedPod('a', '5', 'node-1')]);
    watch.emit({ type: 'MODIFIED', object: watchedPod('a', '11', 'node-2') });
    expect(describeEvents(one)).toEqual(['init', 'initApply:a', 'initDone', 'delete:a']);
    expect(describeEvents(two)).toEqual(['init', 'initDone', 'apply:a']);
    // The delete carries the pod as its old node knew it.
    expect(one.at(-1)).toEqual({ type: 'delete', object: watchedPod('a', '5', 'node-1') });
    watch.emit({ type: 'MODIFIED', object: watchedPod('a', '12') });
    expect(describeEvents(two).at(-1)).toBe('delete:a');
    // Unbound, it is known nowhere: its deletion reaches no node.
    watch.emit({ type: 'DELETED', object: watchedPod('a', '13') });
    expect(one).toHaveLength(4);
    expect(two).toHaveLength(4);
    stop();
  });

  it('replays to a late subscriber the pods of its own node only', async () => {
    const { watch, source, stop } = await scripted([
      watchedPod('a', '5', 'node-1'),
      watchedPod('b', '6', 'node-2'),
    ]);
    watch.emit({ type: 'ADDED', object: watchedPod('c', '11', 'node-2') });
    watch.emit({ type: 'DELETED', object: watchedPod('b', '12', 'node-2') });
    const late: WatcherEvent<Pod>[] = [];
    const subscription = source('node-2').subscribe((event) => late.push(event));
    expect(describeEvents(late)).toEqual(['init', 'initApply:c', 'initDone']);
    subscription.unsubscribe();
    stop();
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
