import { describe, expect, it } from '@jest/globals';
import { isRight } from 'fp-ts/lib/Either.js';
import type { ApiObject } from '../../../src/apiserver/index.js';
import { apiServerFixture } from '../support/api-server-fixture.js';
import { configMapBody, deploymentBody, inNamespace } from './handler-test-support.js';

type Fixture = ReturnType<typeof apiServerFixture>;

const createDeployment = (fixture: Fixture, replicas = 1): Promise<ApiObject> =>
  fixture.ok(
    inNamespace('deployments.apps', { verb: 'create', body: deploymentBody('web', replicas) }),
  );

const updateDeployment = (body: ApiObject, subresource?: string) =>
  inNamespace('deployments.apps', {
    verb: 'update',
    name: 'web',
    body,
    ...(subresource === undefined ? {} : { subresource }),
  });

const withSpec = (object: ApiObject, spec: Record<string, unknown>): ApiObject => ({
  ...object,
  spec: { ...(object['spec'] as Record<string, unknown>), ...spec },
});

describe('update', () => {
  it('answers 200 with the stored object at a new resourceVersion', async () => {
    const fixture = apiServerFixture();
    const created = await fixture.ok(
      inNamespace('configmaps', { verb: 'create', body: configMapBody('cfg') }),
    );
    const result = await fixture.send(
      inNamespace('configmaps', {
        verb: 'update',
        name: 'cfg',
        body: { ...created, data: { key: 'new' } },
      }),
    );
    expect(isRight(result) && result.right.code).toBe(200);
    expect(isRight(result) && result.right.body).toMatchObject({
      data: { key: 'new' },
      metadata: {
        resourceVersion: '2',
        uid: 'uid-1',
        creationTimestamp: '2025-01-01T00:00:00Z',
        namespace: 'default',
      },
    });
  });

  it('answers 409 Conflict for a stale resourceVersion, with upstream message', async () => {
    const fixture = apiServerFixture();
    const created = await createDeployment(fixture);
    await fixture.ok(updateDeployment(withSpec(created, { replicas: 2 })));
    const revision = fixture.store.revision;
    const status = await fixture.fail(updateDeployment(withSpec(created, { replicas: 3 })));
    expect(status).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
      details: { name: 'web', group: 'apps', kind: 'deployments' },
    });
    expect(fixture.store.revision).toBe(revision);
  });

  it('updates whatever is stored when the body has no resourceVersion', async () => {
    const fixture = apiServerFixture();
    await fixture.ok(inNamespace('configmaps', { verb: 'create', body: configMapBody('cfg') }));
    await fixture.ok(
      inNamespace('configmaps', {
        verb: 'update',
        name: 'cfg',
        body: configMapBody('cfg', { key: 'b' }),
      }),
    );
    const updated = await fixture.ok(
      inNamespace('configmaps', {
        verb: 'update',
        name: 'cfg',
        body: configMapBody('cfg', { key: 'c' }),
      }),
    );
    expect(updated).toMatchObject({
      data: { key: 'c' },
      metadata: { resourceVersion: '3', namespace: 'default', uid: 'uid-1' },
    });
  });

  it('answers 400 when the body names another object or namespace, or none', async () => {
    const fixture = apiServerFixture();
    await fixture.ok(inNamespace('configmaps', { verb: 'create', body: configMapBody('cfg') }));
    const otherName = await fixture.fail(
      inNamespace('configmaps', { verb: 'update', name: 'cfg', body: configMapBody('other') }),
    );
    expect(otherName).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: 'the name of the object (other) does not match the name on the URL (cfg)',
    });
    const otherNamespace = await fixture.fail(
      inNamespace('configmaps', {
        verb: 'update',
        name: 'cfg',
        body: { metadata: { name: 'cfg', namespace: 'x' } },
      }),
    );
    expect(otherNamespace.message).toBe(
      'the namespace of the object (x) does not match the namespace on the request (default)',
    );
    const noName = await fixture.fail(
      inNamespace('configmaps', { verb: 'update', name: 'cfg', body: { data: {} } }),
    );
    expect(noName.message).toBe(
      'the name of the object (cfg based on URL) was undeterminable: name must be provided',
    );
    expect(fixture.store.revision).toBe(1);
  });

  it('answers 404 for a missing object', async () => {
    const fixture = apiServerFixture();
    const status = await fixture.fail(
      inNamespace('configmaps', { verb: 'update', name: 'cfg', body: configMapBody('cfg') }),
    );
    expect(status).toMatchObject({
      code: 404,
      reason: 'NotFound',
      message: 'configmaps "cfg" not found',
    });
  });

  it('answers 422 for a change of an immutable field', async () => {
    const fixture = apiServerFixture();
    const created = await createDeployment(fixture);
    const status = await fixture.fail(
      updateDeployment(withSpec(created, { selector: { matchLabels: { app: 'other' } } })),
    );
    expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(status.details?.causes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'spec.selector', reason: 'FieldValueInvalid' }),
      ]),
    );
    const uid = await fixture.fail(
      updateDeployment({ ...created, metadata: { ...created.metadata, uid: 'other' } }),
    );
    expect(uid.details?.causes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'metadata.uid',
          message: 'Invalid value: "other": field is immutable',
        }),
      ]),
    );
    expect(fixture.store.revision).toBe(1);
  });

  it('ignores status changes on the main endpoint of a resource with a status subresource', async () => {
    const fixture = apiServerFixture();
    const created = await createDeployment(fixture);
    const updated = await fixture.ok(
      updateDeployment({ ...withSpec(created, { replicas: 4 }), status: { replicas: 7 } }),
    );
    expect(updated['status']).toBeUndefined();
    expect(updated['spec']).toMatchObject({ replicas: 4 });
  });

  it('changes only the status through the status subresource', async () => {
    const fixture = apiServerFixture();
    const created = await createDeployment(fixture);
    const updated = await fixture.ok(
      updateDeployment(
        {
          ...withSpec(created, { replicas: 9 }),
          metadata: { ...created.metadata, labels: { x: 'y' } },
          status: { replicas: 1 },
        },
        'status',
      ),
    );
    expect(updated['status']).toMatchObject({ replicas: 1 });
    expect(updated['spec']).toMatchObject({ replicas: 1 });
    expect(updated.metadata?.generation).toBe(1);
  });

  it('bumps the generation of a deployment only when its spec changes', async () => {
    const fixture = apiServerFixture();
    const created = await createDeployment(fixture);
    const labelled = await fixture.ok(
      updateDeployment({ ...created, metadata: { ...created.metadata, labels: { a: 'b' } } }),
    );
    expect(labelled.metadata?.generation).toBe(1);
    const scaled = await fixture.ok(updateDeployment(withSpec(labelled, { replicas: 3 })));
    expect(scaled.metadata?.generation).toBe(2);
    const status = await fixture.ok(
      updateDeployment({ ...scaled, status: { replicas: 3 } }, 'status'),
    );
    expect(status.metadata?.generation).toBe(2);
  });

  it('ignores a client-set generation', async () => {
    const fixture = apiServerFixture();
    const created = await createDeployment(fixture);
    const updated = await fixture.ok(
      updateDeployment({ ...created, metadata: { ...created.metadata, generation: 40 } }),
    );
    expect(updated.metadata?.generation).toBe(1);
  });

  it('writes nothing for an update that changes nothing', async () => {
    const fixture = apiServerFixture();
    const created = await createDeployment(fixture);
    const same = await fixture.ok(updateDeployment(created));
    expect(same).toBe(created);
    expect(fixture.store.revision).toBe(1);
  });

  it('persists nothing on a dry run', async () => {
    const fixture = apiServerFixture();
    const created = await fixture.ok(
      inNamespace('configmaps', { verb: 'create', body: configMapBody('cfg') }),
    );
    const dry = await fixture.ok(
      inNamespace('configmaps', {
        verb: 'update',
        name: 'cfg',
        body: { ...created, data: { key: 'dry' } },
        options: { dryRun: true },
      }),
    );
    expect(dry['data']).toEqual({ key: 'dry' });
    expect(fixture.store.revision).toBe(1);
    expect(
      (await fixture.ok(inNamespace('configmaps', { verb: 'get', name: 'cfg' })))['data'],
    ).toEqual({ key: 'value' });
  });

  describe('finalizers', () => {
    async function deletingConfigMap(fixture: Fixture): Promise<ApiObject> {
      await fixture.ok(
        inNamespace('configmaps', {
          verb: 'create',
          body: { metadata: { name: 'cfg', finalizers: ['example.com/a'] } },
        }),
      );
      return fixture.ok(inNamespace('configmaps', { verb: 'delete', name: 'cfg' }));
    }

    it('answers 422 for a finalizer added to an object being deleted', async () => {
      const fixture = apiServerFixture();
      const deleting = await deletingConfigMap(fixture);
      const revision = fixture.store.revision;
      const status = await fixture.fail(
        inNamespace('configmaps', {
          verb: 'update',
          name: 'cfg',
          body: {
            ...deleting,
            metadata: { ...deleting.metadata, finalizers: ['example.com/a', 'example.com/b'] },
          },
        }),
      );
      expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
      expect(status.details?.causes).toEqual([
        {
          reason: 'FieldValueForbidden',
          field: 'metadata.finalizers',
          message:
            'Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/b"}',
        },
      ]);
      expect(fixture.store.revision).toBe(revision);
    });

    it('deletes the object when the last finalizer is removed', async () => {
      const fixture = apiServerFixture();
      const deleting = await deletingConfigMap(fixture);
      expect(deleting.metadata?.deletionTimestamp).toBe('2025-01-01T00:00:00Z');
      const { finalizers: _finalizers, ...metadata } = deleting.metadata ?? {};
      const result = await fixture.ok(
        inNamespace('configmaps', { verb: 'update', name: 'cfg', body: { ...deleting, metadata } }),
      );
      expect(result.metadata?.resourceVersion).toBe(String(fixture.store.revision));
      expect(
        (await fixture.fail(inNamespace('configmaps', { verb: 'get', name: 'cfg' }))).code,
      ).toBe(404);
    });

    it('keeps the deletionTimestamp whatever the body says', async () => {
      const fixture = apiServerFixture();
      const deleting = await deletingConfigMap(fixture);
      const { deletionTimestamp: _deletionTimestamp, ...metadata } = deleting.metadata ?? {};
      const updated = await fixture.ok(
        inNamespace('configmaps', {
          verb: 'update',
          name: 'cfg',
          body: { ...deleting, metadata, data: { x: 'y' } },
        }),
      );
      expect(updated.metadata?.deletionTimestamp).toBe(deleting.metadata?.deletionTimestamp);
    });
  });
});
