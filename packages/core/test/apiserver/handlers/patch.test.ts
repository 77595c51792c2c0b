import { describe, expect, it } from '@jest/globals';
import { isRight } from 'fp-ts/lib/Either.js';
import { defineResource } from '../../../src/api/registry/index.js';
import type { ApiObject } from '../../../src/apiserver/index.js';
import { apiServerFixture } from '../support/api-server-fixture.js';
import { configMapBody, deploymentBody, inNamespace } from './handler-test-support.js';

type Fixture = ReturnType<typeof apiServerFixture>;

const patchConfigMap = (
  patchType: 'json' | 'merge' | 'strategic' | 'apply',
  body: unknown,
  options = {},
) => inNamespace('configmaps', { verb: 'patch', name: 'cfg', patchType, body, options });

const createConfigMap = (fixture: Fixture): Promise<ApiObject> =>
  fixture.ok(
    inNamespace('configmaps', { verb: 'create', body: configMapBody('cfg', { a: '1', b: '2' }) }),
  );

/** A custom resource served without a codec, as a CRD's is before its strategy is set. */
function withWidgets(fixture: Fixture): void {
  const registered = fixture.server.registry.register(
    defineResource({
      group: 'example.com',
      version: 'v1',
      kind: 'Widget',
      plural: 'widgets',
      namespaced: true,
    }),
  );
  expect(isRight(registered)).toBe(true);
}

const widgets = { group: 'example.com', version: 'v1', resource: 'widgets' };

