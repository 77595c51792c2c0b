import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Subscription } from 'rxjs';
import {
  InProcessClient,
  ConfigMaps,
  Secrets,
  keyOf,
  type Client,
  type ObjectKey,
  type ResourceType,
} from '../../../src/client/index.js';
import { MemoryStore, VirtualClock } from '../../../src/index.js';
import { SYSTEM_ADMIN, startApiServer, type ApiObject } from '../../../src/apiserver/index.js';
import {
  awaitChange,
  controller,
  generationChanged,
  setControllerReference,
  type ReconcileOutcome,
} from '../../../src/reconcile/index.js';

/** Lets promise chains (lists, reconciles, writes) run without moving the clock. */
async function flush(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function environment() {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const { server } = await startApiServer({ store, clock });
  const client = new InProcessClient({ server, user: SYSTEM_ADMIN });
  return { clock, client };
}

describe('controller (builder)', () => {
  it('finds each object that existed when it started in its cache, from the first reconcile', async () => {
    const { clock, client } = await environment();
    for (const name of ['a', 'b', 'c']) {
      await client.create(ConfigMaps, { metadata: { namespace: 'default', name } });
    }
    const found: string[] = [];
    const missing: string[] = [];
    const running = controller({ client, clock })
      .for(ConfigMaps, { namespace: 'default' })
      .reconcile((request, { cache }) => {
        // Read at once, as a reconcile that checks its cache before any await does.
        (cache.get(request) === undefined ? missing : found).push(request.name);
        return Promise.resolve(awaitChange());
      })
      .run()
      .subscribe();
    await flush();
    running.unsubscribe();
    expect(missing).toEqual([]);
    expect(found.sort()).toEqual(['a', 'b', 'c']);
  });

  it('reconciles each primary object, and again when an object it owns changes', async () => {
    const { clock, client } = await environment();
    const reconciled: string[] = [];
    // Keeps a Secret, owned by each ConfigMap, with the same data.
    const mirror = controller({ client, clock })
      .for(ConfigMaps)
      .owns(Secrets)
      .reconcile(async (request: ObjectKey, { cache }) => {
        reconciled.push(request.name);
        const configMap = cache.get(request);
        if (configMap === undefined) {
          return awaitChange();
        }
        const existing = await client.get(Secrets, request);
        if (isLeft(existing)) {
          const owned = setControllerReference(configMap, {
            metadata: { namespace: request.namespace ?? '', name: request.name },
            stringData: {},
            data: {},
          });
          if (isLeft(owned)) {
            throw new Error(owned.left.message);
          }
          const created = await client.create(Secrets, owned.right);
          if (isLeft(created)) {
            throw new Error(created.left.message ?? '');
          }
        }
        return awaitChange();
      });
    const outcomes: ReconcileOutcome[] = [];
    const running: Subscription = mirror.run().subscribe((outcome) => outcomes.push(outcome));
    await client.create(ConfigMaps, {
      metadata: { namespace: 'default', name: 'settings' },
      data: { a: 'b' },
    });
    await flush();
    expect(reconciled).toContain('settings');
    const secret = await client.get(Secrets, { namespace: 'default', name: 'settings' });
    expect(secret).toMatchObject({
      right: {
        metadata: { ownerReferences: [{ kind: 'ConfigMap', name: 'settings', controller: true }] },
      },
    });

    const before = reconciled.length;
    await client.delete(Secrets, { namespace: 'default', name: 'settings' });
    await flush();
    expect(reconciled.length).toBeGreaterThan(before);
    expect((await client.get(Secrets, { namespace: 'default', name: 'settings' }))._tag).toBe(
      'Right',
    );
    expect(outcomes.every((outcome) => outcome.result._tag === 'Succeeded')).toBe(true);
    expect(mirror.cache.get({ namespace: 'default', name: 'settings' })).toBeDefined();
    running.unsubscribe();
    void clock;
  });

  it('skips changes its predicate rejects, and resyncs every object on the clock', async () => {
    const { clock, client } = await environment();
    const reconciled: string[] = [];
    const labelled = controller({ client, clock })
      .for(ConfigMaps, { namespace: 'default', predicate: generationChanged })
      .withResync('10m')
      .reconcile((request) => {
        reconciled.push(request.name);
        return Promise.resolve(awaitChange());
      });
    const running = labelled.run().subscribe();
    await client.create(ConfigMaps, {
      metadata: { namespace: 'default', name: 'a' },
      data: { x: '1' },
    });
    await flush();
    const created = labelled.cache.get({ namespace: 'default', name: 'a' });
    expect(reconciled).toStrictEqual(['a']);
    // ConfigMaps have no generation: a data change leaves it as it is, so it is skipped.
    if (created === undefined) {
      throw new Error('the cache lacks the config map');
    }
    await client.update(ConfigMaps, { ...created, data: { x: '2' } });
    await flush();
    expect(reconciled).toStrictEqual(['a']);
    await clock.advanceAsync(10 * 60_000);
    await flush();
    expect(reconciled).toStrictEqual(['a', 'a']);
    running.unsubscribe();
  });

  it('reports failures of its own watches apart from reconciles, and keeps retrying', async () => {
    const clock = new VirtualClock();
    const store = new MemoryStore<ApiObject>({ clock });
    const { server } = await startApiServer({ store, clock, authorization: 'RBAC' });
    const client = new InProcessClient({
      server,
      user: { name: 'nobody', groups: ['system:authenticated'] },
    });
    const failures: (number | undefined)[] = [];
    const running = controller({
      client,
      clock,
      onWatchFailure: ({ type, backoff }) =>
        failures.push(type === ConfigMaps ? backoff.cause.code : -1),
    })
      .for(ConfigMaps)
      .reconcile(() => Promise.resolve(awaitChange()))
      .run()
      .subscribe();
    await flush();
    await clock.advanceAsync(1_000);
    await flush();
    expect(failures).toStrictEqual([403, 403]);
    running.unsubscribe();
  });

  it('refuses to build without a primary resource', () => {
    expect(() =>
      controller({ client: undefined as never, clock: new VirtualClock() }).reconcile(() =>
        Promise.resolve(awaitChange()),
      ),
    ).toThrow('controller: call for(type) before reconcile(fn)');
  });

  it('maps watched objects to requests with watches()', async () => {
    const { clock, client } = await environment();
    const reconciled: string[] = [];
    const running = controller({ client, clock })
      .for(ConfigMaps)
      .watches(Secrets, (secret) => [{ namespace: 'default', name: `for-${keyOf(secret).name}` }])
      .reconcile((request) => {
        reconciled.push(request.name);
        return Promise.resolve(awaitChange());
      })
      .run()
      .subscribe();
    await client.create(Secrets, { metadata: { namespace: 'default', name: 'token' }, data: {} });
    await flush();
    expect(reconciled).toContain('for-token');
    running.unsubscribe();
  });

  it('reconciles only once the caches of every watched type hold their first list', async () => {
    const { clock, client } = await environment();
    await client.create(ConfigMaps, { metadata: { namespace: 'default', name: 'a' } });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Lists of Secrets wait for the gate: the Secrets cache is not ready until then.
    const slowSecrets: Client = new Proxy(client, {
      get(target, property) {
        if (property === 'list') {
          return (type: ResourceType, options: object) =>
            type.plural === 'secrets'
              ? gate.then(() => target.list(type, options))
              : target.list(type, options);
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const seen: boolean[] = [];
    const running = controller({ client: slowSecrets, clock })
      .for(ConfigMaps)
      .owns(Secrets)
      .reconcile((_request, { informers }) => {
        seen.push(informers.forType(Secrets).cache.isReady);
        return Promise.resolve(awaitChange());
      })
      .run()
      .subscribe();
    await flush();
    expect(seen).toEqual([]);
    release();
    await flush();
    running.unsubscribe();
    expect(seen).toEqual([true]);
  });
});
