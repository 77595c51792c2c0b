import { afterEach, describe, expect, it } from '@jest/globals';
import * as t from 'io-ts';
import { defineCustomResource, type ApiObject } from '../../../src/apiserver/index.js';
import {
  ClusterRoles,
  ConfigMaps,
  CustomResourceDefinitionsType,
  Deployments,
  Namespaces,
  Pods,
  ReplicaSets,
} from '../../../src/client/built-in-types.js';
import { customResourceType } from '../../../src/client/custom-resource-type.js';
import { keyOf } from '../../../src/client/index.js';
import { GarbageCollectorError } from '../../../src/controllers/garbage-collector/index.js';
import { expectRight } from '../../support/either.js';
import {
  createConfigMap,
  exists,
  flush,
  gcFixture,
  read,
  referenceTo,
  type GcFixture,
} from './gc-fixture.js';

let fixture: GcFixture | undefined;

async function start(options: { readonly start?: boolean } = {}): Promise<GcFixture> {
  fixture = await gcFixture(options);
  return fixture;
}

afterEach(() => {
  fixture?.stop();
  fixture = undefined;
});

const HOLD = 'example.com/hold';

async function deleteConfigMap(
  f: GcFixture,
  object: ApiObject,
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan',
): Promise<void> {
  expectRight(
    await f.client.delete(
      ConfigMaps,
      keyOf(object),
      propagationPolicy === undefined ? {} : { propagationPolicy },
    ),
  );
}

