import { afterEach, describe, expect, it } from '@jest/globals';
import { left } from 'fp-ts/lib/Either.js';
import { internalError } from '../../../src/api/status/index.js';
import type { ApiObject } from '../../../src/apiserver/index.js';
import { ConfigMaps } from '../../../src/client/built-in-types.js';
import {
  InProcessClient,
  keyOf,
  resourceType,
  type ClientResult,
  type GetOptions,
  type ObjectKey,
  type Patch,
  type ResourceType,
  type WriteOptions,
} from '../../../src/client/index.js';
import {
  deleteObject,
  readLive,
  removeFinalizer,
  removeOwnerReferences,
} from '../../../src/controllers/garbage-collector/collector-writes.js';
import {
  GarbageCollectorError,
  type CollectedObject,
} from '../../../src/controllers/garbage-collector/index.js';
import { expectRight } from '../../support/either.js';
import {
  createConfigMap,
  exists,
  gcFixture,
  read,
  referenceTo,
  type GcFixture,
} from './gc-fixture.js';

/** A client whose gets and patches fail with a 500. */
class FailingClient extends InProcessClient {
  override get<T extends ApiObject>(
    type: ResourceType<T>,
    key: ObjectKey,
    options?: GetOptions,
  ): ClientResult<T> {
    return key.name === 'unreadable'
      ? Promise.resolve(left(internalError({ message: 'disk on fire' })))
      : super.get(type, key, options);
  }

  override patch<T extends ApiObject>(
    _type: ResourceType<T>,
    _key: ObjectKey,
    _patch: Patch,
    _options?: WriteOptions,
  ): ClientResult<T> {
    return Promise.resolve(left(internalError({ message: 'disk on fire' })));
  }
}

let fixture: GcFixture | undefined;

async function start(): Promise<GcFixture> {
  fixture = await gcFixture({ start: false });
  return fixture;
}

afterEach(() => {
  fixture?.stop();
  fixture = undefined;
});

/** ConfigMaps, untyped, as the collector names every resource. */
const CONFIG_MAPS = resourceType({
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  namespaced: true,
});

function target(object: ApiObject): CollectedObject {
  return { type: CONFIG_MAPS, key: keyOf(object), uid: object.metadata?.uid ?? '' };
}

describe('readLive', () => {
  it('answers the object while it has the uid', async () => {
    const f = await start();
    const object = await createConfigMap(f, 'settings');
    expect((await readLive(f.client, target(object), 'ReadObject'))?.metadata?.uid).toBe(
      object.metadata?.uid,
    );
  });

  it('answers undefined for an object that is gone, or replaced under its name', async () => {
    const f = await start();
    const object = await createConfigMap(f, 'settings');
    expect(
      await readLive(f.client, { ...target(object), uid: 'other' }, 'ReadOwner'),
    ).toBeUndefined();
    expect(
      await readLive(
        f.client,
        { ...target(object), key: { namespace: 'default', name: 'gone' } },
        'ReadOwner',
      ),
    ).toBeUndefined();
  });

  it('throws a GarbageCollectorError naming the step for any other failure', async () => {
    const f = await start();
    const client = new FailingClient({ server: f.running.server, user: f.client.user });
    const failure = readLive(
      client,
      { type: CONFIG_MAPS, key: { namespace: 'default', name: 'unreadable' }, uid: 'u' },
      'ReadOwner',
    );
    await expect(failure).rejects.toBeInstanceOf(GarbageCollectorError);
    await expect(failure).rejects.toMatchObject({ step: 'ReadOwner', status: { code: 500 } });
  });
});

describe('deleteObject', () => {
  it('deletes the object with the propagation policy', async () => {
    const f = await start();
    const object = await createConfigMap(f, 'settings');
    await deleteObject(f.client, target(object), 'Orphan');
    // Orphan leaves the object waiting on the orphan finalizer.
    expect((await read(f, ConfigMaps, object)).metadata?.finalizers).toStrictEqual(['orphan']);
  });

  it('succeeds without deleting when the object is gone or was replaced', async () => {
    const f = await start();
    const object = await createConfigMap(f, 'settings');
    await deleteObject(f.client, { ...target(object), uid: 'older' }, 'Background');
    expect(await exists(f, ConfigMaps, object)).toBe(true);
    await deleteObject(
      f.client,
      { ...target(object), key: { namespace: 'default', name: 'gone' } },
      'Background',
    );
  });
});

