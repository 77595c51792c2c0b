// The example of docs/guides/testing.md, kept as a real test so that it cannot rot:
// change both together.
import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  awaitChange,
  ConfigMaps,
  controller,
  internalError,
  setControllerReference,
  type Clock,
  type ConfigMap,
  type Client,
} from '@drydock/core';
import { createTestEnv, drydockMatchers } from '../../src/testing/index.js';

expect.extend(drydockMatchers);

/** For every ConfigMap labelled `backup=true`, keeps a copy `<name>-backup` it owns. */
function backups(client: Client, clock: Clock) {
  return controller({ client, clock })
    .for(ConfigMaps, { namespace: 'default', labelSelector: 'backup=true' })
    .reconcile(async (request) => {
      const source = await client.get(ConfigMaps, request);
      if (isLeft(source)) {
        return awaitChange(); // deleted: the garbage collector removes the backup
      }
      const backup = setControllerReference<ConfigMap>(source.right, {
        metadata: { namespace: 'default', name: `${request.name}-backup` },
        data: source.right.data ?? {},
      });
      if (isLeft(backup)) {
        throw new Error(backup.left._tag);
      }
      const created = await client.create(ConfigMaps, backup.right);
      if (isLeft(created) && created.left.reason !== 'AlreadyExists') {
        throw new Error(`cannot create the backup: ${created.left.message ?? ''}`); // retried with backoff
      }
      return awaitChange();
    });
}

describe('the backups controller', () => {
  it('backs up a labelled ConfigMap, even when the first create fails', async () => {
    const env = await createTestEnv({ controllers: [backups] });
    env.faults.failNext({
      verb: 'create',
      name: 'settings-backup',
      status: internalError({ message: 'etcd is slow' }),
    });

    const settings = await env.client.create(ConfigMaps, {
      metadata: { namespace: 'default', name: 'settings', labels: { backup: 'true' } },
      data: { color: 'blue' },
    });

    const backup = await env.until(
      ConfigMaps,
      { namespace: 'default', name: 'settings-backup' },
      (object) => object !== undefined,
      { within: '1m' },
    );
    expect(backup?.data).toEqual({ color: 'blue' });
    expect(backup).toBeOwnedBy(isLeft(settings) ? {} : settings.right);
    expect(env).toHaveBeenReconciled('default/settings', 2); // failed once, then succeeded
    expect(
      await env.client.get(ConfigMaps, { namespace: 'default', name: 'settings-backup' }),
    ).toExist();
    await env.stop();
  });
});