describe('garbageCollector, background deletion', () => {
  it('deletes a ConfigMap once the ConfigMap that owns it is deleted', async () => {
    const f = await start();
    const owner = await createConfigMap(f, 'owner');
    const dependent = await createConfigMap(f, 'dependent', [referenceTo(owner)]);
    await flush();
    expect(await exists(f, ConfigMaps, dependent)).toBe(true);

    await deleteConfigMap(f, owner);
    await flush();
    expect(await exists(f, ConfigMaps, owner)).toBe(false);
    expect(await exists(f, ConfigMaps, dependent)).toBe(false);
  });

  it('keeps a dependent that lost one of two owners, without the reference to the lost one', async () => {
    const f = await start();
    const first = await createConfigMap(f, 'first');
    const second = await createConfigMap(f, 'second');
    const dependent = await createConfigMap(f, 'dependent', [
      referenceTo(first),
      referenceTo(second),
    ]);
    await deleteConfigMap(f, first);
    await flush();
    const survivor = await read(f, ConfigMaps, dependent);
    expect(survivor.metadata?.ownerReferences).toStrictEqual([referenceTo(second)]);
  });

  it('collects a chain of three: the grandchild goes after the child', async () => {
    const f = await start();
    const parent = await createConfigMap(f, 'parent');
    const child = await createConfigMap(f, 'child', [referenceTo(parent)]);
    const grandchild = await createConfigMap(f, 'grandchild', [referenceTo(child)]);
    await deleteConfigMap(f, parent);
    await flush();
    expect(await exists(f, ConfigMaps, child)).toBe(false);
    expect(await exists(f, ConfigMaps, grandchild)).toBe(false);
  });

  it('deletes the ReplicaSet and the Pods of a deleted Deployment', async () => {
    const f = await start();
    const deployment = expectRight(
      await f.client.create(Deployments, {
        metadata: { name: 'web', namespace: 'default' },
        spec: {
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'web', image: 'nginx' }] },
          },
        },
      }),
    );
    const replicaSet = expectRight(
      await f.client.create(ReplicaSets, {
        metadata: {
          name: 'web-1',
          namespace: 'default',
          ownerReferences: [
            referenceTo(deployment, { controller: true, blockOwnerDeletion: true }),
          ],
        },
        spec: {
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'web', image: 'nginx' }] },
          },
        },
      }),
    );
    const pods = [];
    for (const name of ['web-1-a', 'web-1-b']) {
      pods.push(
        expectRight(
          await f.client.create(Pods, {
            metadata: {
              name,
              namespace: 'default',
              labels: { app: 'web' },
              ownerReferences: [
                referenceTo(replicaSet, { controller: true, blockOwnerDeletion: true }),
              ],
            },
            spec: { containers: [{ name: 'web', image: 'nginx' }] },
          }),
        ),
      );
    }
    await flush();
    expectRight(await f.client.delete(Deployments, keyOf(deployment)));
    await flush();
    expect(await exists(f, ReplicaSets, replicaSet)).toBe(false);
    for (const pod of pods) {
      expect(await exists(f, Pods, pod)).toBe(false);
    }
  });

  it('collects dependents whose owner was gone before it started', async () => {
    const f = await start({ start: false });
    const owner = await createConfigMap(f, 'owner');
    const dependent = await createConfigMap(f, 'dependent', [referenceTo(owner)]);
    await deleteConfigMap(f, owner);
    await flush();
    expect(await exists(f, ConfigMaps, dependent)).toBe(true);

    f.startCollector();
    await flush();
    expect(await exists(f, ConfigMaps, dependent)).toBe(false);
  });

  it('treats an owner recreated under the same name (another uid) as gone', async () => {
    const f = await start({ start: false });
    const owner = await createConfigMap(f, 'owner');
    const dependent = await createConfigMap(f, 'dependent', [referenceTo(owner)]);
    await deleteConfigMap(f, owner);
    const recreated = await createConfigMap(f, 'owner');
    f.startCollector();
    await flush();
    expect(await exists(f, ConfigMaps, dependent)).toBe(false);
    expect(await exists(f, ConfigMaps, recreated)).toBe(true);
  });

  it('looks for a namespaced owner only in the namespace of its dependent', async () => {
    const f = await start();
    expectRight(await f.client.create(Namespaces, { metadata: { name: 'other' } }));
    const owner = await createConfigMap(f, 'owner');
    const elsewhere = expectRight(
      await f.client.create(ConfigMaps, {
        metadata: { name: 'elsewhere', namespace: 'other', ownerReferences: [referenceTo(owner)] },
      }),
    );
    await flush();
    expect(await exists(f, ConfigMaps, elsewhere)).toBe(false);
    expect(await exists(f, ConfigMaps, owner)).toBe(true);
  });

  it('deletes namespaced dependents of a deleted cluster-scoped owner', async () => {
    const f = await start();
    const owner = expectRight(
      await f.client.create(ClusterRoles, { metadata: { name: 'reader' }, rules: [] }),
    );
    const dependent = await createConfigMap(f, 'dependent', [referenceTo(owner)]);
    await flush();
    expect(await exists(f, ConfigMaps, dependent)).toBe(true);

    expectRight(await f.client.delete(ClusterRoles, keyOf(owner)));
    await flush();
    expect(await exists(f, ConfigMaps, dependent)).toBe(false);
  });

  it('deletes a cluster-scoped object whose owner is namespaced (such an owner cannot exist)', async () => {
    const f = await start();
    const owner = await createConfigMap(f, 'owner');
    const dependent = expectRight(
      await f.client.create(ClusterRoles, {
        metadata: { name: 'reader', ownerReferences: [referenceTo(owner)] },
        rules: [],
      }),
    );
    await flush();
    expect(await exists(f, ClusterRoles, dependent)).toBe(false);
  });

  it('keeps objects whose owners exist, without writing to them', async () => {
    const f = await start();
    const owner = await createConfigMap(f, 'owner');
    const dependent = await createConfigMap(f, 'dependent', [referenceTo(owner)]);
    await flush();
    const after = await read(f, ConfigMaps, dependent);
    expect(after.metadata?.resourceVersion).toBe(dependent.metadata?.resourceVersion);
  });

  it('leaves a dependent whose owners look solid alone when its data changes, and examines one whose owner is missing', async () => {
    const f = await start();
    const owner = await createConfigMap(f, 'owner');
    const dependent = await createConfigMap(f, 'dependent', [referenceTo(owner)]);
    await flush();
    const examined = (object: ApiObject): number =>
      f.outcomes.filter((outcome) => outcome.key === object.metadata?.uid).length;
    const before = examined(dependent);
    const current = await read(f, ConfigMaps, dependent);
    expectRight(await f.client.update(ConfigMaps, { ...current, data: { changed: 'yes' } }));
    await flush();
    expect(examined(dependent)).toBe(before);

    const orphan = await createConfigMap(f, 'orphan', [
      { ...referenceTo(owner), uid: 'no-such-owner' },
    ]);
    await flush();
    expect(examined(orphan)).toBeGreaterThan(0);
    expect(await exists(f, ConfigMaps, orphan)).toBe(false);
  });

  it('fails (and keeps the dependent) when an owner kind is not served', async () => {
    const f = await start();
    const dependent = await createConfigMap(f, 'dependent', [
      { apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: 'widget-uid' },
    ]);
    await flush();
    expect(await exists(f, ConfigMaps, dependent)).toBe(true);
    const failure = f.outcomes.find((outcome) => outcome.request.name === dependent.metadata?.uid);
    expect(failure?.result).toMatchObject({ _tag: 'Failed', terminal: false });
    const error = failure?.result._tag === 'Failed' ? failure.result.error : undefined;
    expect(error).toBeInstanceOf(GarbageCollectorError);
    expect(error).toMatchObject({ step: 'UnknownOwnerKind' });
  });

  it('retries with backoff, and collects the dependent once the owner kind is served and the owner absent', async () => {
    const f = await start();
    const dependent = await createConfigMap(f, 'dependent', [
      { apiVersion: 'example.com/v1', kind: 'Gadget', name: 'g', uid: 'gadget-uid' },
    ]);
    await flush();
    const failures = (): number =>
      f.outcomes.filter(
        (outcome) =>
          outcome.request.name === dependent.metadata?.uid && outcome.result._tag === 'Failed',
      ).length;
    expect(failures()).toBe(1);
    await f.clock.advanceAsync('5ms');
    await flush();
    expect(failures()).toBe(2);

    const Gadget = defineCustomResource({
      group: 'example.com',
      version: 'v1',
      kind: 'Gadget',
      plural: 'gadgets',
      scope: 'Namespaced',
      spec: t.type({ size: t.string }),
    });
    expectRight(await f.client.create(CustomResourceDefinitionsType, Gadget.crd));
    await f.running.settled();
    await flush();
    expect(await exists(f, ConfigMaps, dependent)).toBe(true);
    // The second failure backs off for 10 ms.
    await f.clock.advanceAsync('10ms');
    await flush();
    expect(await exists(f, ConfigMaps, dependent)).toBe(false);
  });

  it('collects custom resources of a CRD established after it started', async () => {
    const f = await start();
    const Widget = defineCustomResource({
      group: 'example.com',
      version: 'v1',
      kind: 'Widget',
      plural: 'widgets',
      scope: 'Namespaced',
      spec: t.type({ size: t.string }),
    });
    const Widgets = customResourceType(Widget);
    expectRight(await f.client.create(CustomResourceDefinitionsType, Widget.crd));
    await f.running.settled();
    await flush();
    const owner = await createConfigMap(f, 'owner');
    const widget = expectRight(
      await f.client.create(Widgets, {
        apiVersion: Widget.apiVersion,
        kind: Widget.kind,
        metadata: { name: 'w', namespace: 'default', ownerReferences: [referenceTo(owner)] },
        spec: { size: 'large' },
      }),
    );
    await flush();
    expect(await exists(f, Widgets, widget)).toBe(true);

    await deleteConfigMap(f, owner);
    await flush();
    expect(await exists(f, Widgets, widget)).toBe(false);
  });

  it('stops collecting once unsubscribed', async () => {
    const f = await start();
    const owner = await createConfigMap(f, 'owner');
    const dependent = await createConfigMap(f, 'dependent', [referenceTo(owner)]);
    await flush();
    f.stop();
    await deleteConfigMap(f, owner);
    await flush();
    expect(await exists(f, ConfigMaps, dependent)).toBe(true);
  });
});