describe('removeOwnerReferences', () => {
  it('removes only the references to the given owners', async () => {
    const f = await start();
    const first = await createConfigMap(f, 'first');
    const second = await createConfigMap(f, 'second');
    const dependent = await createConfigMap(f, 'dependent', [
      referenceTo(first),
      referenceTo(second),
    ]);
    await removeOwnerReferences(f.client, target(dependent), new Set([first.metadata?.uid ?? '']));
    expect((await read(f, ConfigMaps, dependent)).metadata?.ownerReferences).toStrictEqual([
      referenceTo(second),
    ]);
  });

  it('removes the field once no reference remains', async () => {
    const f = await start();
    const owner = await createConfigMap(f, 'owner');
    const dependent = await createConfigMap(f, 'dependent', [referenceTo(owner)]);
    await removeOwnerReferences(f.client, target(dependent), new Set([owner.metadata?.uid ?? '']));
    expect((await read(f, ConfigMaps, dependent)).metadata?.ownerReferences).toBeUndefined();
  });

  it('writes nothing when the object has none of those references', async () => {
    const f = await start();
    const owner = await createConfigMap(f, 'owner');
    const dependent = await createConfigMap(f, 'dependent', [referenceTo(owner)]);
    await removeOwnerReferences(f.client, target(dependent), new Set(['someone-else']));
    expect((await read(f, ConfigMaps, dependent)).metadata?.resourceVersion).toBe(
      dependent.metadata?.resourceVersion,
    );
  });

  it('throws a GarbageCollectorError when the patch fails', async () => {
    const f = await start();
    const owner = await createConfigMap(f, 'owner');
    const dependent = await createConfigMap(f, 'dependent', [referenceTo(owner)]);
    const client = new FailingClient({ server: f.running.server, user: f.client.user });
    await expect(
      removeOwnerReferences(client, target(dependent), new Set([owner.metadata?.uid ?? ''])),
    ).rejects.toMatchObject({ name: 'GarbageCollectorError', step: 'RemoveOwnerReferences' });
  });
});

describe('removeFinalizer', () => {
  it('removes the finalizer and keeps the others', async () => {
    const f = await start();
    const object = expectRight(
      await f.client.create(ConfigMaps, {
        metadata: {
          name: 'held',
          namespace: 'default',
          finalizers: ['example.com/a', 'example.com/b'],
        },
      }),
    );
    await removeFinalizer(f.client, target(object), 'example.com/a');
    expect((await read(f, ConfigMaps, object)).metadata?.finalizers).toStrictEqual([
      'example.com/b',
    ]);
  });

  it('lets the apiserver delete an object being deleted when its last finalizer goes', async () => {
    const f = await start();
    const object = await createConfigMap(f, 'settings');
    expectRight(
      await f.client.delete(ConfigMaps, keyOf(object), { propagationPolicy: 'Foreground' }),
    );
    await removeFinalizer(f.client, target(object), 'foregroundDeletion');
    expect(await exists(f, ConfigMaps, object)).toBe(false);
  });

  it('writes nothing when the object does not have the finalizer', async () => {
    const f = await start();
    const object = await createConfigMap(f, 'settings');
    await removeFinalizer(f.client, target(object), 'orphan');
    expect((await read(f, ConfigMaps, object)).metadata?.resourceVersion).toBe(
      object.metadata?.resourceVersion,
    );
  });

  it('throws a GarbageCollectorError when the patch fails', async () => {
    const f = await start();
    const object = expectRight(
      await f.client.create(ConfigMaps, {
        metadata: { name: 'held', namespace: 'default', finalizers: ['example.com/a'] },
      }),
    );
    const client = new FailingClient({ server: f.running.server, user: f.client.user });
    const failure = removeFinalizer(client, target(object), 'example.com/a');
    await expect(failure).rejects.toMatchObject({ step: 'RemoveFinalizer', status: { code: 500 } });
    await expect(failure).rejects.toThrow(
      'RemoveFinalizer: example.com/a of configmaps default/held',
    );
  });
});
