import { describe, expect, it } from '@jest/globals';
import { left, right } from 'fp-ts/lib/Either.js';
import { NEVER, of, type Observable, type Subscription } from 'rxjs';
import { expired, internalError, serviceUnavailable } from '../../../src/api/status/index.js';
import type { ApiObject } from '../../../src/apiserver/index.js';
import type { ClientWatchEvent, ClientWatchOptions } from '../../../src/client/client.js';
import type { ResourceType } from '../../../src/client/resource-type.js';
import { VirtualClock } from '../../../src/clock/index.js';
import { exponentialBackoff } from '../../../src/reconcile/watcher/backoff.js';
import { watcher, type WatcherOptions } from '../../../src/reconcile/watcher/watcher.js';
import type { WatcherEvent } from '../../../src/reconcile/watcher/watcher-event.js';
import type { WatcherBackoff } from '../../../src/reconcile/watcher/watcher-state.js';
import { CONFIG_MAPS, configMap } from './objects.js';
import { ScriptedClient, settle } from './scripted-client.js';

const a = configMap('a', { resourceVersion: '5' });
const b = configMap('b', { resourceVersion: '6' });
const c = configMap('c', { resourceVersion: '7' });

/** A watcher of ConfigMaps over a scripted client, recording what it emits. */
function startWatcher(options: Partial<WatcherOptions> = {}): {
  client: ScriptedClient;
  clock: VirtualClock;
  events: WatcherEvent[];
  subscription: Subscription;
  backoffs: WatcherBackoff[];
} {
  const client = new ScriptedClient();
  const clock = new VirtualClock();
  const events: WatcherEvent[] = [];
  const backoffs: WatcherBackoff[] = [];
  const subscription = watcher(client, CONFIG_MAPS, {
    clock,
    onBackoff: (backoff) => backoffs.push(backoff),
    ...options,
  }).subscribe({
    next: (event) => events.push(event),
    error: (error: unknown) => {
      throw new Error(`the watcher errored: ${String(error)}`);
    },
    complete: () => {
      throw new Error('the watcher completed');
    },
  });
  return { client, clock, events, subscription, backoffs };
}

/** Answers the pending list with one last page. */
async function listed(
  client: ScriptedClient,
  resourceVersion: string,
  items: ApiObject[],
): Promise<void> {
  client.lastList().respond(right({ resourceVersion, items }));
  await settle();
}

