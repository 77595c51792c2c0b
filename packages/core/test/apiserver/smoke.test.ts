import { describe, expect, it } from '@jest/globals';
import { apiServerFixture, gvr } from './support/api-server-fixture.js';

describe('apiserver smoke', () => {
  it('creates, reads, lists, updates, patches and deletes a config map', async () => {
    const { ok, fail } = apiServerFixture();
    const created = await ok({
      verb: 'create',
      resource: gvr('configmaps'),
      namespace: 'default',
      body: { metadata: { name: 'cfg' }, data: { a: 'b' } },
    });
    expect(created).toMatchObject({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg', namespace: 'default', uid: 'uid-1', resourceVersion: '1' },
    });
    const got = await ok({
      verb: 'get',
      resource: gvr('configmaps'),
      namespace: 'default',
      name: 'cfg',
    });
    expect(got).toBe(created);
    const list = await ok({ verb: 'list', resource: gvr('configmaps'), namespace: 'default' });
    expect(list).toMatchObject({
      kind: 'ConfigMapList',
      metadata: { resourceVersion: '1' },
      items: [created],
    });
    const updated = await ok({
      verb: 'update',
      resource: gvr('configmaps'),
      namespace: 'default',
      name: 'cfg',
      body: { ...created, data: { a: 'c' } },
    });
    expect(updated).toMatchObject({ data: { a: 'c' }, metadata: { resourceVersion: '2' } });
    const stale = await fail({
      verb: 'update',
      resource: gvr('configmaps'),
      namespace: 'default',
      name: 'cfg',
      body: { ...created, data: { a: 'd' } },
    });
    expect(stale).toMatchObject({ code: 409, reason: 'Conflict' });
    const patched = await ok({
      verb: 'patch',
      patchType: 'merge',
      resource: gvr('configmaps'),
      namespace: 'default',
      name: 'cfg',
      body: { data: { x: 'y' } },
    });
    expect(patched).toMatchObject({ data: { a: 'c', x: 'y' } });
    const deleted = await ok({
      verb: 'delete',
      resource: gvr('configmaps'),
      namespace: 'default',
      name: 'cfg',
    });
    expect(deleted).toMatchObject({ metadata: { name: 'cfg' } });
    expect(
      await fail({ verb: 'get', resource: gvr('configmaps'), namespace: 'default', name: 'cfg' }),
    ).toMatchObject({ code: 404, message: 'configmaps "cfg" not found' });
  });

  it('creates a pod with defaults, binds it, and deletes it gracefully', async () => {
    const { ok, fail, clock } = apiServerFixture();
    const pod = await ok({
      verb: 'create',
      resource: gvr('pods'),
      namespace: 'default',
      body: {
        metadata: { generateName: 'web-' },
        spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] },
      },
    });
    const name = pod.metadata?.name ?? '';
    expect(name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(pod).toMatchObject({
      spec: { restartPolicy: 'Always', terminationGracePeriodSeconds: 30 },
      status: { phase: 'Pending' },
    });
    await ok({
      verb: 'create',
      resource: gvr('pods'),
      subresource: 'binding',
      namespace: 'default',
      name,
      body: { target: { kind: 'Node', name: 'n1' } },
    });
    const again = await fail({
      verb: 'create',
      resource: gvr('pods'),
      subresource: 'binding',
      namespace: 'default',
      name,
      body: { target: { kind: 'Node', name: 'n2' } },
    });
    expect(again.code).toBe(409);
    clock.advance(1000);
    const deleting = await ok({
      verb: 'delete',
      resource: gvr('pods'),
      namespace: 'default',
      name,
    });
    expect(deleting.metadata).toMatchObject({
      deletionGracePeriodSeconds: 30,
      deletionTimestamp: '2025-01-01T00:00:31Z',
    });
    await ok({
      verb: 'delete',
      resource: gvr('pods'),
      namespace: 'default',
      name,
      options: { gracePeriodSeconds: 0 },
    });
    expect(
      (await fail({ verb: 'get', resource: gvr('pods'), namespace: 'default', name })).code,
    ).toBe(404);
  });
});
