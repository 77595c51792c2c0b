import { describe, expect, it } from '@jest/globals';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Pod, ReplicaSet } from '../../../src/api/kinds/index.js';
import { SYSTEM_ADMIN, startApiServer, type ApiObject } from '../../../src/apiserver/index.js';
import { InProcessClient, Pods, ReplicaSets, type Client } from '../../../src/client/index.js';
import { replicaSetController } from '../../../src/controllers/replica-set/index.js';
import { MemoryStore, VirtualClock } from '../../../src/index.js';

/** Lets promise chains (lists, reconciles, writes) run without moving the clock. */
async function flush(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function environment() {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({ clock });
  const { server } = await startApiServer({ store, clock });
  const client = new InProcessClient({ server, user: SYSTEM_ADMIN });
  const running = replicaSetController({ client, clock }).run().subscribe();
  return { clock, client, stop: () => running.unsubscribe() };
}

const CONTAINERS = [{ name: 'web', image: 'nginx' }];

function replicaSet(options: {
  readonly replicas: number;
  readonly minReadySeconds?: number;
}): ReplicaSet {
  return {
    metadata: { namespace: 'default', name: 'web' },
    spec: {
      replicas: options.replicas,
      ...(options.minReadySeconds === undefined
        ? {}
        : { minReadySeconds: options.minReadySeconds }),
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web', tier: 'front' } },
        spec: { containers: CONTAINERS },
      },
    },
  };
}

async function podsOf(client: Client): Promise<readonly Pod[]> {
  const listed = await client.list(Pods, { namespace: 'default' });
  if (isLeft(listed)) {
    throw new Error(listed.left.message);
  }
  return listed.right.items;
}

async function getReplicaSet(client: Client): Promise<ReplicaSet> {
  const got = await client.get(ReplicaSets, { namespace: 'default', name: 'web' });
  if (isLeft(got)) {
    throw new Error(got.left.message);
  }
  return got.right;
}

async function scale(client: Client, replicas: number): Promise<void> {
  await client.patch(
    ReplicaSets,
    { namespace: 'default', name: 'web' },
    { type: 'merge', body: { spec: { replicas } } },
  );
}

async function markReady(client: Client, name: string, at: string): Promise<void> {
  await client.patchStatus(
    Pods,
    { namespace: 'default', name },
    {
      type: 'merge',
      body: {
        status: {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: at }],
        },
      },
    },
  );
}