describe('garbageCollector, foreground deletion', () => {
  it('waits for a blocking dependent to be gone, then lets the owner go', async () => {
    const f = await start();
    const owner = await createConfigMap(f, 'owner');
    const dependent = expectRight(
      await f.client.create(ConfigMaps, {
        metadata: {
          name: 'dependent',
          namespace: 'default',
          finalizers: [HOLD],
          ownerReferences: [referenceTo(owner, { blockOwnerDeletion: true })],
        },
      }),
    );
    await deleteConfigMap(f, owner, 'Foreground');
    await flush();
    const waiting = await read(f, ConfigMaps, owner);
    expect(waiting.metadata?.finalizers).toStrictEqual(['foregroundDeletion']);
    const deleting = await read(f, ConfigMaps, dependent);
    expect(deleting.metadata?.deletionTimestamp).toBeDefined();
    // Its own foregroundDeletion is gone already: it has no dependents to wait for.
    expect(deleting.metadata?.finalizers).toStrictEqual([HOLD]);

    expectRight(
      await f.client.patch(ConfigMaps, keyOf(dependent), {
        type: 'json',
        body: [{ op: 'remove', path: '/metadata/finalizers' }],
      }),
    );
    await flush();
    expect(await exists(f, ConfigMaps, dependent)).toBe(false);
    expect(await exists(f, ConfigMaps, owner)).toBe(false);
  });

  it('does not wait for dependents that do not block their owner', async () => {
    const f = await start();
    const owner = await createConfigMap(f, 'owner');
    const dependent = expectRight(
      await f.client.create(ConfigMaps, {
        metadata: {
          name: 'dependent',
          namespace: 'default',
          finalizers: [HOLD],
          ownerReferences: [referenceTo(owner)],
        },
      }),
    );
    await deleteConfigMap(f, owner, 'Foreground');
    await flush();
    expect(await exists(f, ConfigMaps, owner)).toBe(false);
    const deleting = await read(f, ConfigMaps, dependent);
    expect(deleting.metadata?.deletionTimestamp).toBeDefined();
  });

  it('deletes a chain of three from the bottom up', async () => {
    const f = await start();
    const parent = await createConfigMap(f, 'parent');
    const child = await createConfigMap(f, 'child', [
      referenceTo(parent, { blockOwnerDeletion: true }),
    ]);
    const grandchild = await createConfigMap(f, 'grandchild', [
      referenceTo(child, { blockOwnerDeletion: true }),
    ]);
    await deleteConfigMap(f, parent, 'Foreground');
    await flush();
    for (const object of [parent, child, grandchild]) {
      expect(await exists(f, ConfigMaps, object)).toBe(false);
    }
  });

  it('keeps a dependent with another owner, dropping the reference to the deleted one', async () => {
    const f = await start();
    const owner = await createConfigMap(f, 'owner');
    const other = await createConfigMap(f, 'other');
    const dependent = await createConfigMap(f, 'dependent', [
      referenceTo(owner, { blockOwnerDeletion: true }),
      referenceTo(other),
    ]);
    await deleteConfigMap(f, owner, 'Foreground');
    await flush();
    expect(await exists(f, ConfigMaps, owner)).toBe(false);
    const survivor = await read(f, ConfigMaps, dependent);
    expect(survivor.metadata?.ownerReferences).toStrictEqual([referenceTo(other)]);
  });
});

