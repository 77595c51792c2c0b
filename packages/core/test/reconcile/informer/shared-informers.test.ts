import { describe, expect, it } from '@jest/globals';
import { Observable, type Subscription } from 'rxjs';
import { ConfigMaps, keyOf, Secrets, type ObjectKey } from '../../../src/client/index.js';
import type { ConfigMap } from '../../../src/api/kinds/index.js';
import type { MemoryStore } from '../../../src/index.js';
import type { ApiObject } from '../../../src/apiserver/index.js';
import { inProcessServer } from '../../support/in-process-server.js';
import {
  awaitChange,
  byLabel,
  controller,
  IndexConflictError,
  sharedInformers,
  type InformerEvent,
} from '../../../src/reconcile/index.js';

/** Lets promise chains (lists, writes) run without moving the clock. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function environment() {
  const { clock, client, store } = await inProcessServer();
  return { clock, client, watches: countWatches(store, '/registry/core/configmaps/') };
}

/** Counts the store's open watches of `prefix` from now on: answers how many are open. */
function countWatches(store: MemoryStore<ApiObject>, prefix: string): () => number {
  let open = 0;
  const watch = store.watch.bind(store);
  store.watch = (range, options) => {
    const watched = watch(range, options);
    if (!('prefix' in range) || range.prefix !== prefix) {
      return watched;
    }
    return new Observable((subscriber) => {
      open++;
      const subscription = watched.subscribe(subscriber);
      return () => {
        open--;
        subscription.unsubscribe();
      };
    });
  };
  return () => open;
}

function configMap(name: string, labels: Record<string, string> = {}): ConfigMap {
  return { metadata: { namespace: 'default', name, labels } };
}

function summary<T extends ApiObject>(event: InformerEvent<T>): string {
  if (event.type === 'synced') {
    return `synced ${event.objects.map((o) => o.metadata?.name ?? '').join(',')}`;
  }
  return `${event.type} ${event.object.metadata?.name ?? ''}${event.old === undefined ? '' : ' (had old)'}`;
}

describe('sharedInformers', () => {
  it('answers one informer per resource type, and one watch for all its handlers', async () => {
    const { clock, client, watches } = await environment();
    const informers = sharedInformers({ client, clock });
    const informer = informers.forType(ConfigMaps);
    expect(informers.forType(ConfigMaps)).toBe(informer);
    expect(informers.forType(Secrets)).not.toBe(informer);
    expect(watches()).toBe(0);
    const first = informer.events$.subscribe();
    const second = informer.events$.subscribe();
    await flush();
    expect(watches()).toBe(1);
    first.unsubscribe();
    second.unsubscribe();
    expect(watches()).toBe(0);
  });

  it('tells every handler of a change after the cache holds it, with the object it replaced', async () => {
    const { clock, client } = await environment();
    await client.create(ConfigMaps, configMap('a'));
    const informer = sharedInformers({ client, clock }).forType(ConfigMaps);
    const seen: string[][] = [[], []];
    const stale: string[] = [];
    const subscriptions: Subscription[] = seen.map((log) =>
      informer.events$.subscribe((event) => {
        log.push(summary(event));
        if (event.type !== 'synced') {
          const cached = informer.cache.get(keyOf(event.object));
          if (event.type === 'apply' ? cached !== event.object : cached !== undefined) {
            stale.push(summary(event));
          }
        }
      }),
    );
    await flush();
    await client.create(ConfigMaps, configMap('b'));
    const b = informer.cache.get({ namespace: 'default', name: 'b' });
    expect(b).toBeDefined();
    await client.update(ConfigMaps, { ...b, data: { x: '1' } });
    await client.delete(ConfigMaps, { namespace: 'default', name: 'a' });
    await flush();
    subscriptions.forEach((subscription) => subscription.unsubscribe());
    const expected = ['synced a', 'apply b', 'apply b (had old)', 'delete a (had old)'];
    expect(seen).toEqual([expected, expected]);
    expect(stale).toEqual([]);
  });

  it('starts a late handler with what the cache holds', async () => {
    const { clock, client } = await environment();
    await client.create(ConfigMaps, configMap('a'));
    const informer = sharedInformers({ client, clock }).forType(ConfigMaps);
    const early = informer.events$.subscribe();
    await flush();
    const late: string[] = [];
    const subscription = informer.events$.subscribe((event) => late.push(summary(event)));
    await client.create(ConfigMaps, configMap('b'));
    await flush();
    subscription.unsubscribe();
    early.unsubscribe();
    expect(late).toEqual(['synced a', 'apply b']);
  });

  it('lists again when a handler comes back after the last one left', async () => {
    const { clock, client } = await environment();
    const informer = sharedInformers({ client, clock }).forType(ConfigMaps);
    const first = informer.events$.subscribe();
    await flush();
    first.unsubscribe();
    await client.create(ConfigMaps, configMap('missed'));
    const seen: string[] = [];
    const again = informer.events$.subscribe((event) => seen.push(summary(event)));
    await flush();
    again.unsubscribe();
    expect(seen).toEqual(['synced ', 'synced missed']);
    expect(informer.cache.get({ namespace: 'default', name: 'missed' })).toBeDefined();
  });

  it('files what the cache holds under an index added later, and refuses a conflicting one', async () => {
    const { clock, client } = await environment();
    await client.create(ConfigMaps, configMap('a', { app: 'web' }));
    const informers = sharedInformers({ client, clock });
    const informer = informers.forType(ConfigMaps);
    const running = informer.events$.subscribe();
    await flush();
    const byApp = byLabel('app');
    informers.forType(ConfigMaps, { indexers: { app: byApp } });
    expect(informer.cache.byIndex('app', 'web').map((o) => o.metadata?.name)).toEqual(['a']);
    // The same function again is fine; another under the same name is not.
    expect(() => informers.forType(ConfigMaps, { indexers: { app: byApp } })).not.toThrow();
    expect(() => informers.forType(ConfigMaps, { indexers: { app: byLabel('app') } })).toThrow(
      IndexConflictError,
    );
    await client.create(ConfigMaps, configMap('b', { app: 'web' }));
    await flush();
    running.unsubscribe();
    expect(
      informer.cache
        .byIndex('app', 'web')
        .map((o) => o.metadata?.name)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('gives controllers built with the same informers one watch per type', async () => {
    const { clock, client, watches } = await environment();
    await client.create(ConfigMaps, configMap('a'));
    const informers = sharedInformers({ client, clock });
    const reconciled: ObjectKey[] = [];
    const build = () =>
      controller({ client, clock, informers })
        .for(ConfigMaps)
        .reconcile((request) => {
          reconciled.push(request);
          return Promise.resolve(awaitChange());
        });
    const one = build().run().subscribe();
    const two = build().run().subscribe();
    await flush();
    expect(watches()).toBe(1);
    expect(reconciled).toHaveLength(2);
    one.unsubscribe();
    two.unsubscribe();
  });
});
