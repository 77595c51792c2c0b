import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { ClientWatchEvent } from '../../../src/client/index.js';
import { Deployments, Pods, ReplicaSets } from '../../../src/client/index.js';
import type { Pod } from '../../../src/api/kinds/index.js';
import {
  conditionOf,
  deployment,
  environment,
  flush,
  getDeployment,
  isReady,
  livePods,
  markReady,
  patchSpec,
  replicaSetsOf,
  revision,
  setImage,
} from './deployment-fixture.js';

describe('the Deployment controller', () => {
  it('creates a ReplicaSet named after the template hash, which creates the pods', async () => {
    const { client, stop } = await environment();
    const created = await client.create(Deployments, deployment({ replicas: 3 }));
    await flush();
    const uid = isLeft(created) ? '' : created.right.metadata?.uid;
    const [replicaSet, ...others] = await replicaSetsOf(client);
    expect(others).toEqual([]);
    const hash = replicaSet?.metadata?.labels?.['pod-template-hash'] ?? '';
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(replicaSet?.metadata?.name).toBe(`web-${hash}`);
    expect(replicaSet?.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(replicaSet?.spec?.selector.matchLabels).toEqual({
      app: 'web',
      'pod-template-hash': hash,
    });
    expect(replicaSet?.spec?.template?.metadata?.labels).toEqual({
      app: 'web',
      'pod-template-hash': hash,
    });
    expect(replicaSet?.spec?.replicas).toBe(3);
    expect(replicaSet?.metadata?.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(replicaSet?.metadata?.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(await livePods(client)).toHaveLength(3);
    const stored = await getDeployment(client);
    expect(stored.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(stored.status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 0,
      availableReplicas: 0,
      unavailableReplicas: 3,
    });
    expect(await conditionOf(client, 'Available')).toMatchObject({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
      message: 'Deployment does not have minimum availability.',
    });
    expect(await conditionOf(client, 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'ReplicaSetUpdated',
      message: `ReplicaSet "web-${hash}" is progressing.`,
    });
    stop();
  });

  it('reports the rollout complete and available once the pods are ready', async () => {
    const { clock, client, stop } = await environment();
    await client.create(Deployments, deployment({ replicas: 2 }));
    await flush();
    await markReady(client, clock);
    await flush();
    const [replicaSet] = await replicaSetsOf(client);
    expect((await getDeployment(client)).status).toMatchObject({
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      unavailableReplicas: 0,
    });
    expect(await conditionOf(client, 'Available')).toMatchObject({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
      message: 'Deployment has minimum availability.',
    });
    expect(await conditionOf(client, 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${replicaSet?.metadata?.name ?? ''}" has successfully progressed.`,
    });
    stop();
  });

  it('writes the status only when it changes', async () => {
    const { clock, client, stop } = await environment();
    await client.create(Deployments, deployment({ replicas: 1 }));
    await flush();
    await markReady(client, clock);
    await flush();
    const before = (await getDeployment(client)).metadata?.resourceVersion;
    await client.patch(
      Deployments,
      { namespace: 'default', name: 'web' },
      { type: 'merge', body: { metadata: { labels: { touched: 'yes' } } } },
    );
    await flush();
    const after = await getDeployment(client);
    // Only the label patch itself: no status write follows it.
    expect(Number(after.metadata?.resourceVersion)).toBe(Number(before) + 1);
    stop();
  });

  it('rolls out a new image with maxSurge 1 and maxUnavailable 0 without dropping below 3 ready pods', async () => {
    const { clock, client, stop } = await environment();
    await client.create(
      Deployments,
      deployment({
        replicas: 3,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      }),
    );
    await flush();
    await markReady(client, clock);
    await flush();
    await setImage(client, 'nginx:2');
    for (let step = 0; step < 20; step++) {
      await flush();
      const pods = await livePods(client);
      expect(pods.filter(isReady).length).toBeGreaterThanOrEqual(3);
      expect(pods.length).toBeLessThanOrEqual(4);
      if ((await markReady(client, clock, 1)) === 0) {
        break;
      }
    }
    const [old, current] = await replicaSetsOf(client);
    expect(old?.spec?.replicas).toBe(0);
    expect(current?.spec?.replicas).toBe(3);
    expect(revision(current)).toBe(2);
    const pods = await livePods(client);
    expect(pods.every((pod) => pod.spec?.containers[0]?.image === 'nginx:2')).toBe(true);
    const stored = await getDeployment(client);
    expect(stored.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(stored.status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect(await conditionOf(client, 'Progressing')).toMatchObject({
      reason: 'NewReplicaSetAvailable',
    });
    stop();
  });

  it('with Recreate deletes every old pod before creating a new one', async () => {
    const { clock, client, stop } = await environment();
    await client.create(Deployments, deployment({ replicas: 2, strategy: { type: 'Recreate' } }));
    await flush();
    await markReady(client, clock);
    await flush();
    const events: ClientWatchEvent<Pod>[] = [];
    const watching = client
      .watch(Pods, { namespace: 'default', resourceVersion: await podsVersion() })
      .subscribe((event) => events.push(event));
    await setImage(client, 'nginx:2');
    await flush();
    watching.unsubscribe();
    const order = events.flatMap((event) =>
      event.type === 'ADDED' || event.type === 'DELETED'
        ? [`${event.type} ${event.object.spec?.containers[0]?.image ?? ''}`]
        : [],
    );
    expect(order).toEqual(['DELETED nginx:1', 'DELETED nginx:1', 'ADDED nginx:2', 'ADDED nginx:2']);
    const [old, current] = await replicaSetsOf(client);
    expect(old?.spec?.replicas).toBe(0);
    expect(current?.spec?.replicas).toBe(2);
    stop();

    async function podsVersion(): Promise<string> {
      const listed = await client.list(Pods, { namespace: 'default' });
      return isLeft(listed) ? '0' : listed.right.resourceVersion;
    }
  });

  it('with Recreate waits for a terminating old pod to be gone', async () => {
    const { clock, client, stop } = await environment();
    await client.create(Deployments, deployment({ replicas: 1, strategy: { type: 'Recreate' } }));
    await flush();
    await markReady(client, clock);
    const name = (await livePods(client))[0]?.metadata?.name ?? '';
    const key = { namespace: 'default', name };
    await client.patch(Pods, key, {
      type: 'merge',
      body: { metadata: { finalizers: ['example.com/hold'] } },
    });
    await flush();
    await setImage(client, 'nginx:2');
    await flush();
    expect(await replicaSetsOf(client)).toHaveLength(1);
    expect(await livePods(client)).toHaveLength(0);
    await client.patch(Pods, key, { type: 'merge', body: { metadata: { finalizers: null } } });
    await flush();
    const replicaSets = await replicaSetsOf(client);
    expect(replicaSets).toHaveLength(2);
    expect(replicaSets[1]?.spec?.replicas).toBe(1);
    const pods = await livePods(client);
    expect(pods.map((pod) => pod.spec?.containers[0]?.image)).toEqual(['nginx:2']);
    stop();
  });

  it('rolls back to the previous template by reusing its ReplicaSet at a new revision', async () => {
    const { clock, client, stop } = await environment();
    await client.create(Deployments, deployment({ replicas: 2 }));
    await flush();
    await markReady(client, clock);
    await setImage(client, 'nginx:2');
    await readyUntilStable(client, clock);
    const [first] = await replicaSetsOf(client);
    await setImage(client, 'nginx:1');
    await readyUntilStable(client, clock);
    const replicaSets = await replicaSetsOf(client);
    expect(replicaSets).toHaveLength(2);
    const [second, rolledBack] = replicaSets;
    expect(rolledBack?.metadata?.name).toBe(first?.metadata?.name);
    expect(revision(rolledBack)).toBe(3);
    expect(rolledBack?.spec?.replicas).toBe(2);
    expect(second?.spec?.replicas).toBe(0);
    const stored = await getDeployment(client);
    expect(stored.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    stop();
  });

  it('adopts an orphan ReplicaSet its selector matches', async () => {
    const { client, stop } = await environment();
    await client.create(Deployments, deployment({ replicas: 1 }));
    await flush();
    await client.create(ReplicaSets, {
      metadata: { namespace: 'default', name: 'stray', labels: { app: 'web' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'web', v: 'old' } },
        template: {
          metadata: { labels: { app: 'web', v: 'old' } },
          spec: { containers: [{ name: 'web', image: 'nginx:0' }] },
        },
      },
    });
    await flush();
    const stray = (await replicaSetsOf(client)).find((rs) => rs.metadata?.name === 'stray');
    expect(stray?.metadata?.ownerReferences).toMatchObject([
      { kind: 'Deployment', name: 'web', controller: true },
    ]);
    stop();
  });

  it('leaves a Deployment being deleted alone', async () => {
    const { client, stop } = await environment();
    await client.create(Deployments, {
      ...deployment({ replicas: 1 }),
      metadata: { namespace: 'default', name: 'web', finalizers: ['example.com/hold'] },
    });
    await flush();
    await client.delete(Deployments, { namespace: 'default', name: 'web' });
    await patchSpec(client, { replicas: 4 });
    await flush();
    const [replicaSet] = await replicaSetsOf(client);
    expect(replicaSet?.spec?.replicas).toBe(1);
    stop();
  });
});

/** Marks pods ready, one sync at a time, until none is left to mark. */
async function readyUntilStable(
  client: Parameters<typeof markReady>[0],
  clock: Parameters<typeof markReady>[1],
): Promise<void> {
  for (let step = 0; step < 20; step++) {
    await flush();
    if ((await markReady(client, clock)) === 0) {
      return;
    }
  }
}
