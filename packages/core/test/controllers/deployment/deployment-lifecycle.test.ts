import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import { Deployments } from '../../../src/client/index.js';
import {
  conditionOf,
  deployment,
  environment,
  flush,
  getDeployment,
  livePods,
  markReady,
  patchSpec,
  replicaSetsOf,
  setImage,
} from './deployment-fixture.js';

describe('the Deployment controller over a Deployment lifetime', () => {
  it('spreads a scale-up mid-rollout over the ReplicaSets in proportion', async () => {
    const { clock, client, stop } = await environment();
    await client.create(
      Deployments,
      deployment({
        replicas: 10,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } },
      }),
    );
    await flush();
    await markReady(client, clock);
    await flush();
    await setImage(client, 'nginx:2');
    await flush();
    // The new pods never become ready: the rollout stalls at old 8, new 5.
    let [old, current] = await replicaSetsOf(client);
    expect([old?.spec?.replicas, current?.spec?.replicas]).toEqual([8, 5]);
    await patchSpec(client, { replicas: 20 });
    await flush();
    [old, current] = await replicaSetsOf(client);
    expect([old?.spec?.replicas, current?.spec?.replicas]).toEqual([14, 9]);
    for (const replicaSet of [old, current]) {
      expect(replicaSet?.metadata?.annotations).toMatchObject({
        'deployment.kubernetes.io/desired-replicas': '20',
        'deployment.kubernetes.io/max-replicas': '23',
      });
    }
    stop();
  });

  it('scales the only active ReplicaSet when no rollout is under way', async () => {
    const { clock, client, stop } = await environment();
    await client.create(Deployments, deployment({ replicas: 3 }));
    await flush();
    await markReady(client, clock);
    await patchSpec(client, { replicas: 10 });
    await flush();
    expect(await livePods(client)).toHaveLength(10);
    await patchSpec(client, { replicas: 2 });
    await flush();
    const [only] = await replicaSetsOf(client);
    expect(only?.spec?.replicas).toBe(2);
    expect(only?.metadata?.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('2');
    stop();
  });

  it('does not roll out while paused, but still scales, and resumes the rollout', async () => {
    const { clock, client, stop } = await environment();
    await client.create(Deployments, deployment({ replicas: 2 }));
    await flush();
    await markReady(client, clock);
    await flush();
    await patchSpec(client, { paused: true });
    await flush();
    expect(await conditionOf(client, 'Progressing')).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });
    await setImage(client, 'nginx:2');
    await patchSpec(client, { replicas: 4 });
    await flush();
    const paused = await replicaSetsOf(client);
    expect(paused).toHaveLength(1);
    expect(paused[0]?.spec?.replicas).toBe(4);
    expect((await getDeployment(client)).status?.observedGeneration).toBe(4);
    await patchSpec(client, { paused: false });
    await flush();
    const resumed = await replicaSetsOf(client);
    expect(resumed).toHaveLength(2);
    expect(resumed[1]?.spec?.template?.spec?.containers[0]?.image).toBe('nginx:2');
    expect((await conditionOf(client, 'Progressing'))?.reason).not.toBe('DeploymentPaused');
    stop();
  });

  it('reports ProgressDeadlineExceeded once no progress was made for progressDeadlineSeconds', async () => {
    const { clock, client, stop } = await environment();
    await client.create(Deployments, deployment({ replicas: 2, progressDeadlineSeconds: 60 }));
    await flush();
    const name = (await replicaSetsOf(client))[0]?.metadata?.name ?? '';
    await clock.advanceAsync(59_000);
    await flush();
    expect(await conditionOf(client, 'Progressing')).toMatchObject({ status: 'True' });
    await clock.advanceAsync(3_000);
    await flush();
    expect(await conditionOf(client, 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${name}" has timed out progressing.`,
    });
    // Progress after the deadline makes it progress again.
    await markReady(client, clock);
    await flush();
    expect(await conditionOf(client, 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
    });
    stop();
  });

  it('keeps revisionHistoryLimit old ReplicaSets, deleting the oldest scaled-down ones', async () => {
    const { clock, client, stop } = await environment();
    await client.create(Deployments, deployment({ replicas: 1, revisionHistoryLimit: 1 }));
    await flush();
    for (const image of ['nginx:2', 'nginx:3', 'nginx:4']) {
      await markReady(client, clock);
      await setImage(client, image);
      for (let step = 0; step < 10; step++) {
        await flush();
        if ((await markReady(client, clock)) === 0) {
          break;
        }
      }
    }
    await flush();
    const replicaSets = await replicaSetsOf(client);
    expect(replicaSets.map((rs) => rs.spec?.template?.spec?.containers[0]?.image)).toEqual([
      'nginx:3',
      'nginx:4',
    ]);
    expect(replicaSets.map((rs) => rs.spec?.replicas)).toEqual([0, 1]);
    stop();
  });

  it('with maxSurge and maxUnavailable both 0 still rolls out, one pod unavailable at a time', async () => {
    const { clock, client, stop } = await environment();
    await client.create(
      Deployments,
      deployment({
        replicas: 2,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } },
      }),
    );
    await flush();
    await markReady(client, clock);
    await flush();
    await setImage(client, 'nginx:2');
    await flush();
    const [old, current] = await replicaSetsOf(client);
    expect([old?.spec?.replicas, current?.spec?.replicas]).toEqual([1, 1]);
    stop();
  });

  it('refuses a malformed maxSurge as a terminal error and creates nothing', async () => {
    const { client, outcomes, stop } = await environment();
    await client.create(
      Deployments,
      deployment({
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25', maxUnavailable: 0 } },
      }),
    );
    await flush();
    expect(await replicaSetsOf(client)).toEqual([]);
    expect(outcomes.at(-1)?.result).toMatchObject({
      _tag: 'Failed',
      terminal: true,
      error: { message: expect.stringContaining('spec.strategy.rollingUpdate.maxSurge') },
    });
    stop();
  });

  it('leaves to the apiserver a selector that does not match the template labels', async () => {
    const { client, stop } = await environment();
    const created = await client.create(Deployments, {
      ...deployment(),
      spec: { ...deployment().spec!, selector: { matchLabels: { app: 'other' } } },
    });
    expect(isLeft(created) && created.left.code).toBe(422);
    stop();
  });
});
