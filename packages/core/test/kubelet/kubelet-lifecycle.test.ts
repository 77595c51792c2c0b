import { describe, expect, it } from '@jest/globals';
import { of } from 'rxjs';
import type { Pod } from '../../src/api/kinds/index.js';
import { Events, Pods } from '../../src/client/index.js';
import type { WatcherEvent } from '../../src/reconcile/watcher/index.js';
import {
  boundPod,
  conditionOf,
  createPod,
  flush,
  getPod,
  kubeletEnvironment,
  mustGetPod,
} from './kubelet-test-support.js';

describe('kubelet probes', () => {
  it('keeps a container unready until its readiness probe passes', async () => {
    const env = await kubeletEnvironment();
    env.script.script(
      { image: 'slow' },
      {
        readiness: ({ runningForMs }) => (runningForMs >= 20_000 ? 'Success' : 'Failure'),
      },
    );
    await createPod(
      env.client,
      boundPod('web', {
        containers: [
          { name: 'app', image: 'slow', readinessProbe: { exec: { command: ['true'] } } },
        ],
      }),
    );
    await env.advance(0);
    let pod = await mustGetPod(env.client, 'web');
    expect(pod.status?.phase).toBe('Running');
    expect(conditionOf(pod, 'Ready')).toBe('False');
    await env.advance(20_000);
    pod = await mustGetPod(env.client, 'web');
    expect(conditionOf(pod, 'Ready')).toBe('True');
    expect(pod.status?.containerStatuses?.[0]?.ready).toBe(true);
    env.stop();
  });

  it('kills and restarts a container whose liveness probe fails three times', async () => {
    const env = await kubeletEnvironment({ recordEvents: true });
    env.script.script(
      { image: 'hangs' },
      {
        liveness: ({ attempt }) => (attempt === 0 ? 'Failure' : 'Success'),
      },
    );
    await createPod(
      env.client,
      boundPod('web', {
        containers: [
          {
            name: 'app',
            image: 'hangs',
            livenessProbe: { exec: { command: ['true'] }, periodSeconds: 5 },
          },
        ],
      }),
    );
    await env.advance(0);
    await env.advance(5_000);
    await env.advance(5_000);
    const pod = await mustGetPod(env.client, 'web');
    expect(pod.status?.containerStatuses?.[0]?.restartCount).toBe(1);
    expect(pod.status?.containerStatuses?.[0]?.state?.running).toBeDefined();
    const events = await env.client.list(Events, { namespace: 'default' });
    const reasons = events._tag === 'Right' ? events.right.items.map((event) => event.reason) : [];
    expect(reasons).toEqual(
      expect.arrayContaining(['Unhealthy', 'Killing', 'Pulled', 'Created', 'Started']),
    );
    env.stop();
  });
});

describe('kubelet termination', () => {
  it('stops containers within the grace period, writes the status, then deletes the pod', async () => {
    const env = await kubeletEnvironment();
    env.script.script({ image: 'slowstop' }, { terminationDelay: 5_000 });
    await createPod(
      env.client,
      boundPod('web', { containers: [{ name: 'app', image: 'slowstop' }] }),
    );
    await env.advance(0);
    await env.client.delete(
      Pods,
      { namespace: 'default', name: 'web' },
      { gracePeriodSeconds: 30 },
    );
    await env.advance(4_999);
    expect((await getPod(env.client, 'web'))?.metadata?.deletionTimestamp).toBeDefined();
    await env.advance(1);
    expect(await getPod(env.client, 'web')).toBeUndefined();
    expect(env.events.some((event) => event.type === 'PodDeleted')).toBe(true);
    expect(env.runtime.listPodSandboxes().every((sandbox) => sandbox.state === 'NotReady')).toBe(
      true,
    );
    env.stop();
  });

  it('kills containers that outlive the grace period at its end', async () => {
    const env = await kubeletEnvironment();
    env.script.script({ image: 'stubborn' }, { terminationDelay: 600_000 });
    await createPod(
      env.client,
      boundPod('web', { containers: [{ name: 'app', image: 'stubborn' }] }),
    );
    await env.advance(0);
    const written: Pod[] = [];
    env.events.length = 0;
    await env.client.delete(
      Pods,
      { namespace: 'default', name: 'web' },
      { gracePeriodSeconds: 10 },
    );
    await env.advance(9_999);
    expect(await getPod(env.client, 'web')).toBeDefined();
    await env.advance(1);
    for (const event of env.events) {
      if (event.type === 'PodStatusWritten') {
        written.push(event.pod);
      }
    }
    expect(written.at(-1)?.status?.containerStatuses?.[0]?.state?.terminated?.exitCode).toBe(137);
    expect(await getPod(env.client, 'web')).toBeUndefined();
    env.stop();
  });

  it('removes the sandbox of a pod that is force-deleted', async () => {
    const env = await kubeletEnvironment();
    await createPod(env.client, boundPod('web'));
    await env.advance(0);
    expect(env.runtime.listPodSandboxes()).toHaveLength(1);
    await env.client.delete(Pods, { namespace: 'default', name: 'web' }, { gracePeriodSeconds: 0 });
    await env.advance(0);
    expect(env.runtime.listPodSandboxes()).toHaveLength(0);
    expect(env.runtime.listContainers()).toHaveLength(0);
    env.stop();
  });

  it('picks up pods bound to the node before it started', async () => {
    const env = await kubeletEnvironment();
    env.stop();
    await createPod(env.client, boundPod('early'));
    const { kubelet } = await import('../../src/kubelet/index.js');
    const running = kubelet({
      client: env.client,
      clock: env.clock,
      runtime: env.runtime,
      nodeName: 'node-1',
      recordEvents: false,
      node: { podCIDR: '10.244.1.0/24' },
    })
      .run()
      .subscribe();
    await env.advance(0);
    expect((await mustGetPod(env.client, 'early')).status?.phase).toBe('Running');
    running.unsubscribe();
  });
});

