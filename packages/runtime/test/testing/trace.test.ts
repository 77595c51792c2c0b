import { describe, expect, it } from '@jest/globals';
import { ConfigMaps, internalError } from '@drydock/core';
import { createTestEnv } from '../../src/testing/index.js';
import { COLOR_ANNOTATION, colorController, sourceConfigMap } from './support/color-controller.js';

const APP = { namespace: 'default', name: 'app' };

/** One scenario: a write, a fault, a reconcile that retries, time passing. */
async function scenario(): Promise<string> {
  const env = await createTestEnv({ controllers: [colorController] });
  env.faults.failNext({
    verb: 'create',
    name: 'app-copy',
    status: internalError({ message: 'flaky' }),
  });
  await env.client.create(ConfigMaps, sourceConfigMap('app', 'blue'));
  await env.until(
    ConfigMaps,
    { namespace: 'default', name: 'app-copy' },
    (object) => object !== undefined,
  );
  await env.advance('90s');
  await env.client.patch(ConfigMaps, APP, { type: 'merge', body: { data: { color: 'green' } } });
  await env.until(
    ConfigMaps,
    APP,
    (object) => object?.metadata?.annotations?.[COLOR_ANNOTATION] === 'green',
  );
  const text = env.trace.format();
  await env.stop();
  return text;
}

describe('trace', () => {
  it('starts empty once the env is ready', async () => {
    const env = await createTestEnv();
    expect(env.trace.entries).toEqual([]);
    expect(env.trace.format()).toBe('');
    await env.stop();
  });

  it('records writes with verb, resource, namespace, name, user, code and reason', async () => {
    const env = await createTestEnv();
    await env.client.create(ConfigMaps, sourceConfigMap('app', 'blue'));
    await env.client.create(ConfigMaps, sourceConfigMap('app', 'blue'));
    await env.client.get(ConfigMaps, APP);
    expect(env.trace.writes).toEqual([
      {
        kind: 'write',
        time: env.clock.now(),
        verb: 'create',
        resource: 'configmaps',
        namespace: 'default',
        name: 'app',
        user: 'system:admin',
        code: 201,
        resourceVersion: expect.any(String),
      },
      {
        kind: 'write',
        time: env.clock.now(),
        verb: 'create',
        resource: 'configmaps',
        namespace: 'default',
        name: 'app',
        user: 'system:admin',
        code: 409,
        reason: 'AlreadyExists',
      },
    ]);
    await env.stop();
  });

  it('records reconciles with the controller name, key, result and time', async () => {
    const env = await createTestEnv({ controllers: [colorController] });
    await env.client.create(ConfigMaps, sourceConfigMap('app', 'blue'));
    await env.settle();
    expect(env.trace.reconciles[0]).toMatchObject({
      kind: 'reconcile',
      controller: 'colorController',
      key: 'default/app',
      result: { _tag: 'Succeeded', action: { _tag: 'AwaitChange' } },
      time: env.clock.now(),
    });
    await env.stop();
  });

  it('formats one entry a line with times relative to the start', async () => {
    const text = await scenario();
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      '+0s        write      create configmaps default/app by system:admin -> 201',
    );
    expect(text).toContain(
      'fault      create configmaps default/app-copy by system:admin -> 500 InternalError (injected)',
    );
    expect(text).toContain(
      'reconcile  colorController default/app -> Failed: copy failed: 500 InternalError',
    );
    expect(text).toMatch(
      /^\+1m30s\s+write {6}patch configmaps default\/app by system:admin -> 200$/m,
    );
  });

  it('is the same for the same scenario run twice', async () => {
    const first = await scenario();
    expect(first.split('\n').length).toBeGreaterThan(5);
    expect(await scenario()).toBe(first);
  });
});
