import { describe, expect, it } from '@jest/globals';
import { apiServerFixture } from '../support/api-server-fixture.js';
import { configMapBody, deploymentBody, inNamespace } from './handler-test-support.js';

type Fixture = ReturnType<typeof apiServerFixture>;

const scaleRequest = (verb: 'get' | 'update' | 'patch', body?: unknown) =>
  inNamespace('deployments.apps', {
    verb,
    subresource: 'scale',
    name: 'web',
    ...(body === undefined ? {} : { body }),
  });

const createDeployment = (fixture: Fixture) =>
  fixture.ok(inNamespace('deployments.apps', { verb: 'create', body: deploymentBody('web', 2) }));

describe('scale subresource', () => {
  it('answers the Scale of a deployment, with its selector as a string', async () => {
    const fixture = apiServerFixture();
    await createDeployment(fixture);
    const scale = await fixture.ok(scaleRequest('get'));
    expect(scale).toEqual({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name: 'web',
        namespace: 'default',
        uid: 'uid-1',
        resourceVersion: '1',
        creationTimestamp: '2025-01-01T00:00:00Z',
      },
      spec: { replicas: 2 },
      status: { replicas: 0, selector: 'app=web' },
    });
  });

  it('sets the replicas from an updated Scale', async () => {
    const fixture = apiServerFixture();
    await createDeployment(fixture);
    const scale = await fixture.ok(
      scaleRequest('update', {
        kind: 'Scale',
        apiVersion: 'autoscaling/v1',
        metadata: { name: 'web' },
        spec: { replicas: 5 },
      }),
    );
    expect(scale).toMatchObject({ spec: { replicas: 5 }, metadata: { resourceVersion: '2' } });
    const deployment = await fixture.ok(
      inNamespace('deployments.apps', { verb: 'get', name: 'web' }),
    );
    expect(deployment).toMatchObject({ spec: { replicas: 5 }, metadata: { generation: 2 } });
  });

  it('sets the replicas from a JSON patch of the Scale', async () => {
    const fixture = apiServerFixture();
    await createDeployment(fixture);
    const scale = await fixture.ok({
      ...scaleRequest('patch', [{ op: 'replace', path: '/spec/replicas', value: 0 }]),
      patchType: 'json',
    });
    expect(scale).toMatchObject({ spec: { replicas: 0 } });
  });

  it('answers 422 for negative replicas and writes nothing', async () => {
    const fixture = apiServerFixture();
    await createDeployment(fixture);
    const status = await fixture.fail({
      ...scaleRequest('patch', { spec: { replicas: -1 } }),
      patchType: 'merge',
    });
    expect(status).toMatchObject({
      code: 422,
      reason: 'Invalid',
      details: { kind: 'Scale', name: 'web' },
    });
    expect(status.details?.causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.replicas',
        message: 'Invalid value: -1: must be greater than or equal to 0',
      },
    ]);
    expect(fixture.store.revision).toBe(1);
  });

  it('answers 409 for a Scale with a stale resourceVersion', async () => {
    const fixture = apiServerFixture();
    await createDeployment(fixture);
    await fixture.ok(scaleRequest('update', { metadata: { name: 'web' }, spec: { replicas: 3 } }));
    const status = await fixture.fail(
      scaleRequest('update', {
        metadata: { name: 'web', resourceVersion: '1' },
        spec: { replicas: 4 },
      }),
    );
    expect(status).toMatchObject({ code: 409, reason: 'Conflict' });
  });

  it('answers 400 for a body that is not a Scale', async () => {
    const fixture = apiServerFixture();
    await createDeployment(fixture);
    const status = await fixture.fail(
      scaleRequest('update', { kind: 'Deployment', apiVersion: 'apps/v1', spec: { replicas: 4 } }),
    );
    expect(status).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('answers 404 for a missing object, and for a resource without a scale subresource', async () => {
    const fixture = apiServerFixture();
    expect(await fixture.fail(scaleRequest('get'))).toMatchObject({
      code: 404,
      message: 'deployments.apps "web" not found',
    });
    await fixture.ok(inNamespace('configmaps', { verb: 'create', body: configMapBody('cfg') }));
    const status = await fixture.fail(
      inNamespace('configmaps', { verb: 'get', subresource: 'scale', name: 'cfg' }),
    );
    expect(status.code).toBe(404);
  });
});
