// Scenario 2: scaling a Deployment, a rolling update that keeps 3 pods ready, a rollback.
import { describe, expect, it } from '@jest/globals';
import { Deployments, Pods, type Deployment, type Pod } from '@drydock/core';
import { createTestEnv, type TestEnv } from '../../src/testing/index.js';
import {
  changeDeployment,
  isRunningAndReady,
  podsOf,
  replicaSetsOf,
  webDeployment,
} from './scenario-support.js';

const REVISION = 'deployment.kubernetes.io/revision';

/** Waits until the Deployment has `replicas` pods, every one of them Running and Ready. */
async function untilReadyPods(env: TestEnv, replicas: number): Promise<readonly Pod[]> {
  await env.until(
    Deployments,
    { namespace: 'default', name: 'web' },
    (d: Deployment | undefined) =>
      d?.status?.readyReplicas === replicas && d.status.replicas === replicas,
    { within: '2m' },
  );
  const pods = await podsOf(env.client, 'default', 'web');
  return pods.filter((pod) => pod.metadata?.deletionTimestamp === undefined);
}

function withImage(image: string): (deployment: Deployment) => Deployment {
  return (deployment) => {
    const template = deployment.spec?.template;
    const container = template?.spec?.containers[0];
    if (deployment.spec === undefined || template?.spec === undefined || !container) {
      throw new Error('the Deployment has no container');
    }
    return {
      ...deployment,
      spec: {
        ...deployment.spec,
        template: {
          ...template,
          spec: { ...template.spec, containers: [{ ...container, image }] },
        },
      },
    };
  };
}

function imagesOf(pods: readonly Pod[]): readonly string[] {
  return [...new Set(pods.map((pod) => pod.spec?.containers[0]?.image ?? ''))];
}

describe('scenario: scaling, rolling update and rollback of a Deployment', () => {
  it('scales 3 → 10 → 2 with every pod Running and Ready', async () => {
    const env = await createTestEnv({ controlPlane: true, nodes: 3 });
    try {
      await env.client.create(Deployments, webDeployment({ replicas: 3 }));
      expect(await untilReadyPods(env, 3)).toHaveLength(3);

      await changeDeployment(env.client, (d) => ({ ...d, spec: { ...d.spec!, replicas: 10 } }));
      const ten = await untilReadyPods(env, 10);
      expect(ten).toHaveLength(10);
      expect(ten.every(isRunningAndReady)).toBe(true);
      expect(new Set(ten.map((pod) => pod.spec?.nodeName)).size).toBe(3);

      await changeDeployment(env.client, (d) => ({ ...d, spec: { ...d.spec!, replicas: 2 } }));
      await untilReadyPods(env, 2);
      await env.advance('40s');
      const two = await podsOf(env.client, 'default', 'web');
      expect(two).toHaveLength(2);
      expect(two.every(isRunningAndReady)).toBe(true);
    } finally {
      await env.stop();
    }
  });

  it('rolls out a new image keeping 3 pods ready (maxSurge 1, maxUnavailable 0), then rolls back', async () => {
    const env = await createTestEnv({ controlPlane: true, nodes: 3 });
    try {
      // New pods take 5 s to start, so the rollout spans virtual time.
      env.cluster.runtimeScript.script({ image: 'nginx:1.28' }, { startDelay: '5s' });
      await env.client.create(
        Deployments,
        webDeployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0 }),
      );
      await untilReadyPods(env, 3);
      const [firstReplicaSet] = await replicaSetsOf(env.client);
      expect(firstReplicaSet?.metadata?.annotations?.[REVISION]).toBe('1');

      // Every pod event updates the live view; the ready count is taken after each one.
      const live = new Map<string, Pod>();
      const readyCounts: number[] = [];
      let replayed = false;
      const watch = env.client
        .watch(Pods, { namespace: 'default', labelSelector: 'app=web' })
        .subscribe((event) => {
          if (event.type === 'ADDED' || event.type === 'MODIFIED') {
            live.set(event.object.metadata?.name ?? '', event.object);
          } else if (event.type === 'DELETED') {
            live.delete(event.object.metadata?.name ?? '');
          } else {
            return;
          }
          if (replayed) {
            readyCounts.push([...live.values()].filter(isRunningAndReady).length);
          }
        });
      await env.settle();
      expect([...live.values()].filter(isRunningAndReady)).toHaveLength(3);
      replayed = true;
      const sampled: number[] = [];
      try {
        await changeDeployment(env.client, withImage('nginx:1.28'));
        for (let step = 0; step < 60; step++) {
          await env.advance('1s');
          const pods = await podsOf(env.client, 'default', 'web');
          sampled.push(pods.filter(isRunningAndReady).length);
        }
      } finally {
        watch.unsubscribe();
      }
      expect(readyCounts.length).toBeGreaterThan(10);
      expect(Math.min(...readyCounts)).toBeGreaterThanOrEqual(3);
      expect(Math.min(...sampled)).toBeGreaterThanOrEqual(3);
      // Never more than 3 + maxSurge pods at a time.
      expect(Math.max(...readyCounts)).toBeLessThanOrEqual(4);

      const rolled = await untilReadyPods(env, 3);
      expect(imagesOf(rolled)).toEqual(['nginx:1.28']);
      const afterRollout = await replicaSetsOf(env.client);
      expect(afterRollout).toHaveLength(2);
      expect(afterRollout[0]?.spec?.replicas).toBe(0);
      expect(afterRollout[1]?.metadata?.annotations?.[REVISION]).toBe('2');
      const updated = await env.until(
        Deployments,
        { namespace: 'default', name: 'web' },
        (d: Deployment | undefined) => d?.status?.updatedReplicas === 3,
      );
      expect(updated?.metadata?.annotations?.[REVISION]).toBe('2');

      // Rollback: the template's image set back to the first one.
      await changeDeployment(env.client, withImage('nginx:1.27'));
      await env.advance('1m');
      const back = await untilReadyPods(env, 3);
      expect(imagesOf(back)).toEqual(['nginx:1.27']);
      const afterRollback = await replicaSetsOf(env.client);
      expect(afterRollback).toHaveLength(2);
      const old = afterRollback.find((rs) => rs.metadata?.name === firstReplicaSet?.metadata?.name);
      expect(old?.spec?.replicas).toBe(3);
      expect(old?.metadata?.annotations?.[REVISION]).toBe('3');
      expect(afterRollback.find((rs) => rs !== old)?.spec?.replicas).toBe(0);
      const deployment = await env.client.get(Deployments, { namespace: 'default', name: 'web' });
      expect(
        deployment._tag === 'Right' && deployment.right.metadata?.annotations?.[REVISION],
      ).toBe('3');
    } finally {
      await env.stop();
    }
  });
});
