import { describe, expect, it } from '@jest/globals';
import { awaitChange, ConfigMaps, controller, requeueAfter } from '@drydock/core';
import { createTestEnv } from '../../src/testing/index.js';
import { COLOR_ANNOTATION, colorController, sourceConfigMap } from './support/color-controller.js';

const APP = { namespace: 'default', name: 'app' };

describe('settle', () => {
  it('runs the reconciles a write triggers without moving time', async () => {
    const env = await createTestEnv({ controllers: [colorController] });
    const start = env.clock.now();
    await env.client.create(ConfigMaps, sourceConfigMap('app', 'blue'));
    await env.settle();
    const app = await env.client.get(ConfigMaps, APP);
    expect(app).toMatchObject({
      right: { metadata: { annotations: { [COLOR_ANNOTATION]: 'blue' } } },
    });
    expect(env.clock.now()).toBe(start);
    await env.stop();
  });

  it('leaves later timers, such as watch bookmarks, pending', async () => {
    const env = await createTestEnv({ controllers: [colorController] });
    await env.settle();
    expect(env.clock.pending()).toBeGreaterThan(0);
    expect(env.clock.nextDue()).toBeGreaterThan(env.clock.now());
    await env.stop();
  });

  it('names the controller that keeps it busy after maxSteps', async () => {
    const env = await createTestEnv();
    // Rewrites its own object on every reconcile: never quiet.
    let writes = 0;
    const restless = controller({ client: env.client, clock: env.clock })
      .for(ConfigMaps, { namespace: 'default' })
      .reconcile(async (request) => {
        await env.client.patch(ConfigMaps, request, {
          type: 'merge',
          body: { data: { write: String(++writes) } },
        });
        return awaitChange();
      });
    env.startController(restless, { name: 'restless' });
    await env.client.create(ConfigMaps, sourceConfigMap('app', 'blue'));
    await expect(env.settle({ maxSteps: 50 })).rejects.toThrow(
      /settle: still busy after 50 steps: .*controller "restless" reconciled \d+ time\(s\) \(last: default\/app\)/,
    );
    await env.stop();
  });

  it('refuses a maxSteps that is not a positive integer', async () => {
    const env = await createTestEnv();
    await expect(env.settle({ maxSteps: 0 })).rejects.toThrow(RangeError);
    await env.stop();
  });
});

describe('advance', () => {
  it('runs timers in order, letting the reconciles between them finish', async () => {
    const env = await createTestEnv();
    const seen: number[] = [];
    const ticking = controller({ client: env.client, clock: env.clock })
      .for(ConfigMaps, { namespace: 'default' })
      .reconcile(async (request) => {
        await env.client.get(ConfigMaps, request);
        seen.push(env.clock.now() - start);
        return requeueAfter('10s');
      });
    const start = env.clock.now();
    env.startController(ticking);
    await env.client.create(ConfigMaps, sourceConfigMap('app', 'blue'));
    await env.advance('35s');
    expect(seen).toEqual([0, 10_000, 20_000, 30_000]);
    expect(env.clock.now() - start).toBe(35_000);
    await env.stop();
  });
});

describe('until', () => {
  it('moves time until the predicate holds, and no further', async () => {
    const env = await createTestEnv();
    const start = env.clock.now();
    env.clock.setTimeout(() => {
      void env.client.create(ConfigMaps, sourceConfigMap('late', 'red'));
    }, '45s');
    const late = await env.until(
      ConfigMaps,
      { namespace: 'default', name: 'late' },
      (object) => object !== undefined,
      { within: '2m' },
    );
    expect(late?.data).toEqual({ color: 'red' });
    expect(env.clock.now() - start).toBe(45_000);
    await env.stop();
  });

  it('answers at once, without moving time, when the predicate already holds', async () => {
    const env = await createTestEnv();
    const start = env.clock.now();
    const absent = await env.until(ConfigMaps, APP, (object) => object === undefined);
    expect(absent).toBeUndefined();
    expect(env.clock.now()).toBe(start);
    await env.stop();
  });

  it('fails with the last state of the object and the last trace entries', async () => {
    const env = await createTestEnv({ controllers: [colorController] });
    await env.client.create(ConfigMaps, sourceConfigMap('app', 'blue'));
    const waiting = env.until(
      ConfigMaps,
      APP,
      (object) => object?.metadata?.annotations?.[COLOR_ANNOTATION] === 'green',
      { within: '2m' },
    );
    await expect(waiting).rejects.toThrow(
      'until: configmaps default/app did not reach the expected state within 2m of virtual time (now 2025-01-01T00:02:00.000Z).',
    );
    const message = await waiting.then(
      () => '',
      (error: unknown) => (error as Error).message,
    );
    expect(message).toContain('Last state: {');
    expect(message).toContain(`"${COLOR_ANNOTATION}": "blue"`);
    expect(message).toContain('Last 20 trace entries:\n+0s');
    expect(message).toContain('reconcile  colorController default/app -> Succeeded (AwaitChange)');
    await env.stop();
  });

  it('says when the object does not exist at the end', async () => {
    const env = await createTestEnv();
    await expect(
      env.until(ConfigMaps, APP, (object) => object !== undefined, { within: '5s' }),
    ).rejects.toThrow(/Last state: \(does not exist\)\nLast 20 trace entries:\n\(none\)/);
    await env.stop();
  });
});
