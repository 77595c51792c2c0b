import { describe, expect, it } from '@jest/globals';
import { isRight } from 'fp-ts/lib/Either.js';
import type { ApiObject, RequestOptions } from '../../../src/apiserver/index.js';
import { apiServerFixture } from '../support/api-server-fixture.js';
import { configMapBody, inNamespace, podBody } from './handler-test-support.js';

type Fixture = ReturnType<typeof apiServerFixture>;

const deleteConfigMap = (options: RequestOptions = {}) =>
  inNamespace('configmaps', { verb: 'delete', name: 'cfg', options });
const getConfigMap = inNamespace('configmaps', { verb: 'get', name: 'cfg' });

const createConfigMap = (fixture: Fixture, finalizers?: string[]): Promise<ApiObject> =>
  fixture.ok(
    inNamespace('configmaps', {
      verb: 'create',
      body: {
        ...configMapBody('cfg'),
        metadata: { name: 'cfg', ...(finalizers === undefined ? {} : { finalizers }) },
      },
    }),
  );

describe('delete', () => {
  it('deletes an object and answers it at the deleting revision', async () => {
    const fixture = apiServerFixture();
    await createConfigMap(fixture);
    const result = await fixture.send(deleteConfigMap());
    expect(isRight(result) && result.right.code).toBe(200);
    expect(isRight(result) && result.right.body.metadata).toMatchObject({
      name: 'cfg',
      resourceVersion: '2',
    });
    expect((await fixture.fail(getConfigMap)).code).toBe(404);
  });

  it('answers 404 for a missing object', async () => {
    const fixture = apiServerFixture();
    expect(await fixture.fail(deleteConfigMap())).toMatchObject({
      code: 404,
      message: 'configmaps "cfg" not found',
    });
  });

  it('keeps an object with finalizers, marked with a deletionTimestamp', async () => {
    const fixture = apiServerFixture();
    await createConfigMap(fixture, ['example.com/keep']);
    fixture.clock.advance(5000);
    const deleting = await fixture.ok(deleteConfigMap());
    expect(deleting.metadata).toMatchObject({
      deletionTimestamp: '2025-01-01T00:00:05Z',
      deletionGracePeriodSeconds: 0,
      finalizers: ['example.com/keep'],
      resourceVersion: '2',
    });
    expect(await fixture.ok(getConfigMap)).toBe(deleting);
    // A second delete changes nothing.
    expect(await fixture.ok(deleteConfigMap())).toBe(deleting);
    expect(fixture.store.revision).toBe(2);
  });

  it('adds the orphan finalizer for propagationPolicy Orphan, answering 200', async () => {
    const fixture = apiServerFixture();
    await createConfigMap(fixture);
    const result = await fixture.send(deleteConfigMap({ propagationPolicy: 'Orphan' }));
    expect(isRight(result) && result.right.code).toBe(200);
    expect(isRight(result) && result.right.body.metadata?.finalizers).toEqual(['orphan']);
  });

  it('adds the foregroundDeletion finalizer for propagationPolicy Foreground, answering 202', async () => {
    const fixture = apiServerFixture();
    await createConfigMap(fixture, ['example.com/keep']);
    const result = await fixture.send(deleteConfigMap({ propagationPolicy: 'Foreground' }));
    expect(isRight(result) && result.right.code).toBe(202);
    expect(isRight(result) && result.right.body.metadata?.finalizers).toEqual([
      'example.com/keep',
      'foregroundDeletion',
    ]);
  });

  it('adds no finalizer for propagationPolicy Background', async () => {
    const fixture = apiServerFixture();
    await createConfigMap(fixture);
    await fixture.ok(deleteConfigMap({ propagationPolicy: 'Background' }));
    expect((await fixture.fail(getConfigMap)).code).toBe(404);
  });

  it('answers 409 when the uid precondition fails, with upstream message', async () => {
    const fixture = apiServerFixture();
    await createConfigMap(fixture);
    const status = await fixture.fail(deleteConfigMap({ preconditions: { uid: 'other' } }));
    expect(status).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on configmaps "cfg": Precondition failed: UID in precondition: other, UID in object meta: uid-1',
    });
    expect(fixture.store.revision).toBe(1);
  });

  it('answers 409 when the resourceVersion precondition fails, and deletes when both hold', async () => {
    const fixture = apiServerFixture();
    await createConfigMap(fixture);
    const status = await fixture.fail(deleteConfigMap({ preconditions: { resourceVersion: '7' } }));
    expect(status.message).toBe(
      'Operation cannot be fulfilled on configmaps "cfg": Precondition failed: ResourceVersion in precondition: 7, ResourceVersion in object meta: 1',
    );
    await fixture.ok(deleteConfigMap({ preconditions: { uid: 'uid-1', resourceVersion: '1' } }));
    expect((await fixture.fail(getConfigMap)).code).toBe(404);
  });

  it('persists nothing on a dry run', async () => {
    const fixture = apiServerFixture();
    const created = await createConfigMap(fixture);
    await fixture.ok(deleteConfigMap({ dryRun: true }));
    expect(fixture.store.revision).toBe(1);
    expect(await fixture.ok(getConfigMap)).toBe(created);
  });

  describe('pods', () => {
    const deletePod = (options: RequestOptions = {}) =>
      inNamespace('pods', { verb: 'delete', name: 'web', options });
    const getPod = inNamespace('pods', { verb: 'get', name: 'web' });

    it('deletes an unscheduled pod at once', async () => {
      const fixture = apiServerFixture();
      await fixture.ok(inNamespace('pods', { verb: 'create', body: podBody('web') }));
      await fixture.ok(deletePod());
      expect((await fixture.fail(getPod)).code).toBe(404);
    });

    it('deletes a scheduled pod gracefully, with the grace of its spec', async () => {
      const fixture = apiServerFixture();
      await fixture.ok(
        inNamespace('pods', {
          verb: 'create',
          body: {
            ...podBody('web', { nodeName: 'n1' }),
            spec: {
              nodeName: 'n1',
              terminationGracePeriodSeconds: 45,
              containers: [{ name: 'app', image: 'nginx' }],
            },
          },
        }),
      );
      const deleting = await fixture.ok(deletePod());
      expect(deleting.metadata).toMatchObject({
        deletionGracePeriodSeconds: 45,
        deletionTimestamp: '2025-01-01T00:00:45Z',
      });
    });

    it('uses the grace period of the request, and brings the deadline forward on a shorter second delete', async () => {
      const fixture = apiServerFixture();
      await fixture.ok(
        inNamespace('pods', { verb: 'create', body: podBody('web', { nodeName: 'n1' }) }),
      );
      const first = await fixture.ok(deletePod({ gracePeriodSeconds: 20 }));
      expect(first.metadata).toMatchObject({
        deletionGracePeriodSeconds: 20,
        deletionTimestamp: '2025-01-01T00:00:20Z',
      });
      fixture.clock.advance(2000);
      const longer = await fixture.ok(deletePod({ gracePeriodSeconds: 60 }));
      expect(longer).toBe(first);
      const shorter = await fixture.ok(deletePod({ gracePeriodSeconds: 5 }));
      expect(shorter.metadata).toMatchObject({
        deletionGracePeriodSeconds: 5,
        deletionTimestamp: '2025-01-01T00:00:07Z',
      });
      await fixture.ok(deletePod({ gracePeriodSeconds: 0 }));
      expect((await fixture.fail(getPod)).code).toBe(404);
    });

    it('deletes a finished pod at once', async () => {
      const fixture = apiServerFixture();
      await fixture.ok(
        inNamespace('pods', { verb: 'create', body: podBody('web', { nodeName: 'n1' }) }),
      );
      await fixture.ok(
        inNamespace('pods', {
          verb: 'patch',
          subresource: 'status',
          name: 'web',
          patchType: 'merge',
          body: { status: { phase: 'Succeeded' } },
        }),
      );
      await fixture.ok(deletePod());
      expect((await fixture.fail(getPod)).code).toBe(404);
    });
  });
});
