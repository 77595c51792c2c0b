// Scenario 7: taints and tolerations, node affinity, nodeSelector, topology spread and
// inter-pod anti-affinity place pods as upstream's scheduler does.
import { describe, expect, it } from '@jest/globals';
import { Deployments, Nodes, Pods, type Pod } from '@drydock/core';
import { createTestEnv, type TestEnv } from '../../src/testing/index.js';
import {
  barePod,
  changeDeployment,
  eventsAbout,
  isRunningAndReady,
  podCondition,
  podsOf,
  webDeployment,
} from './scenario-support.js';

const GPU_TAINT = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' } as const;

async function podNamed(env: TestEnv, name: string): Promise<Pod> {
  const pod = await env.until(Pods, { namespace: 'default', name }, (p) => p !== undefined);
  if (pod === undefined) {
    throw new Error(`no pod ${name}`);
  }
  return pod;
}

/** Checks the pod is Pending, unschedulable for `message`, with that FailedScheduling event. */
async function expectUnschedulable(env: TestEnv, pod: Pod, message: string): Promise<void> {
  expect(pod.status?.phase).toBe('Pending');
  expect(pod.spec?.nodeName).toBeUndefined();
  expect(podCondition(pod, 'PodScheduled')).toMatchObject({
    status: 'False',
    reason: 'Unschedulable',
    message,
  });
  const events = await eventsAbout(env.client, pod.metadata?.name ?? '');
  expect(events.filter((e) => e.reason === 'FailedScheduling').map((e) => e.message)).toContain(
    message,
  );
}

function nodesOf(pods: readonly Pod[]): readonly string[] {
  return pods.map((pod) => pod.spec?.nodeName ?? '').sort();
}

