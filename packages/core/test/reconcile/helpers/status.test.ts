import { describe, expect, it } from '@jest/globals';
import type { ApiObject } from '../../../src/apiserver/api-object.js';
import { resourceType } from '../../../src/client/resource-type.js';
import { patchStatusIfChanged } from '../../../src/reconcile/helpers/status.js';
import { expectLeft, expectRight } from '../../support/either.js';
import { FakeClient } from './fake-client.js';

const widgets = resourceType({
  group: 'example.com',
  version: 'v1',
  kind: 'Widget',
  plural: 'widgets',
  namespaced: true,
});
const key = { namespace: 'default', name: 'w' };

function setup(status: unknown): { client: FakeClient; object: ApiObject } {
  const client = new FakeClient();
  const object = client.seed(widgets, {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: key,
    spec: { size: 1 },
    status,
  });
  return { client, object };
}

describe('patchStatusIfChanged', () => {
  it('writes nothing and answers the object itself when the status is deeply equal', async () => {
    const { client, object } = setup({ ready: true, counts: { a: 1, b: 2 } });
    const result = await patchStatusIfChanged({
      client,
      type: widgets,
      object,
      status: { counts: { b: 2, a: 1 }, ready: true },
    });
    expect(expectRight(result)).toBe(object);
    expect(client.calls).toStrictEqual([]);
  });

  it('merge-patches the difference through the status subresource', async () => {
    const { client, object } = setup({ ready: false, phase: 'Pending', counts: { a: 1, b: 2 } });
    const result = await patchStatusIfChanged({
      client,
      type: widgets,
      object,
      status: { ready: true, counts: { a: 1 } },
    });
    expect(expectRight(result)['status']).toStrictEqual({ ready: true, counts: { a: 1 } });
    expect(client.calls).toStrictEqual([
      {
        method: 'patchStatus',
        key: 'default/w',
        patch: {
          type: 'merge',
          body: { status: { phase: null, ready: true, counts: { b: null } } },
        },
      },
    ]);
  });

  it('writes a status the object did not have yet', async () => {
    const { client, object } = setup(undefined);
    const result = await patchStatusIfChanged({
      client,
      type: widgets,
      object,
      status: { ready: true },
    });
    expect(expectRight(result)['status']).toStrictEqual({ ready: true });
  });

  it('overwrites a concurrent change by default', async () => {
    const { client, object } = setup({ ready: false });
    client.seed(widgets, { ...object, spec: { size: 2 } });
    const result = await patchStatusIfChanged({
      client,
      type: widgets,
      object,
      status: { ready: true },
    });
    expect(expectRight(result)).toMatchObject({ spec: { size: 2 }, status: { ready: true } });
  });

  it('fails with 409 on a concurrent change under optimisticLock', async () => {
    const { client, object } = setup({ ready: false });
    client.seed(widgets, { ...object, spec: { size: 2 } });
    const result = await patchStatusIfChanged({
      client,
      type: widgets,
      object,
      status: { ready: true },
      optimisticLock: true,
    });
    expect(expectLeft(result)).toMatchObject({ code: 409, reason: 'Conflict' });
    expect(client.stored(widgets, key)?.['status']).toStrictEqual({ ready: false });
  });

  it('answers the apiserver failure as a left', async () => {
    const { client, object } = setup({ ready: false });
    const gone = { ...object, metadata: { ...key, name: 'gone' } };
    const result = await patchStatusIfChanged({ client, type: widgets, object: gone, status: {} });
    expect(expectLeft(result)).toMatchObject({ code: 404 });
  });
});
