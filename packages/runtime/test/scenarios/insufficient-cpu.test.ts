// Scenario 3: pods too big for every node stay Pending until a bigger node joins.
import { describe, expect, it } from '@jest/globals';
import { Deployments, Nodes, type Deployment } from '@drydock/core';
import { createTestEnv } from '../../src/testing/index.js';
import {
  eventsAbout,
  isRunningAndReady,
  podCondition,
  podsOf,
  webDeployment,
} from './scenario-support.js';

describe('scenario: pods that request more cpu than any node has', () => {
  it('stay Pending with a FailedScheduling event until a bigger node schedules them', async () => {
    const env = await createTestEnv({ controlPlane: true, nodes: 3 });
    try {
      await env.client.create(Deployments, webDeployment({ replicas: 2, cpu: '32' }));
      await env.advance('30s');
      const pending = await podsOf(env.client, 'default', 'web');
      expect(pending).toHaveLength(2);
      for (const pod of pending) {
        expect(pod.status?.phase).toBe('Pending');
        expect(pod.spec?.nodeName).toBeUndefined();
        expect(podCondition(pod, 'PodScheduled')).toMatchObject({
          status: 'False',
          reason: 'Unschedulable',
          message: '0/3 nodes are available: 3 Insufficient cpu.',
        });
        const failed = (await eventsAbout(env.client, pod.metadata?.name ?? '')).filter(
          (event) => event.reason === 'FailedScheduling',
        );
        expect(failed.length).toBeGreaterThanOrEqual(1);
        expect(failed[0]).toMatchObject({
          type: 'Warning',
          message: '0/3 nodes are available: 3 Insufficient cpu.',
          involvedObject: { kind: 'Pod', namespace: 'default', name: pod.metadata?.name },
        });
      }

      const big = await env.cluster.addNode({
        name: 'big',
        capacity: { cpu: '64', memory: '256Gi', pods: '110', 'ephemeral-storage': '100Gi' },
      });
      expect(big.name).toBe('big');
      const node = await env.until(Nodes, { name: 'big' }, (n) =>
        (n?.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
      );
      expect(node?.status?.capacity?.['cpu']).toBe('64');
      await env.until(
        Deployments,
        { namespace: 'default', name: 'web' },
        (d: Deployment | undefined) => d?.status?.readyReplicas === 2,
        { within: '10s' },
      );
      const running = await podsOf(env.client, 'default', 'web');
      expect(running.map((pod) => pod.spec?.nodeName)).toEqual(['big', 'big']);
      expect(running.every(isRunningAndReady)).toBe(true);
      for (const pod of running) {
        expect(podCondition(pod, 'PodScheduled')?.status).toBe('True');
        const scheduled = (await eventsAbout(env.client, pod.metadata?.name ?? '')).filter(
          (event) => event.reason === 'Scheduled',
        );
        expect(scheduled[0]?.message).toBe(
          `Successfully assigned default/${pod.metadata?.name ?? ''} to big`,
        );
      }
    } finally {
      await env.stop();
    }
  });
});
