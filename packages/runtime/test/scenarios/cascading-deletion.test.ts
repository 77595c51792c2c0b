// Scenario 6: deleting a Deployment (Background, Foreground, Orphan) and a namespace.
import { describe, expect, it } from '@jest/globals';
import {
  ConfigMaps,
  Deployments,
  EndpointsType,
  Namespaces,
  Pods,
  ReplicaSets,
  Services,
  type ApiObject,
  type Client,
  type ResourceType,
  type PropagationPolicy,
} from '@drydock/core';
import type { Subscription } from 'rxjs';
import { createTestEnv, type TestEnv } from '../../src/testing/index.js';
import {
  isRunningAndReady,
  podsOf,
  replicaSetsOf,
  webDeployment,
  webService,
} from './scenario-support.js';

async function runningWeb(env: TestEnv, namespace = 'default'): Promise<void> {
  await env.client.create(Deployments, webDeployment({ replicas: 3, namespace }));
  await env.until(Deployments, { namespace, name: 'web' }, (d) => d?.status?.readyReplicas === 3);
}

async function deleteWeb(client: Client, propagationPolicy: PropagationPolicy): Promise<void> {
  const deleted = await client.delete(
    Deployments,
    { namespace: 'default', name: 'web' },
    { propagationPolicy },
  );
  if (deleted._tag === 'Left') {
    throw new Error(deleted.left.message);
  }
}

async function count(env: TestEnv, namespace = 'default'): Promise<[number, number]> {
  return [
    (await replicaSetsOf(env.client, namespace)).length,
    (await podsOf(env.client, namespace, 'web')).length,
  ];
}

/** Records the kind and name of each Deployment, ReplicaSet and pod of `default`, in the order of their deletion's resourceVersion. */
async function recordDeletions(env: TestEnv): Promise<{ stop(): readonly string[] }> {
  const deleted: { name: string; revision: number }[] = [];
  const watchDeletions = <T extends ApiObject>(type: ResourceType<T>): Subscription =>
    env.client.watch(type, { namespace: 'default' }).subscribe((event) => {
      if (event.type === 'DELETED') {
        deleted.push({
          name: `${type.kind}/${event.object.metadata?.name ?? ''}`,
          revision: Number(event.object.metadata?.resourceVersion ?? 0),
        });
      }
    });
  const subscriptions = [
    watchDeletions(Deployments),
    watchDeletions(ReplicaSets),
    watchDeletions(Pods),
  ];
  await env.settle();
  return {
    stop: () => {
      for (const subscription of subscriptions) {
        subscription.unsubscribe();
      }
      return [...deleted].sort((a, b) => a.revision - b.revision).map((entry) => entry.name);
    },
  };
}

