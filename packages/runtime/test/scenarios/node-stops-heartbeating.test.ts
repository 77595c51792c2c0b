// Scenario 4: a node stops heartbeating; it is marked Unknown, tainted, and its pods move.
import { describe, expect, it } from '@jest/globals';
import { Deployments, Nodes, type Node } from '@drydock/core';
import { createTestEnv } from '../../src/testing/index.js';
import { isRunningAndReady, podCondition, podsOf, webDeployment } from './scenario-support.js';

function readyCondition(node: Node | undefined): string | undefined {
  return (node?.status?.conditions ?? []).find((c) => c.type === 'Ready')?.status;
}

function unreachableTaints(node: Node | undefined): readonly string[] {
  return (node?.spec?.taints ?? [])
    .filter((taint) => taint.key === 'node.kubernetes.io/unreachable')
    .map((taint) => taint.effect)
    .sort();
}

describe('scenario: a node stops heartbeating', () => {
  it('is Unknown and tainted after the grace period, and its pods are evicted and replaced after 300 s', async () => {
    const env = await createTestEnv({ controlPlane: true, nodes: 3 });
    try {
      await env.client.create(Deployments, webDeployment({ replicas: 6 }));
      await env.until(
        Deployments,
        { namespace: 'default', name: 'web' },
        (d) => d?.status?.readyReplicas === 6,
      );
      const before = await podsOf(env.client, 'default', 'web');
      const onNode1 = before.filter((pod) => pod.spec?.nodeName === 'node-1');
      expect(onNode1.length).toBeGreaterThan(0);
      for (const pod of onNode1) {
        // The DefaultTolerationSeconds admission plugin's tolerations.
        expect(pod.spec?.tolerations).toEqual(
          expect.arrayContaining([
            {
              key: 'node.kubernetes.io/unreachable',
              operator: 'Exists',
              effect: 'NoExecute',
              tolerationSeconds: 300,
            },
          ]),
        );
      }

      const stoppedAt = env.clock.now();
      env.cluster.nodes.get('node-1')?.stop();
      await env.advance('30s');
      expect(readyCondition(await env.until(Nodes, { name: 'node-1' }, () => true))).toBe('True');

      const unknown = await env.until(
        Nodes,
        { name: 'node-1' },
        (node) => readyCondition(node) === 'Unknown' && unreachableTaints(node).length === 2,
        { within: '1m' },
      );
      const markedAfter = env.clock.now() - stoppedAt;
      // 40-50 s without a lease renewal (the last one was up to 10 s before the stop), plus
      // at most one 5 s monitor period.
      expect(markedAfter).toBeGreaterThanOrEqual(40_000);
      expect(markedAfter).toBeLessThanOrEqual(60_000);
      expect(unreachableTaints(unknown)).toEqual(['NoExecute', 'NoSchedule']);
      const ready = (unknown?.status?.conditions ?? []).find((c) => c.type === 'Ready');
      expect(ready?.reason).toBe('NodeStatusUnknown');
      expect(ready?.message).toBe('Kubelet stopped posting node status.');

      // Its pods are marked not ready (upstream's MarkPodsNotReady).
      const marked = await podsOf(env.client, 'default', 'web');
      for (const pod of onNode1) {
        const now = marked.find((p) => p.metadata?.name === pod.metadata?.name);
        expect(now && podCondition(now, 'Ready')?.status).toBe('False');
      }

      // Not yet evicted before the tolerations' 300 s.
      await env.advance('290s');
      const tolerated = await podsOf(env.client, 'default', 'web');
      for (const pod of onNode1) {
        const now = tolerated.find((p) => p.metadata?.name === pod.metadata?.name);
        expect(now?.metadata?.deletionTimestamp).toBeUndefined();
      }
      await env.advance('15s');
      const after = await podsOf(env.client, 'default', 'web');
      for (const pod of onNode1) {
        const evicted = after.find((p) => p.metadata?.name === pod.metadata?.name);
        expect(evicted?.metadata?.deletionTimestamp).toBeDefined();
      }
      await env.until(
        Deployments,
        { namespace: 'default', name: 'web' },
        (d) => d?.status?.readyReplicas === 6 && d.status.availableReplicas === 6,
      );
      const replaced = (await podsOf(env.client, 'default', 'web')).filter(
        (pod) => pod.metadata?.deletionTimestamp === undefined,
      );
      expect(replaced).toHaveLength(6);
      expect(replaced.every(isRunningAndReady)).toBe(true);
      expect(replaced.some((pod) => pod.spec?.nodeName === 'node-1')).toBe(false);
      const names = new Set(onNode1.map((pod) => pod.metadata?.name));
      expect(replaced.filter((pod) => names.has(pod.metadata?.name))).toHaveLength(0);
    } finally {
      await env.stop();
    }
  });
});
