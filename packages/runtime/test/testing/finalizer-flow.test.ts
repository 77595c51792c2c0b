import { describe, expect, it } from '@jest/globals';
import {
  awaitChange,
  ConfigMaps,
  controller,
  finalizer,
  type Client,
  type Clock,
  type ConfigMap,
} from '@drydock/core';
import { createTestEnv } from '../../src/testing/index.js';

const FINALIZER = 'example.com/release-quota';

/** Holds a "quota" for each ConfigMap while it exists, and releases it before it goes. */
function quotas(held: Set<string>, releaseFailures: { count: number }) {
  return function quotaController(client: Client, clock: Clock) {
    return controller({ client, clock })
      .for(ConfigMaps, { namespace: 'default' })
      .reconcile(async (request, { cache }) => {
        const object: ConfigMap | undefined = cache.get(request);
        if (object === undefined) {
          return awaitChange();
        }
        return finalizer({
          client,
          type: ConfigMaps,
          name: FINALIZER,
          object,
          apply: () => {
            held.add(request.name);
            return awaitChange();
          },
          cleanup: () => {
            if (releaseFailures.count-- > 0) {
              throw new Error('the quota service is down');
            }
            held.delete(request.name);
            return awaitChange();
          },
        });
      });
  };
}

describe('a finalizer flow through the apiserver', () => {
  it('adds the finalizer, holds the object while cleanup fails, and lets it go once cleanup succeeds', async () => {
    const held = new Set<string>();
    const failures = { count: 2 };
    const env = await createTestEnv({ controllers: [quotas(held, failures)] });
    const key = { namespace: 'default', name: 'team-a' };
    await env.client.create(ConfigMaps, { metadata: key, data: {} });
    const withFinalizer = await env.until(ConfigMaps, key, (object) =>
      (object?.metadata?.finalizers ?? []).includes(FINALIZER),
    );
    expect(withFinalizer?.metadata?.finalizers).toStrictEqual([FINALIZER]);
    await env.settle();
    expect(held.has('team-a')).toBe(true);

    const deleting = await env.client.delete(ConfigMaps, key);
    expect(deleting).toMatchObject({
      right: { metadata: { deletionTimestamp: expect.any(String) } },
    });
    await env.settle();
    // Cleanup failed: the object stays, finalizer and all.
    expect(await env.client.get(ConfigMaps, key)).toMatchObject({
      right: { metadata: { finalizers: [FINALIZER] } },
    });

    const gone = await env.until(ConfigMaps, key, (object) => object === undefined, {
      within: '1m',
    });
    expect(gone).toBeUndefined();
    expect(held.has('team-a')).toBe(false);
    expect(
      env.trace.reconciles.filter((r) => r.key === 'default/team-a' && r.result._tag === 'Failed'),
    ).toHaveLength(2);
    await env.stop();
  });
});