describe('scenario: deleting a Deployment and a namespace', () => {
  it('removes the ReplicaSets and pods of a Deployment deleted in the Background', async () => {
    const env = await createTestEnv({ controlPlane: true, nodes: 3 });
    try {
      await runningWeb(env);
      expect(await count(env)).toEqual([1, 3]);
      const deletions = await recordDeletions(env);
      await deleteWeb(env.client, 'Background');
      // The Deployment goes at once; its dependents after it.
      expect(
        await env.until(Deployments, { namespace: 'default', name: 'web' }, () => true),
      ).toBeUndefined();
      await env.advance('1m');
      expect(await count(env)).toEqual([0, 0]);
      // The Deployment went first, then its ReplicaSet, then (once it was gone) its pods.
      const order = deletions.stop();
      expect(order[0]).toBe('Deployment/web');
      expect(order[1]).toMatch(/^ReplicaSet\//);
      expect(order.slice(2).every((name) => name.startsWith('Pod/'))).toBe(true);
      expect(order).toHaveLength(5);
    } finally {
      await env.stop();
    }
  });

  it('removes the ReplicaSets and pods first of a Deployment deleted in the Foreground', async () => {
    const env = await createTestEnv({ controlPlane: true, nodes: 3 });
    try {
      await runningWeb(env);
      const deletions = await recordDeletions(env);
      await deleteWeb(env.client, 'Foreground');
      const waiting = await env.client.get(Deployments, { namespace: 'default', name: 'web' });
      expect(waiting._tag === 'Right' && waiting.right.metadata?.finalizers).toEqual([
        'foregroundDeletion',
      ]);
      expect(waiting._tag === 'Right' && waiting.right.metadata?.deletionTimestamp).toBeTruthy();
      await env.advance('1m');
      expect(await count(env)).toEqual([0, 0]);
      // The Deployment went last: after every pod and its ReplicaSet.
      const order = deletions.stop();
      expect(order.at(-1)).toBe('Deployment/web');
      expect(order.filter((name) => name.startsWith('ReplicaSet/'))).toHaveLength(1);
      expect(order.filter((name) => name.startsWith('Pod/'))).toHaveLength(3);
    } finally {
      await env.stop();
    }
  });

  it('keeps the ReplicaSets and pods of a Deployment deleted with Orphan, without owner references', async () => {
    const env = await createTestEnv({ controlPlane: true, nodes: 3 });
    try {
      await runningWeb(env);
      await deleteWeb(env.client, 'Orphan');
      await env.advance('1m');
      expect(
        await env.until(Deployments, { namespace: 'default', name: 'web' }, () => true),
      ).toBeUndefined();
      const replicaSets = await replicaSetsOf(env.client);
      expect(replicaSets).toHaveLength(1);
      expect(replicaSets[0]?.metadata?.ownerReferences ?? []).toEqual([]);
      expect(replicaSets[0]?.metadata?.finalizers ?? []).toEqual([]);
      const pods = await podsOf(env.client, 'default', 'web');
      expect(pods).toHaveLength(3);
      expect(pods.every(isRunningAndReady)).toBe(true);
      // The pods still belong to their ReplicaSet.
      for (const pod of pods) {
        expect(pod.metadata?.ownerReferences?.map((ref) => ref.name)).toEqual([
          replicaSets[0]?.metadata?.name,
        ]);
      }
    } finally {
      await env.stop();
    }
  });

  it('empties a deleted namespace, then removes it', async () => {
    const env = await createTestEnv({ controlPlane: true, nodes: 3 });
    try {
      await env.client.create(Namespaces, { metadata: { name: 'shop' } });
      await env.client.create(Services, webService('shop'));
      await env.client.create(ConfigMaps, {
        metadata: { namespace: 'shop', name: 'settings' },
        data: { color: 'blue' },
      });
      await runningWeb(env, 'shop');
      await env.until(EndpointsType, { namespace: 'shop', name: 'web' }, (e) =>
        (e?.subsets ?? []).some((s) => (s.addresses ?? []).length === 3),
      );
      const deleted = await env.client.delete(Namespaces, { name: 'shop' });
      expect(deleted._tag === 'Right' && deleted.right.status?.phase).toBe('Terminating');
      await env.until(Namespaces, { name: 'shop' }, (ns) => ns === undefined, { within: '2m' });
      const namesIn = async <T extends ApiObject>(type: ResourceType<T>): Promise<unknown> => {
        const left = await env.client.list(type, { namespace: 'shop' });
        return left._tag === 'Right' ? left.right.items.map((o) => o.metadata?.name) : left.left;
      };
      expect(await namesIn(Deployments)).toEqual([]);
      expect(await namesIn(ReplicaSets)).toEqual([]);
      expect(await namesIn(Pods)).toEqual([]);
      expect(await namesIn(Services)).toEqual([]);
      expect(await namesIn(EndpointsType)).toEqual([]);
      expect(await namesIn(ConfigMaps)).toEqual([]);
      // Other namespaces are untouched.
      const others = await env.client.list(Namespaces);
      expect(others._tag === 'Right' && others.right.items.map((ns) => ns.metadata?.name)).toEqual(
        expect.arrayContaining(['default', 'kube-system']),
      );
    } finally {
      await env.stop();
    }
  });
});
