import { describe, expect, it } from '@jest/globals';
import { isRight } from 'fp-ts/lib/Either.js';
import { createTestEnv } from '../../src/testing/index.js';
import { COLOR_ANNOTATION, colorController, sourceConfigMap } from './support/color-controller.js';
import * as t from 'io-ts';
import {
  ConfigMaps,
  CustomResourceDefinitionsType,
  customResourceType,
  defineCustomResource,
  Namespaces,
  Nodes,
  VirtualClock,
} from '@drydock/core';

describe('createTestEnv', () => {
  it('starts an apiserver on a virtual clock at 2025-01-01 with the system namespaces', async () => {
    const env = await createTestEnv();
    expect(new Date(env.clock.now()).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    const namespaces = await env.client.get(ConfigMaps, { namespace: 'default', name: 'absent' });
    expect(namespaces).toMatchObject({ _tag: 'Left', left: { code: 404 } });
    await env.stop();
  });

  it('gives uids uid-1, uid-2, ... and the same generated names for the same seed', async () => {
    const names = async (seed: number): Promise<string[]> => {
      const env = await createTestEnv({ seed });
      const created = [];
      for (let i = 0; i < 3; i++) {
        const answer = await env.client.create(ConfigMaps, {
          metadata: { namespace: 'default', generateName: 'cm-' },
        });
        if (isRight(answer)) {
          created.push(`${answer.right.metadata?.name ?? ''} ${answer.right.metadata?.uid ?? ''}`);
        }
      }
      await env.stop();
      return created;
    };
    const first = await names(1);
    expect(first).toHaveLength(3);
    expect(first.every((entry) => /^cm-[a-z0-9]{5} uid-\d+$/.test(entry))).toBe(true);
    expect(await names(1)).toEqual(first);
    expect(await names(2)).not.toEqual(first);
  });

  it('uses the clock it is given', async () => {
    const clock = new VirtualClock({ start: Date.UTC(2030, 5, 1) });
    const env = await createTestEnv({ clock });
    expect(env.clock).toBe(clock);
    await env.stop();
  });

  it('starts the controllers it is given, named after their factory', async () => {
    const env = await createTestEnv({ controllers: [colorController] });
    await env.client.create(ConfigMaps, sourceConfigMap('app', 'blue'));
    await env.settle();
    expect(env.controllers.map((controller) => controller.name)).toEqual(['colorController']);
    const app = await env.until(
      ConfigMaps,
      { namespace: 'default', name: 'app' },
      (object) => object?.metadata?.annotations?.[COLOR_ANNOTATION] === 'blue',
    );
    expect(app?.metadata?.annotations?.[COLOR_ANNOTATION]).toBe('blue');
    await env.stop();
  });

  it('answers a client as another user, refused by RBAC', async () => {
    const env = await createTestEnv();
    const answer = await env.clientAs('alice').create(ConfigMaps, sourceConfigMap('app', 'red'));
    expect(answer).toMatchObject({ _tag: 'Left', left: { code: 403, reason: 'Forbidden' } });
    await env.stop();
  });
});

describe('createTestEnv with crds', () => {
  it('serves the CRDs it is given before the test starts', async () => {
    const Widget = defineCustomResource({
      group: 'example.com',
      version: 'v1',
      kind: 'Widget',
      plural: 'widgets',
      scope: 'Namespaced',
      spec: t.type({ size: t.number }),
    });
    const env = await createTestEnv({ crds: [Widget.crd] });
    const widgets = customResourceType(Widget);
    const created = await env.client.create(widgets, {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { namespace: 'default', name: 'w' },
      spec: { size: 3 },
    });
    expect(created).toMatchObject({
      right: { spec: { size: 3 }, metadata: { uid: expect.any(String) } },
    });
    const crd = await env.client.get(CustomResourceDefinitionsType, {
      name: 'widgets.example.com',
    });
    expect(crd).toMatchObject({
      right: {
        status: {
          conditions: [
            { type: 'NamesAccepted', status: 'True' },
            { type: 'Established', status: 'True' },
          ],
        },
      },
    });
    await env.stop();
  });
});

describe('createTestEnv with nodes', () => {
  it('creates the nodes it is asked for, Ready, with their capacity', async () => {
    const env = await createTestEnv({
      nodes: [
        { name: 'big', capacity: { cpu: '64' } },
        { name: 'small', labels: { zone: 'a' } },
      ],
    });
    const big = await env.client.get(Nodes, { name: 'big' });
    expect(big).toMatchObject({
      right: {
        metadata: { labels: { 'kubernetes.io/hostname': 'big' } },
        status: {
          capacity: { cpu: '64', memory: '16Gi', pods: '110' },
          conditions: [{ type: 'Ready', status: 'True' }],
        },
      },
    });
    const counted = await createTestEnv({ nodes: 3 });
    const listed = await counted.client.list(Nodes);
    expect(listed).toMatchObject({
      right: { items: [{ metadata: { name: 'node-1' } }, {}, { metadata: { name: 'node-3' } }] },
    });
    await env.stop();
    await counted.stop();
  });
});

describe('createTestEnv with the built-in controllers', () => {
  it('collects the dependents of a deleted owner and empties a deleted namespace', async () => {
    const env = await createTestEnv({ builtInControllers: true });
    const owner = await env.client.create(ConfigMaps, {
      metadata: { namespace: 'default', name: 'owner' },
      data: {},
    });
    if (owner._tag === 'Left') {
      throw new Error(owner.left.message ?? '');
    }
    await env.client.create(ConfigMaps, {
      metadata: {
        namespace: 'default',
        name: 'dependent',
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            name: 'owner',
            uid: owner.right.metadata?.uid ?? '',
          },
        ],
      },
      data: {},
    });
    await env.client.delete(ConfigMaps, { namespace: 'default', name: 'owner' });
    const dependent = await env.until(
      ConfigMaps,
      { namespace: 'default', name: 'dependent' },
      (object) => object === undefined,
    );
    expect(dependent).toBeUndefined();

    await env.client.create(Namespaces, { metadata: { name: 'team' } });
    await env.client.create(ConfigMaps, {
      metadata: { namespace: 'team', name: 'settings' },
      data: {},
    });
    await env.client.delete(Namespaces, { name: 'team' });
    const gone = await env.until(Namespaces, { name: 'team' }, (object) => object === undefined);
    expect(gone).toBeUndefined();
    await env.stop();
  });
});
