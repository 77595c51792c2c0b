import { describe, expect, it } from '@jest/globals';
import { isRight } from 'fp-ts/lib/Either.js';
import { generateName } from '../../../src/apiserver/handlers/generate-name.js';
import { apiServerFixture, gvr } from '../support/api-server-fixture.js';
import {
  configMapBody,
  deploymentBody,
  inNamespace,
  NAMESPACE,
  podBody,
} from './handler-test-support.js';

/** The fixture's seeded random sequence, replayed. */
function seededRandom(): () => number {
  let seed = 1;
  return () => {
    seed = (seed * 16807) % 2147483647;
    return (seed - 1) / 2147483646;
  };
}

describe('create', () => {
  it('answers 201 with the stored object, its uid, creationTimestamp and resourceVersion', async () => {
    const { send, store } = apiServerFixture();
    const result = await send(
      inNamespace('configmaps', { verb: 'create', body: configMapBody('cfg') }),
    );
    expect(isRight(result) && result.right.code).toBe(201);
    const body = isRight(result) ? result.right.body : undefined;
    expect(body?.metadata).toEqual({
      name: 'cfg',
      namespace: NAMESPACE,
      uid: 'uid-1',
      creationTimestamp: '2025-01-01T00:00:00Z',
      resourceVersion: '1',
    });
    expect(store.revision).toBe(1);
  });

  it('drops a client-set resourceVersion, uid, creationTimestamp and deletionTimestamp', async () => {
    const { ok } = apiServerFixture();
    const created = await ok(
      inNamespace('configmaps', {
        verb: 'create',
        body: {
          metadata: {
            name: 'cfg',
            resourceVersion: '77',
            uid: 'mine',
            creationTimestamp: '2000-01-01T00:00:00Z',
            deletionTimestamp: '2000-01-01T00:00:00Z',
            deletionGracePeriodSeconds: 5,
          },
        },
      }),
    );
    expect(created.metadata).toEqual({
      name: 'cfg',
      namespace: NAMESPACE,
      uid: 'uid-1',
      creationTimestamp: '2025-01-01T00:00:00Z',
      resourceVersion: '1',
    });
  });

  it('takes the namespace from the URL when the body has none', async () => {
    const { ok } = apiServerFixture();
    const created = await ok({
      verb: 'create',
      resource: gvr('configmaps'),
      namespace: 'team-a',
      body: { metadata: { name: 'cfg' } },
    });
    expect(created.metadata?.namespace).toBe('team-a');
  });

  it('rejects a body whose namespace differs from the URL with 400', async () => {
    const { fail, store } = apiServerFixture();
    const status = await fail(
      inNamespace('configmaps', {
        verb: 'create',
        body: { metadata: { name: 'cfg', namespace: 'other' } },
      }),
    );
    expect(status).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message:
        'the namespace of the provided object does not match the namespace sent on the request',
    });
    expect(store.revision).toBe(0);
  });

  it('rejects a body of another apiVersion or kind with 400', async () => {
    const { fail } = apiServerFixture();
    const wrongVersion = await fail(
      inNamespace('configmaps', {
        verb: 'create',
        body: { ...configMapBody('cfg'), apiVersion: 'apps/v1' },
      }),
    );
    expect(wrongVersion).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: 'the API version in the data (apps/v1) does not match the expected API version (v1)',
    });
    const wrongKind = await fail(
      inNamespace('configmaps', {
        verb: 'create',
        body: { ...configMapBody('cfg'), kind: 'Secret' },
      }),
    );
    expect(wrongKind).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message:
        'Secret in version "v1" cannot be handled as a ConfigMap: the kind in the data does not match the expected kind',
    });
  });

  it.each([
    [[], 'an array'],
    ['text', 'a string'],
    [null, 'null'],
    [42, 'a number'],
  ])('rejects a body that is %j with 400', async (body, described) => {
    const { fail, store } = apiServerFixture();
    const status = await fail(inNamespace('configmaps', { verb: 'create', body }));
    expect(status).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: `the body of the request must be a JSON object, not ${described}`,
    });
    expect(store.revision).toBe(0);
  });

  it('answers 409 AlreadyExists for a taken name and leaves the store alone', async () => {
    const { ok, fail, store } = apiServerFixture();
    await ok(inNamespace('configmaps', { verb: 'create', body: configMapBody('cfg') }));
    const status = await fail(
      inNamespace('configmaps', { verb: 'create', body: configMapBody('cfg', { other: 'x' }) }),
    );
    expect(status).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'configmaps "cfg" already exists',
      details: { name: 'cfg', kind: 'configmaps' },
    });
    expect(store.revision).toBe(1);
  });

  it('qualifies the resource with its group in AlreadyExists', async () => {
    const { ok, fail } = apiServerFixture();
    await ok(inNamespace('deployments.apps', { verb: 'create', body: deploymentBody('web') }));
    const status = await fail(
      inNamespace('deployments.apps', { verb: 'create', body: deploymentBody('web') }),
    );
    expect(status.message).toBe('deployments.apps "web" already exists');
  });

  describe('generateName', () => {
    it('names the object from the base and the seeded random suffix', async () => {
      const { ok } = apiServerFixture();
      const expected = generateName('cfg-', seededRandom());
      const created = await ok(
        inNamespace('configmaps', { verb: 'create', body: { metadata: { generateName: 'cfg-' } } }),
      );
      expect(created.metadata).toMatchObject({ name: expected, generateName: 'cfg-' });
      expect(expected).toMatch(/^cfg-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    });

    it('tries another name when the generated one is taken', async () => {
      const { ok, store } = apiServerFixture();
      const random = seededRandom();
      const first = generateName('cfg-', random);
      const second = generateName('cfg-', random);
      await ok(inNamespace('configmaps', { verb: 'create', body: configMapBody(first) }));
      const created = await ok(
        inNamespace('configmaps', { verb: 'create', body: { metadata: { generateName: 'cfg-' } } }),
      );
      // The fixture's random was not used by the first create, so its first name clashes.
      expect(created.metadata?.name).toBe(second);
      expect(store.revision).toBe(2);
    });

    it('keeps a name that is given over generateName', async () => {
      const { ok } = apiServerFixture();
      const created = await ok(
        inNamespace('configmaps', {
          verb: 'create',
          body: { metadata: { name: 'fixed', generateName: 'cfg-' } },
        }),
      );
      expect(created.metadata?.name).toBe('fixed');
    });

    it('cuts a long base to 58 characters', () => {
      expect(generateName('a'.repeat(70), seededRandom())).toHaveLength(63);
    });
  });

  it('answers 422 Invalid with every cause', async () => {
    const { fail, store } = apiServerFixture();
    const status = await fail(
      inNamespace('pods', {
        verb: 'create',
        body: { metadata: { name: 'Bad_Name' }, spec: { containers: [{ name: 'app' }] } },
      }),
    );
    expect(status).toMatchObject({
      code: 422,
      reason: 'Invalid',
      details: { name: 'Bad_Name', kind: 'Pod' },
    });
    expect(status.message).toMatch(/^Pod "Bad_Name" is invalid: \[/);
    const fields = (status.details?.causes ?? []).map((cause) => [cause.reason, cause.field]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['FieldValueInvalid', 'metadata.name'],
        ['FieldValueRequired', 'spec.containers[0].image'],
      ]),
    );
    expect(store.revision).toBe(0);
  });

  it('answers 422 for a missing name without generateName', async () => {
    const { fail } = apiServerFixture();
    const status = await fail(inNamespace('configmaps', { verb: 'create', body: { data: {} } }));
    expect(status).toMatchObject({ code: 422, reason: 'Invalid' });
    expect(status.details?.causes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'FieldValueRequired', field: 'metadata.name' }),
      ]),
    );
  });

  describe('fieldValidation', () => {
    const withUnknown = { metadata: { name: 'cfg' }, data: { a: 'b' }, extra: 1 };

    it('rejects unknown fields with 400 under Strict, naming each', async () => {
      const { fail, store } = apiServerFixture();
      const status = await fail(
        inNamespace('configmaps', {
          verb: 'create',
          body: withUnknown,
          options: { fieldValidation: 'Strict' },
        }),
      );
      expect(status).toMatchObject({ code: 400, reason: 'BadRequest' });
      expect(status.message).toContain('strict decoding error: unknown field "extra"');
      expect(store.revision).toBe(0);
    });

    it('drops unknown fields with a warning each under Warn, the default', async () => {
      const { send } = apiServerFixture();
      const result = await send(inNamespace('configmaps', { verb: 'create', body: withUnknown }));
      expect(isRight(result) && result.right.warnings).toEqual(['unknown field "extra"']);
      expect(isRight(result) && result.right.body['extra']).toBeUndefined();
    });

    it('drops unknown fields silently under Ignore', async () => {
      const { send } = apiServerFixture();
      const result = await send(
        inNamespace('configmaps', {
          verb: 'create',
          body: withUnknown,
          options: { fieldValidation: 'Ignore' },
        }),
      );
      expect(isRight(result) && result.right.warnings).toBeUndefined();
      expect(isRight(result) && result.right.body['extra']).toBeUndefined();
    });
  });

  it('drops status on create for a resource with a status subresource', async () => {
    const { ok } = apiServerFixture();
    const created = await ok(
      inNamespace('deployments.apps', {
        verb: 'create',
        body: { ...deploymentBody('web'), status: { replicas: 9 } },
      }),
    );
    expect(created['status']).toBeUndefined();
    expect(created.metadata?.generation).toBe(1);
  });

  it('sets a new pod status regardless of the one sent', async () => {
    const { ok } = apiServerFixture();
    const created = await ok(
      inNamespace('pods', {
        verb: 'create',
        body: { ...podBody('web'), status: { phase: 'Running' } },
      }),
    );
    expect(created['status']).toMatchObject({ phase: 'Pending' });
  });

  it('persists nothing on a dry run, yet answers the object', async () => {
    const { send, fail, store } = apiServerFixture();
    const result = await send(
      inNamespace('configmaps', {
        verb: 'create',
        body: configMapBody('cfg'),
        options: { dryRun: true },
      }),
    );
    expect(isRight(result) && result.right.code).toBe(201);
    expect(isRight(result) && result.right.body.metadata?.name).toBe('cfg');
    expect(store.revision).toBe(0);
    expect((await fail(inNamespace('configmaps', { verb: 'get', name: 'cfg' }))).code).toBe(404);
  });

  it('hands out deeply frozen objects', async () => {
    const { ok } = apiServerFixture();
    const created = await ok(inNamespace('pods', { verb: 'create', body: podBody('web') }));
    expect(Object.isFrozen(created)).toBe(true);
    expect(Object.isFrozen(created.metadata)).toBe(true);
    expect(Object.isFrozen((created['spec'] as { containers: unknown[] }).containers[0])).toBe(
      true,
    );
  });

  it('keeps the frozen parts of stored objects a body is built from (a template) shared', async () => {
    const { ok } = apiServerFixture();
    const deployment = await ok(
      inNamespace('deployments.apps', { verb: 'create', body: deploymentBody('web') }),
    );
    const template = (deployment['spec'] as { template: { spec: Record<string, unknown> } })
      .template;
    const pod = async (name: string) =>
      (
        await ok(
          inNamespace('pods', {
            verb: 'create',
            body: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: template.spec },
          }),
        )
      )['spec'] as Record<string, unknown>;
    const first = await pod('a');
    const second = await pod('b');
    // The template's containers are defaulted already: both pods keep that very list.
    expect(first['containers']).toBe(template.spec['containers']);
    expect(second['containers']).toBe(template.spec['containers']);
    expect(first['tolerations']).toHaveLength(2);
    expect(first['serviceAccountName']).toBe('default');
  });

  it('does not modify the request body', async () => {
    const { ok } = apiServerFixture();
    const body = configMapBody('cfg');
    const copy = structuredClone(body);
    await ok(inNamespace('configmaps', { verb: 'create', body }));
    expect(body).toEqual(copy);
    expect(Object.isFrozen(body)).toBe(false);
  });

  it('creates cluster-scoped objects without a namespace', async () => {
    const { ok } = apiServerFixture();
    const created = await ok({
      verb: 'create',
      resource: gvr('namespaces'),
      body: { metadata: { name: 'team-a' } },
    });
    expect(created.metadata?.namespace).toBeUndefined();
    expect(created.metadata?.name).toBe('team-a');
  });
});

describe('create on a dry run', () => {
  it('answers 409 AlreadyExists for a taken name, as upstream', async () => {
    const { ok, fail, store } = apiServerFixture();
    await ok(inNamespace('configmaps', { verb: 'create', body: configMapBody('cfg') }));
    const status = await fail(
      inNamespace('configmaps', {
        verb: 'create',
        body: configMapBody('cfg'),
        options: { dryRun: true },
      }),
    );
    expect(status).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'configmaps "cfg" already exists',
    });
    expect(store.revision).toBe(1);
  });
});
