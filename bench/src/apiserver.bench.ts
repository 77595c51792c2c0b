/**
 * Benchmarks of the apiserver: requests through the whole pipeline (authenticate,
 * authorize, decode, default, admit, validate, persist) in one process.
 *
 * @module
 */
import {
  MemoryStore,
  SYSTEM_ADMIN,
  VirtualClock,
  startApiServer,
  type ApiObject,
  type ApiRequest,
  type RunningApiServer,
  type UserInfo,
} from '@drydock/core';
import type { Benchmark } from './benchmark.js';
import { defineBenchmark, measureThroughput } from './benchmark.js';
import { realisticPod } from './fixtures.js';

const PODS = { group: '', version: 'v1', resource: 'pods' };
const APPS = ['web', 'api', 'db', 'cache', 'worker'];

/** A pod as a ReplicaSet controller posts it: no uid, resourceVersion, node or status. */
function podCreateBody(index: number): Record<string, unknown> {
  const pod = realisticPod(index) as {
    metadata: Record<string, unknown>;
    spec: Record<string, unknown>;
  };
  const {
    uid: _uid,
    resourceVersion: _rv,
    creationTimestamp: _created,
    ...metadata
  } = pod.metadata;
  const { nodeName: _node, ...spec } = pod.spec;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...metadata,
      labels: { ...(metadata['labels'] as object), app: APPS[index % APPS.length] },
    },
    spec,
  };
}

/** A started apiserver over a fresh store, as a cluster's would be in steady state. */
async function freshServer(authorization: 'RBAC' | 'AlwaysAllow'): Promise<RunningApiServer> {
  const clock = new VirtualClock();
  const store = new MemoryStore<ApiObject>({
    clock,
    autoCompaction: { mode: 'revision', retention: 100_000 },
  });
  let uid = 0;
  return startApiServer({ store, clock, authorization, generateUid: () => `uid-${++uid}` });
}

/** Sends a request that must succeed. */
async function mustSucceed(running: RunningApiServer, request: ApiRequest): Promise<ApiObject> {
  const result = await running.server.handle(request);
  if (result._tag === 'Left') {
    throw new Error(`request failed: ${result.left.message ?? ''}`);
  }
  return result.right.body;
}

/**
 * 100 bindings, as a cluster's controllers and teams have them: 50 RoleBindings of a
 * pod-writing Role in `default` and 50 ClusterRoleBindings of a read-only ClusterRole,
 * each to its own service account. The service account `creator-0` may create pods.
 */
async function hundredBindings(running: RunningApiServer): Promise<UserInfo> {
  const rbac = (resource: string): ApiRequest['resource'] => ({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    resource,
  });
  await mustSucceed(running, {
    verb: 'create',
    user: SYSTEM_ADMIN,
    resource: rbac('roles'),
    namespace: 'default',
    body: {
      metadata: { name: 'pod-writer' },
      rules: [
        { apiGroups: [''], resources: ['pods', 'pods/status'], verbs: ['create', 'update', 'get'] },
      ],
    },
  });
  for (let i = 0; i < 50; i++) {
    await mustSucceed(running, {
      verb: 'create',
      user: SYSTEM_ADMIN,
      resource: rbac('rolebindings'),
      namespace: 'default',
      body: {
        metadata: { name: `creator-${i}` },
        subjects: [{ kind: 'ServiceAccount', name: `creator-${i}`, namespace: 'default' }],
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-writer' },
      },
    });
    await mustSucceed(running, {
      verb: 'create',
      user: SYSTEM_ADMIN,
      resource: rbac('clusterrolebindings'),
      body: {
        metadata: { name: `viewer-${i}` },
        subjects: [{ kind: 'ServiceAccount', name: `viewer-${i}`, namespace: 'kube-system' }],
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      },
    });
  }
  return {
    name: 'system:serviceaccount:default:creator-0',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated'],
  };
}