describe('watcher', () => {
  it('lists first, with the selection and a page size of 500, before any watch', () => {
    const { client, subscription } = startWatcher({
      namespace: 'default',
      labelSelector: 'app=web',
      fieldSelector: 'metadata.name=a',
    });
    expect(client.lists.map((list) => list.options)).toEqual([
      {
        namespace: 'default',
        labelSelector: 'app=web',
        fieldSelector: 'metadata.name=a',
        limit: 500,
      },
    ]);
    expect(client.lists[0]?.plural).toBe('configmaps');
    expect(client.watches).toEqual([]);
    subscription.unsubscribe();
  });

  it('lists page by page, then watches from the list’s resourceVersion with bookmarks', async () => {
    const { client, events, subscription } = startWatcher({ pageSize: 2, namespace: 'default' });
    client.lastList().respond(right({ resourceVersion: '10', items: [a, b], continue: 'page-2' }));
    await settle();
    expect(client.lists.map((list) => list.options)).toEqual([
      { namespace: 'default', limit: 2 },
      { namespace: 'default', limit: 2, continue: 'page-2' },
    ]);
    expect(events).toEqual([
      { type: 'init' },
      { type: 'initApply', object: a },
      { type: 'initApply', object: b },
    ]);
    await listed(client, '10', [c]);
    expect(events.slice(3)).toEqual([{ type: 'initApply', object: c }, { type: 'initDone' }]);
    expect(client.watches.map((watch) => watch.options)).toEqual([
      { namespace: 'default', resourceVersion: '10', allowWatchBookmarks: true },
    ]);
    subscription.unsubscribe();
  });

  it('emits apply and delete for watch events, in order', async () => {
    const { client, events, subscription } = startWatcher();
    await listed(client, '4', []);
    client
      .lastWatch()
      .emit(
        { type: 'ADDED', object: a },
        { type: 'MODIFIED', object: b },
        { type: 'DELETED', object: a },
      );
    expect(events).toEqual([
      { type: 'init' },
      { type: 'initDone' },
      { type: 'apply', object: a },
      { type: 'apply', object: b },
      { type: 'delete', object: a },
    ]);
    subscription.unsubscribe();
  });

  it('resumes a watch that ends from the last resourceVersion it saw', async () => {
    const { client, events, subscription } = startWatcher();
    await listed(client, '4', []);
    client.lastWatch().emit({ type: 'ADDED', object: b });
    client.lastWatch().end();
    expect(client.watches.map((watch) => watch.options.resourceVersion)).toEqual(['4', '6']);
    expect(client.lists).toHaveLength(1);
    expect(events.filter((event) => event.type === 'init')).toHaveLength(1);
    subscription.unsubscribe();
  });

  it('resumes from a BOOKMARK’s resourceVersion', async () => {
    const { client, events, subscription } = startWatcher();
    await listed(client, '4', []);
    client.lastWatch().emit({ type: 'BOOKMARK', resourceVersion: '99' });
    client.lastWatch().end();
    expect(client.lastWatch().options.resourceVersion).toBe('99');
    expect(events).toEqual([{ type: 'init' }, { type: 'initDone' }]);
    subscription.unsubscribe();
  });

  it('relists at once on a watch ERROR 410, emitting init … initDone again', async () => {
    const { client, clock, events, subscription, backoffs } = startWatcher();
    await listed(client, '4', [a]);
    client
      .lastWatch()
      .emit({ type: 'ERROR', status: expired({ message: 'too old resource version: 4 (50)' }) });
    client.lastWatch().end();
    expect(client.lists).toHaveLength(2);
    expect(client.lastList().options).toEqual({ limit: 500 });
    await listed(client, '50', [b]);
    expect(events).toEqual([
      { type: 'init' },
      { type: 'initApply', object: a },
      { type: 'initDone' },
      { type: 'init' },
      { type: 'initApply', object: b },
      { type: 'initDone' },
    ]);
    expect(client.lastWatch().options.resourceVersion).toBe('50');
    expect(clock.pending()).toBe(0);
    expect(backoffs).toEqual([]);
    subscription.unsubscribe();
  });

  it('backs off 800 ms, then 1.6 s, then 3.2 s on repeated list failures, and lists again each time', async () => {
    const { client, clock, events, subscription, backoffs } = startWatcher();
    const unavailable = serviceUnavailable({ message: 'etcd is down' });
    for (const [failure, delay] of [
      [1, 800],
      [2, 1_600],
      [3, 3_200],
    ] as const) {
      client.lastList().respond(left(unavailable));
      await settle();
      expect(backoffs.at(-1)).toEqual(
        expect.objectContaining({
          delay,
          cause: unavailable,
          retry: { _tag: 'Empty', failures: failure },
        }),
      );
      clock.advance(delay - 1);
      expect(client.lists).toHaveLength(failure);
      clock.advance(1);
      expect(client.lists).toHaveLength(failure + 1);
    }
    await listed(client, '4', [a]);
    expect(events).toEqual([
      { type: 'init' },
      { type: 'initApply', object: a },
      { type: 'initDone' },
    ]);
    subscription.unsubscribe();
  });

  it('resets the backoff after a success', async () => {
    const { client, clock, subscription, backoffs } = startWatcher();
    const broken = internalError({ message: 'boom' });
    client.lastList().respond(left(broken));
    await settle();
    clock.advance(800);
    await listed(client, '4', []);
    client.lastWatch().emit({ type: 'ERROR', status: broken });
    expect(backoffs.map((backoff) => backoff.delay)).toEqual([800, 800]);
    subscription.unsubscribe();
  });

  it('backs off on a watch ERROR, then watches again from the last resourceVersion', async () => {
    const { client, clock, subscription, backoffs } = startWatcher({
      backoff: exponentialBackoff({ initial: '1s', max: '4s' }),
    });
    await listed(client, '4', []);
    const broken = internalError({ message: 'boom' });
    for (const delay of [1_000, 2_000, 4_000, 4_000]) {
      client.lastWatch().emit({ type: 'ERROR', status: broken });
      client.lastWatch().end();
      expect(client.lastWatch().subscribed).toBe(false);
      const watches = client.watches.length;
      clock.advance(delay - 1);
      expect(client.watches).toHaveLength(watches);
      clock.advance(1);
      expect(client.watches).toHaveLength(watches + 1);
      expect(client.lastWatch().options.resourceVersion).toBe('4');
    }
    expect(backoffs.map((backoff) => backoff.delay)).toEqual([1_000, 2_000, 4_000, 4_000]);
    subscription.unsubscribe();
  });

  it('treats a list promise that rejects as a failure, and retries', async () => {
    const { client, clock, subscription, backoffs } = startWatcher();
    client.lastList().reject(new Error('socket hang up'));
    await settle();
    expect(backoffs[0]?.cause).toEqual(
      expect.objectContaining({ code: 500, reason: 'InternalError' }),
    );
    expect(backoffs[0]?.cause.message).toContain('socket hang up');
    clock.advance(800);
    expect(client.lists).toHaveLength(2);
    subscription.unsubscribe();
  });

  it('treats a watch that errors as a failure, and watches again', async () => {
    const { client, clock, subscription, backoffs } = startWatcher();
    await listed(client, '4', []);
    client.lastWatch().fail(new Error('stream reset'));
    expect(backoffs[0]?.cause.message).toContain('stream reset');
    clock.advance(800);
    expect(client.watches).toHaveLength(2);
    subscription.unsubscribe();
  });

  it('stops a pending list on unsubscribe: its answer is ignored', async () => {
    const { client, events, subscription } = startWatcher();
    subscription.unsubscribe();
    await listed(client, '4', [a]);
    expect(events).toEqual([]);
    expect(client.watches).toEqual([]);
  });

  it('closes the open watch on unsubscribe', async () => {
    const { client, subscription } = startWatcher();
    await listed(client, '4', []);
    expect(client.lastWatch().subscribed).toBe(true);
    subscription.unsubscribe();
    expect(client.lastWatch().subscribed).toBe(false);
  });

  it('cancels a pending backoff on unsubscribe', async () => {
    const { client, clock, subscription } = startWatcher();
    client.lastList().respond(left(internalError({ message: 'boom' })));
    await settle();
    expect(clock.pending()).toBe(1);
    subscription.unsubscribe();
    expect(clock.pending()).toBe(0);
    clock.advance('1m');
    expect(client.lists).toHaveLength(1);
  });

  it('stops at once when a subscriber unsubscribes while handling an event', async () => {
    const client = new ScriptedClient();
    const events: WatcherEvent[] = [];
    const subscription = watcher(client, CONFIG_MAPS, { clock: new VirtualClock() }).subscribe(
      (event) => {
        events.push(event);
        if (event.type === 'initApply') {
          subscription.unsubscribe();
        }
      },
    );
    await listed(client, '4', [a, b]);
    expect(events).toEqual([{ type: 'init' }, { type: 'initApply', object: a }]);
    expect(client.watches).toEqual([]);
  });

  it('delivers an event the watch sends while the subscriber handles one after it, in order', async () => {
    const client = new ScriptedClient();
    const events: string[] = [];
    const subscription = watcher(client, CONFIG_MAPS, { clock: new VirtualClock() }).subscribe(
      (event) => {
        const name = 'object' in event ? (event.object.metadata?.name ?? '') : '';
        events.push(`${event.type}:${name}`);
        if (event.type === 'apply' && name === 'a') {
          // The handler's write comes back on the watch before it returns.
          client.lastWatch().emit({ type: 'MODIFIED', object: c });
          events.push('handled:a');
        }
      },
    );
    await listed(client, '4', []);
    client.lastWatch().emit({ type: 'ADDED', object: a }, { type: 'DELETED', object: b });
    expect(events).toEqual(['init:', 'initDone:', 'apply:a', 'handled:a', 'apply:c', 'delete:b']);
    // The watch resumes from the last resourceVersion seen (b's, 6).
    client.lastWatch().end();
    await settle();
    expect(client.watches.map((watch) => watch.options.resourceVersion)).toEqual(['4', '6']);
    subscription.unsubscribe();
  });

  it('runs one independent loop per subscription', () => {
    const client = new ScriptedClient();
    const source = watcher(client, CONFIG_MAPS, { clock: new VirtualClock() });
    const first = source.subscribe();
    const second = source.subscribe();
    expect(client.lists).toHaveLength(2);
    first.unsubscribe();
    second.unsubscribe();
  });

  it('handles a watch that answers synchronously, inside subscribe, one input at a time', async () => {
    /** A client whose first watch answers at once: an object, then a failure. */
    class EagerClient extends ScriptedClient {
      override watch<T extends ApiObject>(
        type: ResourceType<T>,
        options?: ClientWatchOptions,
      ): Observable<ClientWatchEvent<T>> {
        super.watch(type, options);
        if (this.watches.length > 1) {
          return NEVER;
        }
        return of<ClientWatchEvent<T>[]>(
          { type: 'ADDED', object: b as T },
          { type: 'ERROR', status: internalError({ message: 'boom' }) },
        );
      }
    }
    const client = new EagerClient();
    const clock = new VirtualClock();
    const events: WatcherEvent[] = [];
    const subscription = watcher(client, CONFIG_MAPS, { clock }).subscribe((event) =>
      events.push(event),
    );
    await listed(client, '4', []);
    expect(events).toEqual([{ type: 'init' }, { type: 'initDone' }, { type: 'apply', object: b }]);
    expect(clock.pending()).toBe(1);
    clock.advance(800);
    expect(client.watches.map((watch) => watch.options.resourceVersion)).toEqual(['4', '6']);
    subscription.unsubscribe();
  });

  it('rejects a page size that is not a positive integer', () => {
    const client = new ScriptedClient();
    for (const pageSize of [0, -1, 1.5, Number.NaN]) {
      expect(() => watcher(client, CONFIG_MAPS, { clock: new VirtualClock(), pageSize })).toThrow(
        RangeError,
      );
    }
  });
});
