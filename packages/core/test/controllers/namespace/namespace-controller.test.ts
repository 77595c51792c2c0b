import { describe, expect, it } from '@jest/globals';
import { ConfigMaps, InProcessClient, Namespaces, Pods } from '../../../src/client/index.js';
import { namespaceController } from '../../../src/controllers/namespace/index.js';
import { MemoryStore, VirtualClock } from '../../../src/index.js';
import { SYSTEM_ADMIN, startApiServer, type ApiObject } from '../../../src/apiserver/index.js';

/** Lets promise chains (lists, reconciles, writes) run without moving the clock. */
async function flush(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function environment() {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const { server } = await startApiServer({ store, clock });
  const client = new InProcessClient({ server, user: SYSTEM_ADMIN });
  return { clock, client, server };
}

describe('namespace deletion', () => {
  it('leaves a deleted namespace Terminating while the controller is not running', async () => {
    const { client } = await environment();
    await client.create(Namespaces, { metadata: { name: 'team' } });
    const deleted = await client.delete(Namespaces, { name: 'team' });
    expect(deleted).toMatchObject({
      right: {
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Terminating' },
        metadata: { deletionTimestamp: expect.any(String) },
      },
    });
    expect((await client.get(Namespaces, { name: 'team' }))._tag).toBe('Right');
  });

  it('empties the namespace, then removes it', async () => {
    const { clock, client, server } = await environment();
    const running = namespaceController({ client, clock, server }).run().subscribe();
    await client.create(Namespaces, { metadata: { name: 'team' } });
    await client.create(ConfigMaps, {
      metadata: { namespace: 'team', name: 'settings' },
      data: {},
    });
    await client.create(Pods, {
      metadata: { namespace: 'team', name: 'web' },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    });
    await client.create(ConfigMaps, { metadata: { namespace: 'default', name: 'kept' }, data: {} });
    await flush();
    await client.delete(Namespaces, { name: 'team' });
    await flush();
    expect((await client.get(ConfigMaps, { namespace: 'team', name: 'settings' }))._tag).toBe(
      'Left',
    );
    expect((await client.get(Pods, { namespace: 'team', name: 'web' }))._tag).toBe('Left');
    expect(await client.get(Namespaces, { name: 'team' })).toMatchObject({ left: { code: 404 } });
    expect((await client.get(ConfigMaps, { namespace: 'default', name: 'kept' }))._tag).toBe(
      'Right',
    );
    running.unsubscribe();
  });

  it('waits for content held by finalizers, checking again every 5 s', async () => {
    const { clock, client, server } = await environment();
    const running = namespaceController({ client, clock, server }).run().subscribe();
    await client.create(Namespaces, { metadata: { name: 'team' } });
    await client.create(ConfigMaps, {
      metadata: { namespace: 'team', name: 'held', finalizers: ['example.com/hold'] },
      data: {},
    });
    await flush();
    await client.delete(Namespaces, { name: 'team' });
    await flush();
    expect(await client.get(Namespaces, { name: 'team' })).toMatchObject({
      right: { status: { phase: 'Terminating' } },
    });
    await client.patch(
      ConfigMaps,
      { namespace: 'team', name: 'held' },
      { type: 'merge', body: { metadata: { finalizers: null } } },
    );
    await clock.advanceAsync(5_000);
    await flush();
    expect(await client.get(Namespaces, { name: 'team' })).toMatchObject({ left: { code: 404 } });
    running.unsubscribe();
  });
});
