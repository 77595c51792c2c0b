import { afterEach, describe, expect, it } from '@jest/globals';
import { ResourceRegistry } from '../../../src/api/registry/index.js';
import { ConfigMaps, Namespaces, Secrets } from '../../../src/client/built-in-types.js';
import {
  InProcessClient,
  type ClientResult,
  type ListOptions,
  type ObjectList,
  type ResourceType,
} from '../../../src/client/index.js';
import { ResourceMonitors } from '../../../src/controllers/garbage-collector/index.js';
import type { ApiObject } from '../../../src/apiserver/index.js';
import { expectRight } from '../../support/either.js';
import { createConfigMap, flush, gcFixture, referenceTo, type GcFixture } from './gc-fixture.js';

/** A client that records the plural of every resource it lists. */
class ListRecordingClient extends InProcessClient {
  readonly listed: string[] = [];

  override list<T extends ApiObject>(
    type: ResourceType<T>,
    options?: ListOptions,
  ): ClientResult<ObjectList<T>> {
    this.listed.push(type.group === '' ? type.plural : `${type.plural}.${type.group}`);
    return super.list(type, options);
  }
}

let fixture: GcFixture | undefined;
let monitors: ResourceMonitors | undefined;

async function start(): Promise<{ f: GcFixture; client: ListRecordingClient }> {
  fixture = await gcFixture({ start: false });
  const client = new ListRecordingClient({
    server: fixture.running.server,
    user: fixture.client.user,
  });
  return { f: fixture, client };
}

afterEach(() => {
  monitors?.stop();
  monitors = undefined;
  fixture?.stop();
  fixture = undefined;
});

describe('ResourceMonitors', () => {
  it('watches every served resource that supports list and watch, and only those', async () => {
    const { f, client } = await start();
    monitors = new ResourceMonitors({
      client,
      clock: f.clock,
      registry: f.running.server.registry,
    });
    monitors.start();
    await flush();
    expect(client.listed).toEqual(
      expect.arrayContaining(['configmaps', 'namespaces', 'deployments.apps', 'pods']),
    );
    expect(client.listed).not.toContain('subjectaccessreviews.authorization.k8s.io');
  });

  it('finds cached objects by uid, namespaced and cluster-scoped, with their type', async () => {
    const { f, client } = await start();
    const configMap = await createConfigMap(f, 'settings');
    const namespace = expectRight(await f.client.get(Namespaces, { name: 'default' }));
    monitors = new ResourceMonitors({
      client,
      clock: f.clock,
      registry: f.running.server.registry,
    });
    monitors.start();
    await flush();
    expect(monitors.byUid(configMap.metadata?.uid ?? '')).toMatchObject({
      type: { plural: 'configmaps', namespaced: true },
      object: { metadata: { name: 'settings' } },
    });
    expect(monitors.byUid(namespace.metadata?.uid ?? '')?.type.plural).toBe('namespaces');
    expect(monitors.byUid('no-such-uid')).toBeUndefined();
  });

  it('finds the dependents of an owner across resources', async () => {
    const { f, client } = await start();
    const owner = await createConfigMap(f, 'owner');
    await createConfigMap(f, 'dependent', [referenceTo(owner)]);
    await createConfigMap(f, 'unrelated');
    expectRight(
      await f.client.create(Secrets, {
        metadata: { name: 'token', namespace: 'default', ownerReferences: [referenceTo(owner)] },
      }),
    );
    monitors = new ResourceMonitors({
      client,
      clock: f.clock,
      registry: f.running.server.registry,
    });
    monitors.start();
    await flush();
    const dependents = monitors.dependentsOf(owner.metadata?.uid ?? '');
    expect(
      dependents.map(({ type, object }) => `${type.plural}/${object.metadata?.name}`).sort(),
    ).toStrictEqual(['configmaps/dependent', 'secrets/token']);
  });

  it('starts and stops monitoring as resources are registered and unregistered', async () => {
    const { f, client } = await start();
    const configMap = await createConfigMap(f, 'settings');
    const served = f.running.server.registry;
    const definition = served.byGroupVersionResource({
      group: '',
      version: 'v1',
      resource: 'configmaps',
    });
    expect(definition).toBeDefined();
    const registry = new ResourceRegistry();
    monitors = new ResourceMonitors({ client, clock: f.clock, registry });
    monitors.start();
    await flush();
    expect(monitors.byUid(configMap.metadata?.uid ?? '')).toBeUndefined();

    expectRight(registry.register(definition!));
    await flush();
    expect(monitors.byUid(configMap.metadata?.uid ?? '')?.type.plural).toBe('configmaps');

    registry.unregister({ group: '', version: 'v1', resource: 'configmaps' });
    expect(monitors.byUid(configMap.metadata?.uid ?? '')).toBeUndefined();
  });

  it('emits each event after its cache applied it, with the object the cache held before', async () => {
    const { f, client } = await start();
    monitors = new ResourceMonitors({
      client,
      clock: f.clock,
      registry: f.running.server.registry,
    });
    const seen: { type: string; name?: string; previous?: string; cached: boolean }[] = [];
    const current = monitors;
    const subscription = monitors.events$.subscribe(({ type, change: event }) => {
      if (type.plural === 'configmaps' && (event.type === 'apply' || event.type === 'delete')) {
        const previous = event.old;
        seen.push({
          type: event.type,
          ...(event.object.metadata?.name === undefined
            ? {}
            : { name: event.object.metadata.name }),
          ...(previous?.metadata?.resourceVersion === undefined
            ? {}
            : { previous: previous.metadata.resourceVersion }),
          cached: current.byUid(event.object.metadata?.uid ?? '') !== undefined,
        });
      }
    });
    monitors.start();
    await flush();
    const created = await createConfigMap(f, 'settings');
    await flush();
    expectRight(await f.client.delete(ConfigMaps, { namespace: 'default', name: 'settings' }));
    await flush();
    subscription.unsubscribe();
    expect(seen).toStrictEqual([
      { type: 'apply', name: 'settings', cached: true },
      {
        type: 'delete',
        name: 'settings',
        previous: created.metadata?.resourceVersion,
        cached: false,
      },
    ]);
  });

  it('maps owner references to served resource types', async () => {
    const { f, client } = await start();
    monitors = new ResourceMonitors({
      client,
      clock: f.clock,
      registry: f.running.server.registry,
    });
    const reference = { name: 'web', uid: 'u' };
    expect(
      monitors.typeOfOwner({ ...reference, apiVersion: 'apps/v1', kind: 'Deployment' }),
    ).toMatchObject({
      group: 'apps',
      version: 'v1',
      plural: 'deployments',
      namespaced: true,
    });
    // Another version of a served group and kind: the served version.
    expect(
      monitors.typeOfOwner({ ...reference, apiVersion: 'apps/v1beta2', kind: 'Deployment' })
        ?.version,
    ).toBe('v1');
    expect(
      monitors.typeOfOwner({ ...reference, apiVersion: 'v1', kind: 'Widget' }),
    ).toBeUndefined();
    expect(
      monitors.typeOfOwner({ ...reference, apiVersion: 'a/b/c', kind: 'Deployment' }),
    ).toBeUndefined();
  });

  it('forgets every cache once stopped', async () => {
    const { f, client } = await start();
    const configMap = await createConfigMap(f, 'settings');
    monitors = new ResourceMonitors({
      client,
      clock: f.clock,
      registry: f.running.server.registry,
    });
    monitors.start();
    await flush();
    monitors.stop();
    expect(monitors.byUid(configMap.metadata?.uid ?? '')).toBeUndefined();
  });
});