describe('garbageCollector, orphaning', () => {
  it('keeps the dependents without the reference to the deleted owner', async () => {
    const f = await start();
    const owner = await createConfigMap(f, 'owner');
    const other = await createConfigMap(f, 'other');
    const sole = await createConfigMap(f, 'sole', [referenceTo(owner)]);
    const shared = await createConfigMap(f, 'shared', [referenceTo(owner), referenceTo(other)]);
    await deleteConfigMap(f, owner, 'Orphan');
    await flush();
    expect(await exists(f, ConfigMaps, owner)).toBe(false);
    expect((await read(f, ConfigMaps, sole)).metadata?.ownerReferences).toBeUndefined();
    expect((await read(f, ConfigMaps, shared)).metadata?.ownerReferences).toStrictEqual([
      referenceTo(other),
    ]);
  });

  it('keeps the owner while another finalizer remains, without its orphan finalizer', async () => {
    const f = await start();
    const owner = expectRight(
      await f.client.create(ConfigMaps, {
        metadata: { name: 'owner', namespace: 'default', finalizers: [HOLD] },
      }),
    );
    const dependent = await createConfigMap(f, 'dependent', [referenceTo(owner)]);
    await deleteConfigMap(f, owner, 'Orphan');
    await flush();
    expect((await read(f, ConfigMaps, owner)).metadata?.finalizers).toStrictEqual([HOLD]);
    expect((await read(f, ConfigMaps, dependent)).metadata?.ownerReferences).toBeUndefined();
  });
});