describe('the ReplicaSet controller', () => {
  it('creates the missing pods from the template, controlled by the ReplicaSet', async () => {
    const { client, stop } = await environment();
    const created = await client.create(ReplicaSets, replicaSet({ replicas: 3 }));
    await flush();
    const uid = isLeft(created) ? '' : created.right.metadata?.uid;
    const pods = await podsOf(client);
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata?.name).toMatch(/^web-/);
      expect(pod.metadata?.labels).toEqual({ app: 'web', tier: 'front' });
      expect(pod.metadata?.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web',
          uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }
    expect((await getReplicaSet(client)).status).toMatchObject({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 0,
      availableReplicas: 0,
      observedGeneration: 1,
    });
    stop();
  });

  it('creates one pod when spec.replicas is absent', async () => {
    const { client, stop } = await environment();
    const { replicas: _replicas, ...spec } = replicaSet({ replicas: 1 }).spec ?? { selector: {} };
    await client.create(ReplicaSets, { metadata: { namespace: 'default', name: 'web' }, spec });
    await flush();
    expect(await podsOf(client)).toHaveLength(1);
    stop();
  });

  it('scales down by deleting unscheduled, then pending, then not ready pods first', async () => {
    const { client, stop } = await environment();
    await createOrphan(client, { name: 'unscheduled' });
    await createOrphan(client, { name: 'pending', nodeName: 'node-1' });
    await createOrphan(client, { name: 'running', nodeName: 'node-1', phase: 'Running' });
    await createOrphan(client, { name: 'ready', nodeName: 'node-1' });
    await markReady(client, 'ready', '2025-01-01T00:00:00Z');
    await client.create(ReplicaSets, replicaSet({ replicas: 3 }));
    await flush();
    expect(await activePodNames(client)).toEqual(['pending', 'ready', 'running']);
    await scale(client, 2);
    await flush();
    expect(await activePodNames(client)).toEqual(['ready', 'running']);
    await scale(client, 1);
    await flush();
    expect(await activePodNames(client)).toEqual(['ready']);
    stop();
  });

  it('scales down by deleting the newest of otherwise equal pods first', async () => {
    const { clock, client, stop } = await environment();
    await createOrphan(client, { name: 'old', nodeName: 'node-1' });
    await clock.advanceAsync(5_000);
    await createOrphan(client, { name: 'new', nodeName: 'node-1' });
    await client.create(ReplicaSets, replicaSet({ replicas: 1 }));
    await flush();
    expect(await activePodNames(client)).toEqual(['old']);
    stop();
  });

  it('replaces a pod deleted by hand', async () => {
    const { client, stop } = await environment();
    await client.create(ReplicaSets, replicaSet({ replicas: 2 }));
    await flush();
    const [first] = await podsOf(client);
    const name = first?.metadata?.name ?? '';
    await client.delete(Pods, { namespace: 'default', name });
    await flush();
    const pods = await podsOf(client);
    expect(pods).toHaveLength(2);
    expect(pods.map((pod) => pod.metadata?.name)).not.toContain(name);
    stop();
  });

  it('counts a pod being deleted as gone and replaces it', async () => {
    const { client, stop } = await environment();
    await client.create(ReplicaSets, replicaSet({ replicas: 1 }));
    await flush();
    const name = (await podsOf(client))[0]?.metadata?.name ?? '';
    await client.patch(
      Pods,
      { namespace: 'default', name },
      {
        type: 'merge',
        body: { metadata: { finalizers: ['example.com/hold'] } },
      },
    );
    const deleted = await client.delete(Pods, { namespace: 'default', name });
    expect(deleted).toMatchObject({
      right: { metadata: { deletionTimestamp: expect.any(String) } },
    });
    await flush();
    const pods = await podsOf(client);
    expect(pods).toHaveLength(2);
    expect((await getReplicaSet(client)).status?.replicas).toBe(1);
    stop();
  });

  it('adopts a matching orphan pod instead of creating one', async () => {
    const { client, stop } = await environment();
    await client.create(Pods, {
      metadata: { namespace: 'default', name: 'orphan', labels: { app: 'web' } },
      spec: { containers: CONTAINERS },
    });
    await client.create(Pods, {
      metadata: { namespace: 'default', name: 'stranger', labels: { app: 'db' } },
      spec: { containers: CONTAINERS },
    });
    await client.create(ReplicaSets, replicaSet({ replicas: 1 }));
    await flush();
    const pods = await podsOf(client);
    expect(pods.map((pod) => pod.metadata?.name).sort()).toEqual(['orphan', 'stranger']);
    const orphan = pods.find((pod) => pod.metadata?.name === 'orphan');
    expect(orphan?.metadata?.ownerReferences).toMatchObject([
      { kind: 'ReplicaSet', name: 'web', controller: true, blockOwnerDeletion: true },
    ]);
    expect(
      pods.find((pod) => pod.metadata?.name === 'stranger')?.metadata?.ownerReferences,
    ).toBeUndefined();
    expect((await getReplicaSet(client)).status).toMatchObject({
      replicas: 1,
      fullyLabeledReplicas: 0,
    });
    stop();
  });

  it('adopts an orphan created later, then deletes the surplus', async () => {
    const { client, stop } = await environment();
    await client.create(ReplicaSets, replicaSet({ replicas: 1 }));
    await flush();
    await client.create(Pods, {
      metadata: { namespace: 'default', name: 'late', labels: { app: 'web' } },
      spec: { containers: CONTAINERS },
    });
    await flush();
    const pods = await podsOf(client);
    expect(pods).toHaveLength(1);
    expect(controllerName(pods[0])).toBe('web');
    stop();
  });

  it('does not adopt a pod another controller owns', async () => {
    const { client, stop } = await environment();
    await client.create(Pods, {
      metadata: {
        namespace: 'default',
        name: 'taken',
        labels: { app: 'web' },
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'ReplicationController',
            name: 'other',
            uid: 'u-1',
            controller: true,
          },
        ],
      },
      spec: { containers: CONTAINERS },
    });
    await client.create(ReplicaSets, replicaSet({ replicas: 1 }));
    await flush();
    const pods = await podsOf(client);
    expect(pods).toHaveLength(2);
    expect(controllerName(pods.find((pod) => pod.metadata?.name === 'taken'))).toBe('other');
    stop();
  });

  it('releases a relabelled pod and replaces it', async () => {
    const { client, stop } = await environment();
    await client.create(ReplicaSets, replicaSet({ replicas: 1 }));
    await flush();
    const name = (await podsOf(client))[0]?.metadata?.name ?? '';
    await client.patch(
      Pods,
      { namespace: 'default', name },
      {
        type: 'merge',
        body: { metadata: { labels: { app: 'debug' } } },
      },
    );
    await flush();
    const pods = await podsOf(client);
    expect(pods).toHaveLength(2);
    expect(
      pods.find((pod) => pod.metadata?.name === name)?.metadata?.ownerReferences,
    ).toBeUndefined();
    expect(controllerName(pods.find((pod) => pod.metadata?.name !== name))).toBe('web');
    stop();
  });

  it('leaves the pods of a ReplicaSet being deleted alone', async () => {
    const { client, stop } = await environment();
    await client.create(ReplicaSets, {
      ...replicaSet({ replicas: 2 }),
      metadata: { namespace: 'default', name: 'web', finalizers: ['example.com/hold'] },
    });
    await flush();
    await client.delete(
      ReplicaSets,
      { namespace: 'default', name: 'web' },
      { propagationPolicy: 'Orphan' },
    );
    const name = (await podsOf(client))[0]?.metadata?.name ?? '';
    await client.delete(Pods, { namespace: 'default', name });
    await flush();
    expect(await podsOf(client)).toHaveLength(1);
    stop();
  });

  it('reports ready pods, and available ones once ready for minReadySeconds', async () => {
    const { clock, client, stop } = await environment();
    await client.create(ReplicaSets, replicaSet({ replicas: 2, minReadySeconds: 10 }));
    await flush();
    const now = new Date(clock.now()).toISOString();
    for (const pod of await podsOf(client)) {
      await markReady(client, pod.metadata?.name ?? '', now);
    }
    await flush();
    expect((await getReplicaSet(client)).status).toMatchObject({
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 0,
    });
    await clock.advanceAsync(9_000);
    await flush();
    expect((await getReplicaSet(client)).status?.availableReplicas).toBe(0);
    await clock.advanceAsync(1_000);
    await flush();
    expect((await getReplicaSet(client)).status).toMatchObject({
      readyReplicas: 2,
      availableReplicas: 2,
    });
    stop();
  });

  it('writes the status only when it changes', async () => {
    const { client, stop } = await environment();
    await client.create(ReplicaSets, replicaSet({ replicas: 1 }));
    await flush();
    const before = (await getReplicaSet(client)).metadata?.resourceVersion;
    const name = (await podsOf(client))[0]?.metadata?.name ?? '';
    // A change of an owned pod reconciles the ReplicaSet, with nothing to report.
    await client.patch(
      Pods,
      { namespace: 'default', name },
      { type: 'merge', body: { metadata: { annotations: { touched: 'yes' } } } },
    );
    await flush();
    expect((await getReplicaSet(client)).metadata?.resourceVersion).toBe(before);
    stop();
  });

  it('reports observedGeneration after a spec change', async () => {
    const { client, stop } = await environment();
    await client.create(ReplicaSets, replicaSet({ replicas: 1 }));
    await flush();
    await scale(client, 2);
    await flush();
    expect((await getReplicaSet(client)).status).toMatchObject({
      replicas: 2,
      observedGeneration: 2,
    });
    stop();
  });
});

async function createOrphan(
  client: Client,
  options: { readonly name: string; readonly nodeName?: string; readonly phase?: string },
): Promise<void> {
  await client.create(Pods, {
    metadata: { namespace: 'default', name: options.name, labels: { app: 'web' } },
    spec: {
      containers: CONTAINERS,
      ...(options.nodeName === undefined ? {} : { nodeName: options.nodeName }),
    },
  });
  if (options.phase !== undefined) {
    await client.patchStatus(
      Pods,
      { namespace: 'default', name: options.name },
      { type: 'merge', body: { status: { phase: options.phase } } },
    );
  }
}

/** The names of the pods not being deleted, sorted. */
async function activePodNames(client: Client): Promise<readonly string[]> {
  return (await podsOf(client))
    .filter((pod) => pod.metadata?.deletionTimestamp === undefined)
    .map((pod) => pod.metadata?.name ?? '')
    .sort();
}

function controllerName(pod: Pod | undefined): string | undefined {
  return pod?.metadata?.ownerReferences?.find((reference) => reference.controller === true)?.name;
}