/** Creates of realistic pods, each awaited, as `user`. */
async function createRate(authorization: 'RBAC' | 'AlwaysAllow'): Promise<number> {
  const operations = 20_000;
  const bodies = Array.from({ length: operations }, (_, i) => podCreateBody(i));
  let running = await freshServer(authorization);
  let user: UserInfo = SYSTEM_ADMIN;
  return measureThroughput({
    operations,
    beforeRound: async () => {
      running.stop();
      running = await freshServer(authorization);
      user = authorization === 'RBAC' ? await hundredBindings(running) : SYSTEM_ADMIN;
    },
    run: async (i) => {
      const result = await running.server.handle({
        verb: 'create',
        user,
        resource: PODS,
        namespace: 'default',
        body: bodies[i],
      });
      if (result._tag === 'Left') {
        throw new Error(`create failed: ${result.left.message ?? ''}`);
      }
    },
  });
}

/** `count` pods created in `default`, as the server stored them. */
async function createdPods(running: RunningApiServer, count: number): Promise<ApiObject[]> {
  const pods: ApiObject[] = [];
  for (let i = 0; i < count; i++) {
    pods.push(
      await mustSucceed(running, {
        verb: 'create',
        user: SYSTEM_ADMIN,
        resource: PODS,
        namespace: 'default',
        body: podCreateBody(i),
      }),
    );
  }
  return pods;
}

/** The apiserver's benchmarks, in the order they run. */
export const apiserverBenchmarks: readonly Benchmark[] = [
  defineBenchmark({
    name: 'apiserver.create.pod',
    description:
      'Creates of a realistic ~2 KiB Pod through the whole pipeline (AlwaysAllow, NamespaceLifecycle), each awaited.',
    unit: 'creates/s',
    better: 'higher',
    target: 20_000,
    run: () => createRate('AlwaysAllow'),
  }),
  defineBenchmark({
    name: 'apiserver.create.pod.rbac',
    description:
      'Creates of a realistic Pod with RBAC on and 100 bindings, by a service account a RoleBinding allows.',
    unit: 'creates/s',
    better: 'higher',
    target: 15_000,
    run: () => createRate('RBAC'),
  }),
  defineBenchmark({
    name: 'apiserver.update.status',
    description:
      'Status updates (PUT pods/status, with the resourceVersion read) of 10,000 pods, as kubelets report readiness.',
    unit: 'updates/s',
    better: 'higher',
    target: 30_000,
    run: async () => {
      const running = await freshServer('AlwaysAllow');
      const pods = await createdPods(running, 10_000);
      const statuses = [false, true].map((ready) => ({
        phase: 'Running',
        conditions: [
          {
            type: 'Ready',
            status: ready ? 'True' : 'False',
            lastTransitionTime: '2026-01-01T00:00:03Z',
          },
        ],
        podIP: '10.0.0.1',
        podIPs: [{ ip: '10.0.0.1' }],
      }));
      let flip = 0;
      return measureThroughput({
        operations: 30_000,
        beforeRound: () => {
          flip++;
        },
        run: async (i) => {
          const index = i % pods.length;
          const pod = pods[index]!;
          const result = await running.server.handle({
            verb: 'update',
            user: SYSTEM_ADMIN,
            resource: PODS,
            subresource: 'status',
            namespace: 'default',
            name: pod.metadata?.name ?? '',
            body: { ...pod, status: statuses[(flip + Math.floor(i / pods.length)) % 2] },
          });
          if (result._tag === 'Left') {
            throw new Error(`status update failed: ${result.left.message ?? ''}`);
          }
          pods[index] = result.right.body;
        },
      });
    },
  }),
  defineBenchmark({
    name: 'apiserver.list.selector',
    description:
      'Lists of 10,000 pods in a namespace filtered by the label selector "app=web" (2,000 match).',
    unit: 'lists/s',
    better: 'higher',
    target: 200,
    run: async () => {
      const running = await freshServer('AlwaysAllow');
      await createdPods(running, 10_000);
      return measureThroughput({
        operations: 200,
        run: async () => {
          const result = await running.server.handle({
            verb: 'list',
            user: SYSTEM_ADMIN,
            resource: PODS,
            namespace: 'default',
            options: { labelSelector: 'app=web' },
          });
          if (
            result._tag === 'Left' ||
            (result.right.body['items'] as unknown[]).length !== 2_000
          ) {
            throw new Error('the list returned the wrong pods');
          }
        },
      });
    },
  }),
];