describe('scenario: placing pods', () => {
  it('keeps pods off tainted nodes unless they tolerate the taint, and evicts on NoExecute', async () => {
    const env = await createTestEnv({ controlPlane: true, nodes: [{ name: 'node-1' }] });
    try {
      for (const name of ['gpu-1', 'gpu-2']) {
        await env.cluster.addNode({ name, labels: { accelerator: 'gpu' }, taints: [GPU_TAINT] });
      }
      await env.client.create(Deployments, webDeployment({ replicas: 4 }));
      await env.until(
        Deployments,
        { namespace: 'default', name: 'web' },
        (d) => d?.status?.readyReplicas === 4,
      );
      expect(nodesOf(await podsOf(env.client, 'default', 'web'))).toEqual(Array(4).fill('node-1'));

      await env.client.create(
        Pods,
        barePod('trainer', {
          nodeSelector: { accelerator: 'gpu' },
          tolerations: [
            { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
          ],
        }),
      );
      await env.client.create(Pods, barePod('intruder', { nodeSelector: { accelerator: 'gpu' } }));
      await env.advance('10s');
      const trainer = await podNamed(env, 'trainer');
      expect(['gpu-1', 'gpu-2']).toContain(trainer.spec?.nodeName);
      expect(isRunningAndReady(trainer)).toBe(true);
      await expectUnschedulable(
        env,
        await podNamed(env, 'intruder'),
        "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, " +
          '2 node(s) had untolerated taint {dedicated: gpu}.',
      );

      // A NoExecute taint evicts the pods that do not tolerate it.
      const node = await env.client.get(Nodes, { name: 'node-1' });
      if (node._tag === 'Left') {
        throw new Error(node.left.message);
      }
      const deleting = new Set<string>();
      const watch = env.client
        .watch(Pods, { namespace: 'default', labelSelector: 'app=web' })
        .subscribe((event) => {
          if (event.type === 'MODIFIED' && event.object.metadata?.deletionTimestamp !== undefined) {
            deleting.add(
              `${event.object.metadata.name ?? ''}@${event.object.spec?.nodeName ?? ''}`,
            );
          }
        });
      const before = await podsOf(env.client, 'default', 'web');
      try {
        await env.client.update(Nodes, {
          ...node.right,
          spec: {
            ...node.right.spec,
            taints: [{ key: 'maintenance', value: 'now', effect: 'NoExecute' }],
          },
        });
        await env.advance('5s');
      } finally {
        watch.unsubscribe();
      }
      expect([...deleting].sort()).toEqual(
        before.map((pod) => `${pod.metadata?.name ?? ''}@node-1`).sort(),
      );
      await env.advance('1m');
      const replacements = await podsOf(env.client, 'default', 'web');
      expect(replacements).toHaveLength(4);
      for (const pod of replacements) {
        await expectUnschedulable(
          env,
          pod,
          '0/3 nodes are available: 1 node(s) had untolerated taint {maintenance: now}, ' +
            '2 node(s) had untolerated taint {dedicated: gpu}.',
        );
      }
    } finally {
      await env.stop();
    }
  });

  it('follows nodeSelector and required and preferred node affinity', async () => {
    const env = await createTestEnv({
      controlPlane: true,
      nodes: [
        { name: 'node-1', labels: { zone: 'a', disktype: 'ssd' } },
        { name: 'node-2', labels: { zone: 'b', disktype: 'hdd' } },
        { name: 'node-3', labels: { zone: 'c', disktype: 'ssd' } },
      ],
    });
    try {
      const inZonesAB = {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: 'zone', operator: 'In' as const, values: ['a', 'b'] }] },
        ],
      };
      await env.client.create(
        Deployments,
        webDeployment({
          replicas: 6,
          podSpec: {
            affinity: {
              nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: inZonesAB },
            },
          },
        }),
      );
      await env.until(
        Deployments,
        { namespace: 'default', name: 'web' },
        (d) => d?.status?.readyReplicas === 6,
      );
      const web = nodesOf(await podsOf(env.client, 'default', 'web'));
      expect(web).not.toContain('node-3');
      expect(new Set(web)).toEqual(new Set(['node-1', 'node-2']));

      const preferSsd = [
        {
          weight: 100,
          preference: {
            matchExpressions: [{ key: 'disktype', operator: 'In' as const, values: ['ssd'] }],
          },
        },
      ];
      await env.client.create(
        Pods,
        barePod('fast', {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: inZonesAB,
              preferredDuringSchedulingIgnoredDuringExecution: preferSsd,
            },
          },
        }),
      );
      for (const name of ['ssd-1', 'ssd-2', 'ssd-3']) {
        await env.client.create(
          Pods,
          barePod(name, {
            affinity: {
              nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferSsd },
            },
          }),
        );
      }
      await env.client.create(Pods, barePod('on-hdd', { nodeSelector: { disktype: 'hdd' } }));
      await env.client.create(Pods, barePod('on-nvme', { nodeSelector: { disktype: 'nvme' } }));
      await env.advance('10s');
      expect((await podNamed(env, 'fast')).spec?.nodeName).toBe('node-1');
      for (const name of ['ssd-1', 'ssd-2', 'ssd-3']) {
        expect(['node-1', 'node-3']).toContain((await podNamed(env, name)).spec?.nodeName);
      }
      const onHdd = await podNamed(env, 'on-hdd');
      expect(onHdd.spec?.nodeName).toBe('node-2');
      expect(isRunningAndReady(onHdd)).toBe(true);
      await expectUnschedulable(
        env,
        await podNamed(env, 'on-nvme'),
        "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.",
      );
    } finally {
      await env.stop();
    }
  });

  it('spreads pods evenly across zones with maxSkew 1 and DoNotSchedule', async () => {
    const zones = ['a', 'a', 'b', 'b', 'c', 'c'];
    const env = await createTestEnv({
      controlPlane: true,
      nodes: zones.map((zone, index) => ({
        name: `node-${index + 1}`,
        labels: { 'topology.kubernetes.io/zone': zone },
      })),
    });
    try {
      const zoneOf = new Map(zones.map((zone, index) => [`node-${index + 1}`, zone]));
      const perZone = async (): Promise<readonly number[]> => {
        const counts = new Map<string, number>();
        for (const pod of await podsOf(env.client, 'default', 'web')) {
          const zone = zoneOf.get(pod.spec?.nodeName ?? '') ?? 'none';
          counts.set(zone, (counts.get(zone) ?? 0) + 1);
        }
        return ['a', 'b', 'c', 'none'].map((zone) => counts.get(zone) ?? 0);
      };
      await env.client.create(
        Deployments,
        webDeployment({
          replicas: 7,
          podSpec: {
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: 'topology.kubernetes.io/zone',
                whenUnsatisfiable: 'DoNotSchedule',
                labelSelector: { matchLabels: { app: 'web' } },
              },
            ],
          },
        }),
      );
      await env.until(
        Deployments,
        { namespace: 'default', name: 'web' },
        (d) => d?.status?.readyReplicas === 7,
      );
      const seven = await perZone();
      expect([...seven.slice(0, 3)].sort()).toEqual([2, 2, 3]);
      expect(seven[3]).toBe(0);

      await changeDeployment(env.client, (d) => ({ ...d, spec: { ...d.spec!, replicas: 9 } }));
      await env.until(
        Deployments,
        { namespace: 'default', name: 'web' },
        (d) => d?.status?.readyReplicas === 9,
      );
      expect(await perZone()).toEqual([3, 3, 3, 0]);
    } finally {
      await env.stop();
    }
  });

  it('leaves a pod Pending rather than break maxSkew when a zone is full', async () => {
    const env = await createTestEnv({
      controlPlane: true,
      nodes: [
        { name: 'node-1', labels: { 'topology.kubernetes.io/zone': 'a' } },
        { name: 'node-2', labels: { 'topology.kubernetes.io/zone': 'a' } },
        { name: 'node-3', labels: { 'topology.kubernetes.io/zone': 'b' } },
        { name: 'node-4', labels: { 'topology.kubernetes.io/zone': 'b' } },
        // Room for one pod of 1 cpu only.
        {
          name: 'node-5',
          labels: { 'topology.kubernetes.io/zone': 'c' },
          capacity: { cpu: '1', memory: '16Gi', pods: '110' },
        },
      ],
    });
    try {
      await env.client.create(
        Deployments,
        webDeployment({
          replicas: 6,
          cpu: '1',
          podSpec: {
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: 'topology.kubernetes.io/zone',
                whenUnsatisfiable: 'DoNotSchedule',
                labelSelector: { matchLabels: { app: 'web' } },
              },
            ],
          },
        }),
      );
      await env.advance('30s');
      const pods = await podsOf(env.client, 'default', 'web');
      expect(pods).toHaveLength(6);
      const placed = pods.filter((pod) => pod.spec?.nodeName !== undefined);
      // a: 2, b: 2, c: 1; a sixth pod in a or b would make the skew 2.
      expect(placed).toHaveLength(5);
      expect(nodesOf(placed).filter((node) => node === 'node-5')).toHaveLength(1);
      const pending = pods.find((pod) => pod.spec?.nodeName === undefined) as Pod;
      await expectUnschedulable(
        env,
        pending,
        '0/5 nodes are available: 1 Insufficient cpu, ' +
          "4 node(s) didn't match pod topology spread constraints.",
      );
    } finally {
      await env.stop();
    }
  });

  it('puts one pod per node with required anti-affinity on the hostname, and leaves an extra one Pending', async () => {
    const env = await createTestEnv({ controlPlane: true, nodes: 3 });
    try {
      await env.client.create(
        Deployments,
        webDeployment({
          replicas: 3,
          podSpec: {
            affinity: {
              podAntiAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: [
                  {
                    labelSelector: { matchLabels: { app: 'web' } },
                    topologyKey: 'kubernetes.io/hostname',
                  },
                ],
              },
            },
          },
        }),
      );
      await env.until(
        Deployments,
        { namespace: 'default', name: 'web' },
        (d) => d?.status?.readyReplicas === 3,
      );
      expect(nodesOf(await podsOf(env.client, 'default', 'web'))).toEqual([
        'node-1',
        'node-2',
        'node-3',
      ]);

      await changeDeployment(env.client, (d) => ({ ...d, spec: { ...d.spec!, replicas: 4 } }));
      await env.advance('30s');
      const pods = await podsOf(env.client, 'default', 'web');
      expect(pods).toHaveLength(4);
      const pending = pods.filter((pod) => pod.spec?.nodeName === undefined);
      expect(pending).toHaveLength(1);
      await expectUnschedulable(
        env,
        pending[0] as Pod,
        "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.",
      );
    } finally {
      await env.stop();
    }
  });
});
