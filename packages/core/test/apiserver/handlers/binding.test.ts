import { describe, expect, it } from '@jest/globals';
import { isRight } from 'fp-ts/lib/Either.js';
import { apiServerFixture } from '../support/api-server-fixture.js';
import { inNamespace, podBody } from './handler-test-support.js';

type Fixture = ReturnType<typeof apiServerFixture>;

const bind = (body: unknown, options = {}) =>
  inNamespace('pods', { verb: 'create', subresource: 'binding', name: 'web', body, options });
const binding = (node: string) => ({
  apiVersion: 'v1',
  kind: 'Binding',
  metadata: { name: 'web' },
  target: { kind: 'Node', name: node },
});
const createPod = (fixture: Fixture) =>
  fixture.ok(inNamespace('pods', { verb: 'create', body: podBody('web') }));

describe('pods/binding', () => {
  it('sets nodeName and the PodScheduled condition, answering 201 Success', async () => {
    const fixture = apiServerFixture();
    await createPod(fixture);
    fixture.clock.advance(3000);
    const result = await fixture.send(bind(binding('n1')));
    expect(isRight(result) && result.right).toMatchObject({
      code: 201,
      body: { kind: 'Status', status: 'Success' },
    });
    const pod = await fixture.ok(inNamespace('pods', { verb: 'get', name: 'web' }));
    expect(pod['spec']).toMatchObject({ nodeName: 'n1' });
    expect((pod['status'] as { conditions: unknown[] }).conditions).toEqual([
      {
        type: 'PodScheduled',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: '2025-01-01T00:00:03Z',
      },
    ]);
    expect(pod.metadata?.resourceVersion).toBe('2');
  });

  it('answers 409 for a pod already bound, naming its node', async () => {
    const fixture = apiServerFixture();
    await createPod(fixture);
    await fixture.ok(bind(binding('n1')));
    const status = await fixture.fail(bind(binding('n2')));
    expect(status).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on pods "web": pod web is already assigned to node "n1"',
    });
    expect(fixture.store.revision).toBe(2);
  });

  it('answers 409 for a pod being deleted', async () => {
    const fixture = apiServerFixture();
    await fixture.ok(
      inNamespace('pods', {
        verb: 'create',
        body: { ...podBody('web'), metadata: { name: 'web', finalizers: ['example.com/x'] } },
      }),
    );
    await fixture.ok(inNamespace('pods', { verb: 'delete', name: 'web' }));
    const status = await fixture.fail(bind(binding('n1')));
    expect(status).toMatchObject({
      code: 409,
      message:
        'Operation cannot be fulfilled on pods "web": pod web is being deleted, cannot be assigned to a host',
    });
  });

  it('answers 422 without target.name', async () => {
    const fixture = apiServerFixture();
    await createPod(fixture);
    const status = await fixture.fail(bind({ kind: 'Binding', target: { kind: 'Node' } }));
    expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(status.details?.causes).toEqual([
      { reason: 'FieldValueRequired', field: 'target.name', message: 'Required value' },
    ]);
    expect(fixture.store.revision).toBe(1);
  });

  it('answers 400 for a body that is not a Binding, and 404 for a missing pod', async () => {
    const fixture = apiServerFixture();
    expect(await fixture.fail(bind({ kind: 'Pod', target: { name: 'n1' } }))).toMatchObject({
      code: 400,
    });
    expect(await fixture.fail(bind(binding('n1')))).toMatchObject({
      code: 404,
      message: 'pods "web" not found',
    });
  });

  it('binds nothing on a dry run', async () => {
    const fixture = apiServerFixture();
    await createPod(fixture);
    await fixture.ok(bind(binding('n1'), { dryRun: true }));
    expect(fixture.store.revision).toBe(1);
  });
});
