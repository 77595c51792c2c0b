import { describe, expect, it } from '@jest/globals';
import { apiServerFixture, gvr } from '../support/api-server-fixture.js';

describe('namespace deletion and the finalize subresource', () => {
  it('keeps a deleted namespace Terminating until finalize empties spec.finalizers', async () => {
    const { ok, fail } = apiServerFixture();
    await ok({ verb: 'create', resource: gvr('namespaces'), body: { metadata: { name: 'team' } } });
    const deleting = await ok({ verb: 'delete', resource: gvr('namespaces'), name: 'team' });
    expect(deleting).toMatchObject({
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Terminating' },
      metadata: { deletionTimestamp: '2025-01-01T00:00:00Z' },
    });
    const current = await ok({ verb: 'get', resource: gvr('namespaces'), name: 'team' });
    await ok({
      verb: 'update',
      resource: gvr('namespaces'),
      subresource: 'finalize',
      name: 'team',
      body: {
        ...current,
        metadata: { ...current.metadata, labels: { ignored: 'yes' } },
        spec: { finalizers: [] },
      },
    });
    expect(await fail({ verb: 'get', resource: gvr('namespaces'), name: 'team' })).toMatchObject({
      code: 404,
    });
  });

  it('changes only spec.finalizers through finalize', async () => {
    const { ok } = apiServerFixture();
    await ok({ verb: 'create', resource: gvr('namespaces'), body: { metadata: { name: 'team' } } });
    const current = await ok({ verb: 'get', resource: gvr('namespaces'), name: 'team' });
    const finalized = await ok({
      verb: 'update',
      resource: gvr('namespaces'),
      subresource: 'finalize',
      name: 'team',
      body: {
        ...current,
        metadata: { ...current.metadata, labels: { ignored: 'yes' } },
        spec: { finalizers: [] },
      },
    });
    expect(finalized).toMatchObject({ spec: { finalizers: [] } });
    expect(finalized.metadata?.labels).toBeUndefined();
  });

  it('always gives a new namespace the kubernetes finalizer, and deletes one without it at once', async () => {
    const { ok, fail } = apiServerFixture();
    await ok({
      verb: 'create',
      resource: gvr('namespaces'),
      body: { metadata: { name: 'bare' }, spec: { finalizers: [] } },
    });
    const current = await ok({ verb: 'get', resource: gvr('namespaces'), name: 'bare' });
    expect(current['spec']).toStrictEqual({ finalizers: ['kubernetes'] });
    await ok({
      verb: 'update',
      resource: gvr('namespaces'),
      subresource: 'finalize',
      name: 'bare',
      body: { ...current, spec: { finalizers: [] } },
    });
    await ok({ verb: 'delete', resource: gvr('namespaces'), name: 'bare' });
    expect((await fail({ verb: 'get', resource: gvr('namespaces'), name: 'bare' })).code).toBe(404);
  });
});
