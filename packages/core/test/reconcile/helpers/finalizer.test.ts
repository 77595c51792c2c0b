import { describe, expect, it } from '@jest/globals';
import type { ApiObject } from '../../../src/apiserver/api-object.js';
import { resourceType } from '../../../src/client/resource-type.js';
import { awaitChange, requeueAfter, TerminalError } from '../../../src/reconcile/action.js';
import { finalizer, FinalizerError } from '../../../src/reconcile/helpers/finalizer.js';
import { FakeClient } from './fake-client.js';

const widgets = resourceType({
  group: 'example.com',
  version: 'v1',
  kind: 'Widget',
  plural: 'widgets',
  namespaced: true,
});
const NAME = 'example.com/cleanup';
const key = { namespace: 'default', name: 'w' };

function setup(metadata: ApiObject['metadata'] = {}): { client: FakeClient; object: ApiObject } {
  const client = new FakeClient();
  const object = client.seed(widgets, {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { ...key, ...metadata },
  });
  return { client, object };
}

/** Runs the finalizer, recording which user step ran. */
function run(
  client: FakeClient,
  object: ApiObject,
  steps: { apply?: () => unknown; cleanup?: () => unknown } = {},
): { ran: string[]; result: Promise<unknown> } {
  const ran: string[] = [];
  const result = finalizer({
    client,
    type: widgets,
    name: NAME,
    object,
    apply: () => {
      ran.push('apply');
      steps.apply?.();
      return requeueAfter('1m');
    },
    cleanup: () => {
      ran.push('cleanup');
      steps.cleanup?.();
      return awaitChange();
    },
  });
  return { ran, result };
}

describe('finalizer', () => {
  it('adds the finalizer first, and awaits the change without applying', async () => {
    const { client, object } = setup();
    const { ran, result } = run(client, object);
    expect(await result).toBe(awaitChange());
    expect(ran).toStrictEqual([]);
    expect(client.stored(widgets, key)?.metadata?.finalizers).toStrictEqual([NAME]);
  });

  it('appends to the finalizers already there', async () => {
    const { client, object } = setup({ finalizers: ['other'] });
    await run(client, object).result;
    expect(client.stored(widgets, key)?.metadata?.finalizers).toStrictEqual(['other', NAME]);
  });

  it('applies once the finalizer is on the object, and answers its action', async () => {
    const { client, object } = setup({ finalizers: [NAME] });
    const { ran, result } = run(client, object);
    expect(await result).toStrictEqual(requeueAfter('1m'));
    expect(ran).toStrictEqual(['apply']);
    expect(client.calls).toStrictEqual([]);
  });

  it('cleans up a deleting object, then removes only its own finalizer', async () => {
    const { client, object } = setup({ finalizers: ['a', NAME, 'b'] });
    const deleting = client.stored(widgets, key) ?? object;
    await client.delete(widgets, key);
    const { ran, result } = run(client, client.stored(widgets, key) ?? deleting);
    expect(await result).toBe(awaitChange());
    expect(ran).toStrictEqual(['cleanup']);
    expect(client.stored(widgets, key)?.metadata?.finalizers).toStrictEqual(['a', 'b']);
  });

  it('lets the object go once its last finalizer is removed', async () => {
    const { client } = setup({ finalizers: [NAME] });
    await client.delete(widgets, key);
    await run(client, client.stored(widgets, key) ?? {}).result;
    expect(client.stored(widgets, key)).toBeUndefined();
  });

  it('does nothing for a deleting object without its finalizer', async () => {
    const { client } = setup({ finalizers: ['other'] });
    await client.delete(widgets, key);
    client.calls.length = 0;
    const { ran, result } = run(client, client.stored(widgets, key) ?? {});
    expect(await result).toBe(awaitChange());
    expect(ran).toStrictEqual([]);
    expect(client.calls).toStrictEqual([]);
  });

  it('leaves the finalizer in place when cleanup throws, wrapping the error', async () => {
    const { client } = setup({ finalizers: [NAME] });
    await client.delete(widgets, key);
    const cause = new Error('bucket still in use');
    const { result } = run(client, client.stored(widgets, key) ?? {}, {
      cleanup: () => {
        throw cause;
      },
    });
    await expect(result).rejects.toMatchObject({
      name: 'FinalizerError',
      _tag: 'CleanupFailed',
      cause,
      message: 'failed to clean up object: bucket still in use',
    });
    expect(client.stored(widgets, key)?.metadata?.finalizers).toStrictEqual([NAME]);
  });

  it('wraps what apply throws as ApplyFailed', async () => {
    const { client, object } = setup({ finalizers: [NAME] });
    const error = await run(client, object, {
      apply: () => {
        throw new Error('boom');
      },
    }).result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FinalizerError);
    expect(error).toMatchObject({ _tag: 'ApplyFailed' });
  });

  it('passes a TerminalError from apply through, so the controller does not retry', async () => {
    const { client, object } = setup({ finalizers: [NAME] });
    const terminal = new TerminalError('spec can never work');
    const { result } = run(client, object, {
      apply: () => {
        throw terminal;
      },
    });
    await expect(result).rejects.toBe(terminal);
  });

  it('fails to add the finalizer when the finalizers changed concurrently, keeping theirs', async () => {
    const { client, object } = setup({ finalizers: ['other'] });
    client.seed(widgets, {
      ...object,
      metadata: { ...object.metadata, finalizers: ['other', 'new'] },
    });
    const error = await run(client, object).result.catch((e: unknown) => e);
    expect(error).toMatchObject({ _tag: 'AddFinalizer', cause: { code: 422, reason: 'Invalid' } });
    expect(client.stored(widgets, key)?.metadata?.finalizers).toStrictEqual(['other', 'new']);
  });

  it('fails to add the first finalizer when the object changed concurrently', async () => {
    const { client, object } = setup();
    client.seed(widgets, { ...object, metadata: { ...object.metadata, finalizers: ['theirs'] } });
    const error = await run(client, object).result.catch((e: unknown) => e);
    expect(error).toMatchObject({ _tag: 'AddFinalizer', cause: { code: 422 } });
    expect(client.stored(widgets, key)?.metadata?.finalizers).toStrictEqual(['theirs']);
  });

  it('fails to remove the finalizer when it moved meanwhile, without removing another', async () => {
    const { client } = setup({ finalizers: ['a', NAME] });
    await client.delete(widgets, key);
    const deleting = client.stored(widgets, key) ?? {};
    client.seed(widgets, {
      ...deleting,
      metadata: { ...deleting.metadata, finalizers: [NAME, 'a'] },
    });
    const { ran, result } = run(client, deleting);
    await expect(result).rejects.toMatchObject({ _tag: 'RemoveFinalizer', cause: { code: 422 } });
    expect(ran).toStrictEqual(['cleanup']);
    expect(client.stored(widgets, key)?.metadata?.finalizers).toStrictEqual([NAME, 'a']);
  });

  it('reports a failing patch as the framework error with the Status as cause', async () => {
    const { client } = setup();
    const stale = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { ...key, name: 'gone' },
    };
    await expect(run(client, stale).result).rejects.toMatchObject({
      _tag: 'AddFinalizer',
      cause: { code: 404, reason: 'NotFound' },
      message: 'failed to add finalizer: widgets.example.com "gone" not found',
    });
  });
});