describe('kubelet admission', () => {
  it('rejects a pod requesting more cpu than is left with OutOfcpu', async () => {
    const env = await kubeletEnvironment({
      node: { capacity: { cpu: '1', memory: '1Gi', pods: '10' } },
    });
    await createPod(
      env.client,
      boundPod('big', {
        containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '2' } } }],
      }),
    );
    await env.advance(0);
    const pod = await mustGetPod(env.client, 'big');
    expect(pod.status?.phase).toBe('Failed');
    expect(pod.status?.reason).toBe('OutOfcpu');
    expect(pod.status?.message).toBe(
      "Pod was rejected: Node didn't have enough resource: cpu, requested: 2000, used: 0, capacity: 1000",
    );
    env.stop();
  });

  it('counts admitted pods against allocatable and frees them when they finish', async () => {
    const env = await kubeletEnvironment({
      node: { capacity: { cpu: '1', memory: '1Gi', pods: '10' } },
    });
    env.script.script({ image: 'job' }, { exit: { code: 0, after: 1_000 } });
    const request = { requests: { cpu: '600m' } };
    await createPod(
      env.client,
      boundPod('first', {
        restartPolicy: 'Never',
        containers: [{ name: 'a', image: 'job', resources: request }],
      }),
    );
    await env.advance(0);
    await createPod(
      env.client,
      boundPod('second', { containers: [{ name: 'a', image: 'nginx', resources: request }] }),
    );
    await env.advance(0);
    expect((await mustGetPod(env.client, 'second')).status?.reason).toBe('OutOfcpu');
    await env.advance(1_000);
    await createPod(
      env.client,
      boundPod('third', { containers: [{ name: 'a', image: 'nginx', resources: request }] }),
    );
    await env.advance(0);
    expect((await mustGetPod(env.client, 'third')).status?.phase).toBe('Running');
    env.stop();
  });
});

describe('kubelet bad inputs', () => {
  it('survives pods with unparsable quantities, no spec or no containers', async () => {
    const bad: Pod[] = [
      {
        metadata: { namespace: 'default', name: 'quantities', uid: 'u1' },
        spec: {
          nodeName: 'node-1',
          containers: [{ name: 'a', image: 'nginx', resources: { requests: { cpu: 'lots' } } }],
        },
      },
      { metadata: { namespace: 'default', name: 'nospec', uid: 'u2' } },
      {
        metadata: { namespace: 'default', name: 'nocontainers', uid: 'u3' },
        spec: { nodeName: 'node-1', containers: [] },
      },
      {
        metadata: { namespace: 'default', name: 'noimage', uid: 'u4' },
        spec: { nodeName: 'node-1', containers: [{ name: 'a' }] },
      },
      {},
    ];
    const events: WatcherEvent<Pod>[] = [
      { type: 'init' },
      ...bad.map((object): WatcherEvent<Pod> => ({ type: 'initApply', object })),
      { type: 'initDone' },
    ];
    const env = await kubeletEnvironment({ pods: () => of(...events) });
    await env.advance(0);
    await env.advance(60_000);
    await flush();
    expect(env.events.some((event) => event.type === 'LeaseRenewed')).toBe(true);
    env.stop();
  });
});
