import { describe, expect, it } from '@jest/globals';
import { ConfigMaps, internalError, serviceUnavailable } from '@drydock/core';
import { createTestEnv, record } from '../../src/testing/index.js';
import { COLOR_ANNOTATION, colorController, sourceConfigMap } from './support/color-controller.js';

const APP = { namespace: 'default', name: 'app' };
const colored =
  (color: string) =>
  (object: { metadata?: { annotations?: Record<string, string> } } | undefined) =>
    object?.metadata?.annotations?.[COLOR_ANNOTATION] === color;

describe('faults.failNext', () => {
  it('fails the matching request without reaching the server; the controller retries and recovers', async () => {
    const env = await createTestEnv({ controllers: [colorController] });
    env.faults.failNext({
      verb: 'patch',
      resource: 'configmaps',
      name: 'app',
      status: internalError({ message: 'etcd hiccup' }),
    });
    await env.client.create(ConfigMaps, sourceConfigMap('app', 'blue'));
    await env.until(ConfigMaps, APP, colored('blue'), { within: '10s' });
    const results = env.trace.reconciles
      .filter((r) => r.key === 'default/app')
      .map((r) => r.result._tag);
    expect(results.slice(0, 2)).toEqual(['Failed', 'Succeeded']);
    expect(env.trace.faults).toMatchObject([
      {
        fault: 'failed',
        verb: 'patch',
        resource: 'configmaps',
        namespace: 'default',
        name: 'app',
        code: 500,
        reason: 'InternalError',
      },
    ]);
    // The failed patch never reached the server: only one patch is audited.
    expect(env.trace.writes.filter((w) => w.verb === 'patch' && w.name === 'app')).toHaveLength(1);
    await env.stop();
  });

  it('fails the nth matching request, times times', async () => {
    const env = await createTestEnv();
    env.faults.failNext({
      verb: 'create',
      status: serviceUnavailable({ message: 'busy' }),
      nth: 2,
      times: 2,
    });
    const codes = [];
    for (const name of ['a', 'b', 'c', 'd']) {
      const answer = await env.client.create(ConfigMaps, sourceConfigMap(name, 'red'));
      codes.push(answer._tag === 'Left' ? answer.left.code : 201);
    }
    expect(codes).toEqual([201, 503, 503, 201]);
    await env.stop();
  });

  it('refuses times or nth that are not positive integers', async () => {
    const env = await createTestEnv();
    const status = internalError({ message: 'x' });
    expect(() => env.faults.failNext({ status, times: 0 })).toThrow(
      'failNext: times must be a positive integer, got 0',
    );
    expect(() => env.faults.failNext({ status, nth: 1.5 })).toThrow(
      'failNext: nth must be a positive integer, got 1.5',
    );
    await env.stop();
  });

  it('fails a watch before it starts with an ERROR event', async () => {
    const env = await createTestEnv();
    env.faults.failNext({ verb: 'watch', status: internalError({ message: 'no watch' }) });
    const events = record(env.client.watch(ConfigMaps, { namespace: 'default' }));
    await env.settle();
    expect(events.values).toMatchObject([{ type: 'ERROR', status: { code: 500 } }]);
    expect(events.completed).toBe(true);
    await env.stop();
  });
});

describe('faults.dropWatches', () => {
  it('completes every open watch; the controller watcher resumes and sees later changes', async () => {
    const env = await createTestEnv({ controllers: [colorController] });
    await env.client.create(ConfigMaps, sourceConfigMap('app', 'blue'));
    await env.until(ConfigMaps, APP, colored('blue'));
    const watchesBefore = env.trace.faults.length;
    env.faults.dropWatches();
    expect(env.trace.faults[watchesBefore]).toMatchObject({ fault: 'dropWatches' });
    expect(env.trace.faults.at(-1)).not.toMatchObject({ count: 0 });
    await env.settle();
    await env.client.patch(ConfigMaps, APP, { type: 'merge', body: { data: { color: 'green' } } });
    await env.until(ConfigMaps, APP, colored('green'), { within: '5s' });
    await env.stop();
  });

  it('completes a watch a test holds', async () => {
    const env = await createTestEnv();
    const events = record(env.client.watch(ConfigMaps, { namespace: 'default' }));
    await env.settle();
    env.faults.dropWatches();
    expect(events.completed).toBe(true);
    await env.stop();
  });
});

describe('faults.delayWatches', () => {
  it('delays every watch event by the duration, in order', async () => {
    const env = await createTestEnv();
    const events = record(
      env.client.watch(ConfigMaps, { namespace: 'default', resourceVersion: '1' }),
    );
    await env.settle();
    env.faults.delayWatches('3s');
    await env.client.create(ConfigMaps, sourceConfigMap('a', 'red'));
    await env.client.create(ConfigMaps, sourceConfigMap('b', 'red'));
    await env.settle();
    expect(events.values).toEqual([]);
    await env.advance('2999ms');
    expect(events.values).toEqual([]);
    await env.advance('1ms');
    expect(
      events.values.map((event) =>
        event.type === 'ADDED' ? event.object.metadata?.name : event.type,
      ),
    ).toEqual(['a', 'b']);
    await env.stop();
  });

  it('delays a controller: it reconciles only once the delay has passed', async () => {
    const env = await createTestEnv({ controllers: [colorController] });
    await env.settle();
    env.faults.delayWatches('30s');
    const start = env.clock.now();
    await env.client.create(ConfigMaps, sourceConfigMap('app', 'blue'));
    await env.until(ConfigMaps, APP, colored('blue'), { within: '1m' });
    expect(env.clock.now() - start).toBeGreaterThanOrEqual(30_000);
    env.faults.clear();
    await env.stop();
  });
});