describe('patch', () => {
  it('applies a merge patch: 200 with the merged object', async () => {
    const fixture = apiServerFixture();
    await createConfigMap(fixture);
    const result = await fixture.send(patchConfigMap('merge', { data: { a: null, c: '3' } }));
    expect(isRight(result) && result.right.code).toBe(200);
    expect(isRight(result) && result.right.body).toMatchObject({
      data: { b: '2', c: '3' },
      metadata: { resourceVersion: '2' },
    });
  });

  it('applies a JSON patch', async () => {
    const fixture = apiServerFixture();
    await createConfigMap(fixture);
    const patched = await fixture.ok(
      patchConfigMap('json', [
        { op: 'test', path: '/data/a', value: '1' },
        { op: 'replace', path: '/data/a', value: 'one' },
        { op: 'remove', path: '/data/b' },
      ]),
    );
    expect(patched['data']).toEqual({ a: 'one' });
  });

  it('lets a JSON patch test the stored resourceVersion, as optimistic concurrency', async () => {
    const fixture = apiServerFixture();
    const created = await createConfigMap(fixture);
    const version = created.metadata?.resourceVersion ?? '';
    const patch = [
      { op: 'test', path: '/metadata/resourceVersion', value: version },
      { op: 'add', path: '/metadata/finalizers', value: ['example.com/hold'] },
    ];
    const patched = await fixture.ok(patchConfigMap('json', patch));
    expect(patched.metadata?.finalizers).toStrictEqual(['example.com/hold']);
    expect(patched.metadata?.resourceVersion).not.toBe(version);
    // The same patch again tests a resourceVersion that is no longer the stored one.
    expect((await fixture.fail(patchConfigMap('json', patch))).code).toBe(422);
  });

  it('answers 422 for a JSON patch whose test fails, and writes nothing', async () => {
    const fixture = apiServerFixture();
    await createConfigMap(fixture);
    const status = await fixture.fail(
      patchConfigMap('json', [{ op: 'test', path: '/data/a', value: 'nope' }]),
    );
    expect(status).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message: 'the server rejected our request due to an error in our request',
    });
    expect(fixture.store.revision).toBe(1);
  });

  it('answers 400 for a merge patch that is not an object', async () => {
    const fixture = apiServerFixture();
    await createConfigMap(fixture);
    const status = await fixture.fail(patchConfigMap('merge', ['x']));
    expect(status).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('answers 415 for a patch without a patch type', async () => {
    const fixture = apiServerFixture();
    await createConfigMap(fixture);
    const status = await fixture.fail(
      inNamespace('configmaps', { verb: 'patch', name: 'cfg', body: {} }),
    );
    expect(status).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' });
    expect(status.message).toContain('application/strategic-merge-patch+json');
  });

  it('answers 404 for a patch of a missing object', async () => {
    const fixture = apiServerFixture();
    const status = await fixture.fail(patchConfigMap('merge', { data: { a: 'x' } }));
    expect(status).toMatchObject({ code: 404, message: 'configmaps "cfg" not found' });
  });

  it('answers 409 for a patch that sets a stale resourceVersion', async () => {
    const fixture = apiServerFixture();
    await createConfigMap(fixture);
    await fixture.ok(patchConfigMap('merge', { data: { a: 'x' } }));
    const status = await fixture.fail(
      patchConfigMap('merge', { metadata: { resourceVersion: '1' }, data: { a: 'y' } }),
    );
    expect(status).toMatchObject({ code: 409, reason: 'Conflict' });
    expect(status.message).toMatch(/the object has been modified/);
    expect(fixture.store.revision).toBe(2);
    const current = await fixture.ok(
      patchConfigMap('merge', { metadata: { resourceVersion: '2' }, data: { a: 'z' } }),
    );
    expect(current['data']).toMatchObject({ a: 'z' });
  });

  it('answers 400 for a patch that renames the object', async () => {
    const fixture = apiServerFixture();
    await createConfigMap(fixture);
    const status = await fixture.fail(patchConfigMap('merge', { metadata: { name: 'other' } }));
    expect(status).toMatchObject({
      code: 400,
      message: 'the name of the object (other) does not match the name on the URL (cfg)',
    });
  });

  describe('strategic merge', () => {
    async function createTwoContainerPod(fixture: Fixture): Promise<ApiObject> {
      return fixture.ok(
        inNamespace('pods', {
          verb: 'create',
          body: {
            metadata: { name: 'web' },
            spec: {
              containers: [
                { name: 'app', image: 'nginx:1.25' },
                { name: 'sidecar', image: 'busybox:1' },
              ],
            },
          },
        }),
      );
    }

    it('merges pod containers by name', async () => {
      const fixture = apiServerFixture();
      await createTwoContainerPod(fixture);
      const patched = await fixture.ok(
        inNamespace('pods', {
          verb: 'patch',
          name: 'web',
          patchType: 'strategic',
          body: { spec: { containers: [{ name: 'sidecar', image: 'busybox:2' }] } },
        }),
      );
      const containers = (patched['spec'] as { containers: { name: string; image: string }[] })
        .containers;
      expect(containers.map((c) => [c.name, c.image])).toEqual([
        ['app', 'nginx:1.25'],
        ['sidecar', 'busybox:2'],
      ]);
    });

    it('answers 415 for a strategic merge patch of a resource without a schema', async () => {
      const fixture = apiServerFixture();
      withWidgets(fixture);
      await fixture.ok({
        verb: 'create',
        resource: widgets,
        namespace: 'default',
        body: { metadata: { name: 'w' }, spec: { size: 1 } },
      });
      const status = await fixture.fail({
        verb: 'patch',
        resource: widgets,
        namespace: 'default',
        name: 'w',
        patchType: 'strategic',
        body: { spec: { size: 2 } },
      });
      expect(status).toMatchObject({ code: 415, reason: 'UnsupportedMediaType' });
      expect(status.message).not.toContain('strategic');
      expect(fixture.store.revision).toBe(1);
      const merged = await fixture.ok({
        verb: 'patch',
        resource: widgets,
        namespace: 'default',
        name: 'w',
        patchType: 'merge',
        body: { spec: { size: 2 } },
      });
      expect(merged).toMatchObject({
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        spec: { size: 2 },
      });
    });
  });

  describe('apply', () => {
    it('answers 422 without a fieldManager', async () => {
      const fixture = apiServerFixture();
      const status = await fixture.fail(patchConfigMap('apply', configMapBody('cfg')));
      expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
      expect(status.details?.causes).toEqual([
        {
          reason: 'FieldValueRequired',
          field: 'fieldManager',
          message: 'Required value: is required for apply patch',
        },
      ]);
      expect(fixture.store.revision).toBe(0);
    });

    it('creates a missing object with 201', async () => {
      const fixture = apiServerFixture();
      const result = await fixture.send(
        patchConfigMap('apply', configMapBody('cfg'), { fieldManager: 'me' }),
      );
      expect(isRight(result) && result.right.code).toBe(201);
      expect(isRight(result) && result.right.body).toMatchObject({
        data: { key: 'value' },
        metadata: { name: 'cfg', resourceVersion: '1' },
      });
    });

    it('merges into an existing object with 200', async () => {
      const fixture = apiServerFixture();
      await createConfigMap(fixture);
      const result = await fixture.send(
        patchConfigMap('apply', configMapBody('cfg', { c: '3' }), { fieldManager: 'me' }),
      );
      expect(isRight(result) && result.right.code).toBe(200);
      expect(isRight(result) && result.right.body['data']).toEqual({ a: '1', b: '2', c: '3' });
    });
  });

  it('patches only the status through the status subresource', async () => {
    const fixture = apiServerFixture();
    await fixture.ok(
      inNamespace('deployments.apps', { verb: 'create', body: deploymentBody('web') }),
    );
    const patched = await fixture.ok(
      inNamespace('deployments.apps', {
        verb: 'patch',
        subresource: 'status',
        name: 'web',
        patchType: 'merge',
        body: { spec: { replicas: 5 }, status: { replicas: 2 } },
      }),
    );
    expect(patched).toMatchObject({
      spec: { replicas: 1 },
      status: { replicas: 2 },
      metadata: { generation: 1 },
    });
  });

  it('ignores status in a patch of the main endpoint', async () => {
    const fixture = apiServerFixture();
    await fixture.ok(
      inNamespace('deployments.apps', { verb: 'create', body: deploymentBody('web') }),
    );
    const patched = await fixture.ok(
      inNamespace('deployments.apps', {
        verb: 'patch',
        name: 'web',
        patchType: 'merge',
        body: { spec: { replicas: 5 }, status: { replicas: 2 } },
      }),
    );
    expect(patched).toMatchObject({ spec: { replicas: 5 }, metadata: { generation: 2 } });
    expect(patched['status']).toBeUndefined();
  });

  it("scales a deployment with kubectl scale's merge patch on the scale subresource", async () => {
    const fixture = apiServerFixture();
    await fixture.ok(
      inNamespace('deployments.apps', { verb: 'create', body: deploymentBody('web') }),
    );
    const scale = await fixture.ok(
      inNamespace('deployments.apps', {
        verb: 'patch',
        subresource: 'scale',
        name: 'web',
        patchType: 'merge',
        body: { spec: { replicas: 3 } },
      }),
    );
    expect(scale).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      spec: { replicas: 3 },
      metadata: { resourceVersion: '2' },
    });
    const deployment = await fixture.ok(
      inNamespace('deployments.apps', { verb: 'get', name: 'web' }),
    );
    expect(deployment).toMatchObject({ spec: { replicas: 3 }, metadata: { generation: 2 } });
  });

  it('writes nothing for a patch that changes nothing', async () => {
    const fixture = apiServerFixture();
    const created = await createConfigMap(fixture);
    const same = await fixture.ok(patchConfigMap('merge', { data: { a: '1' } }));
    expect(same).toBe(created);
    expect(fixture.store.revision).toBe(1);
  });
});
