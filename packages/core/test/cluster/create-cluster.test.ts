import { describe, expect, it } from '@jest/globals';
import { isRight } from 'fp-ts/lib/Either.js';
import { Leases, Nodes, Pods } from '../../src/client/index.js';
import { VirtualClock } from '../../src/clock/index.js';
import {
  BUILT_IN_COMPONENT_NAMES,
  CLUSTER_HISTORY_REVISIONS,
  createCluster,
  type Cluster,
  type ClusterComponent,
} from '../../src/cluster/index.js';
import { EMPTY } from 'rxjs';

/** Lets promise chains run without moving the clock. */
async function flush(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Creates the pod `default/<name>` (one nginx container), failing the test if it cannot. */
async function createPod(cluster: Cluster, name: string): Promise<void> {
  const created = await cluster.client.create(Pods, {
    metadata: { namespace: 'default', name },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  });
  expect(isRight(created)).toBe(true);
}

describe('createCluster', () => {
  it('starts every built-in component and a kubelet per node, each node registered', async () => {
    const cluster = await createCluster({ nodes: 2 });
    try {
      expect(cluster.components.map((c) => c.name)).toEqual([...BUILT_IN_COMPONENT_NAMES]);
      expect([...cluster.nodes.values()].map((n) => n.state)).toEqual(['running', 'running']);
      const nodes = await cluster.client.list(Nodes);
      expect(isRight(nodes) && nodes.right.items.map((n) => n.metadata?.name)).toEqual([
        'node-1',
        'node-2',
      ]);
      const node = await cluster.client.get(Nodes, { name: 'node-1' });
      expect(isRight(node) && node.right.spec?.podCIDR).toBe('10.244.0.0/24');
      expect(cluster.proxy).toBeDefined();
    } finally {
      await cluster.stop();
    }
  });

  it('leaves out components set to false and starts extra ones', async () => {
    const extra: ClusterComponent = { kind: 'agent', name: 'mine', run: () => EMPTY };
    const cluster = await createCluster({
      components: { scheduler: false, 'kube-proxy': false, extra: [() => extra] },
    });
    try {
      const names = cluster.components.map((c) => c.name);
      expect(names).not.toContain('scheduler');
      expect(names).not.toContain('kube-proxy');
      expect(names.at(-1)).toBe('mine');
      expect(cluster.proxy).toBeUndefined();
    } finally {
      await cluster.stop();
    }
  });

  it('runs a pod to Running on a node', async () => {
    const clock = new VirtualClock();
    const cluster = await createCluster({ clock, nodes: 1 });
    try {
      await createPod(cluster, 'p');
      await flush();
      const pod = await cluster.client.get(Pods, { namespace: 'default', name: 'p' });
      expect(isRight(pod) && pod.right.spec?.nodeName).toBe('node-1');
      expect(isRight(pod) && pod.right.status?.phase).toBe('Running');
      expect(isRight(pod) && pod.right.status?.podIP).toMatch(/^10\.244\.0\./);
    } finally {
      await cluster.stop();
    }
  });

  it('shares its controllers’ informers: following pods through them opens no watch', async () => {
    const clock = new VirtualClock();
    const cluster = await createCluster({ clock, nodes: 1 });
    try {
      await createPod(cluster, 'p');
      await flush();
      const watches: string[] = [];
      const audit = cluster.server.audit$.subscribe((entry) => {
        if (entry.verb === 'watch') {
          watches.push(entry.resource.resource);
        }
      });
      const seen: string[] = [];
      const following = cluster.informers.forType(Pods).events$.subscribe((event) => {
        seen.push(
          event.type === 'synced'
            ? `synced:${event.objects.map((pod) => pod.metadata?.name ?? '').join(',')}`
            : `${event.type}:${event.object.metadata?.name ?? ''}`,
        );
      });
      expect(seen).toEqual(['synced:p']);
      await createPod(cluster, 'q');
      await flush();
      expect(seen.slice(0, 2)).toEqual(['synced:p', 'apply:q']);
      expect(watches).toEqual([]);
      following.unsubscribe();
      audit.unsubscribe();
    } finally {
      await cluster.stop();
    }
  });

  it('stops renewing a stopped node’s lease and renews it again once started', async () => {
    const clock = new VirtualClock();
    const cluster = await createCluster({ clock, nodes: 1 });
    try {
      const node = cluster.nodes.get('node-1');
      if (node === undefined) {
        throw new Error('no node-1');
      }
      const renewTime = async (): Promise<string | undefined> => {
        const lease = await cluster.client.get(Leases, {
          namespace: 'kube-node-lease',
          name: 'node-1',
        });
        return isRight(lease) ? lease.right.spec?.renewTime : undefined;
      };
      await flush();
      node.stop();
      expect(node.state).toBe('stopped');
      const before = await renewTime();
      await clock.advanceAsync('30s');
      await flush();
      expect(await renewTime()).toBe(before);
      await node.start();
      await clock.advanceAsync('10s');
      await flush();
      expect(await renewTime()).not.toBe(before);
      node.kill();
      expect(node.state).toBe('killed');
      expect(node.runtime.alive).toBe(false);
    } finally {
      await cluster.stop();
    }
  });

  it('refuses a second node of the same name and a bad node count', async () => {
    const cluster = await createCluster({ nodes: [{ name: 'a' }] });
    try {
      await expect(cluster.addNode({ name: 'a' })).rejects.toThrow(/already a node named a/);
    } finally {
      await cluster.stop();
    }
    await expect(createCluster({ nodes: -1 })).rejects.toThrow(RangeError);
  });

  it('bounds the history of its own store while the virtual clock stands still', async () => {
    const clock = new VirtualClock();
    const cluster = await createCluster({ clock, nodes: 0 });
    try {
      const start = cluster.store.revision;
      for (let i = 0; i < 2 * CLUSTER_HISTORY_REVISIONS; i++) {
        await cluster.store.put('/drydock-test/counter', { metadata: { name: String(i) } });
      }
      expect(cluster.store.revision - start).toBe(2 * CLUSTER_HISTORY_REVISIONS);
      expect(cluster.store.compactRevision).toBeGreaterThan(0);
      expect(cluster.store.revision - cluster.store.compactRevision).toBeGreaterThanOrEqual(
        CLUSTER_HISTORY_REVISIONS,
      );
    } finally {
      await cluster.stop();
    }
  });
});
