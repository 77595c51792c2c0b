import { describe, expect, it } from '@jest/globals';
import {
  boundPod,
  conditionOf,
  createPod,
  kubeletEnvironment,
  mustGetPod,
  statusWritesOf,
} from './kubelet-test-support.js';

describe('kubelet pods', () => {
  it('runs a bound pod to Running and Ready with an IP in the podCIDR in one status write', async () => {
    const env = await kubeletEnvironment();
    await createPod(env.client, boundPod('web'));
    await env.advance(0);
    const pod = await mustGetPod(env.client, 'web');
    expect(pod.status?.phase).toBe('Running');
    expect(conditionOf(pod, 'Ready')).toBe('True');
    expect(conditionOf(pod, 'ContainersReady')).toBe('True');
    expect(conditionOf(pod, 'Initialized')).toBe('True');
    expect(conditionOf(pod, 'PodReadyToStartContainers')).toBe('True');
    expect(conditionOf(pod, 'PodScheduled')).toBe('True');
    expect(pod.status?.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(pod.status?.podIPs).toEqual([{ ip: pod.status?.podIP }]);
    expect(pod.status?.hostIP).toBe('10.0.0.11');
    expect(pod.status?.qosClass).toBe('BestEffort');
    const [container] = pod.status?.containerStatuses ?? [];
    expect(container?.state?.running?.startedAt).toBeDefined();
    expect(container?.ready).toBe(true);
    expect(container?.started).toBe(true);
    expect(container?.restartCount).toBe(0);
    expect(container?.containerID).toMatch(/^drydock:\/\//);
    expect(statusWritesOf(env.events, 'web')).toBe(1);
    env.stop();
  });

  it('reports one hostIPs list, frozen, shared by the stored statuses of the node’s pods', async () => {
    const env = await kubeletEnvironment();
    await createPod(env.client, boundPod('web'));
    await createPod(env.client, boundPod('api'));
    await env.advance(0);
    const web = await mustGetPod(env.client, 'web');
    const api = await mustGetPod(env.client, 'api');
    expect(web.status?.hostIPs).toEqual([{ ip: '10.0.0.11' }]);
    expect(api.status?.hostIPs).toBe(web.status?.hostIPs);
    expect(api.status?.podIPs).not.toBe(web.status?.podIPs);
    env.stop();
  });
});

describe('kubelet init containers and images', () => {
  it('runs init containers one after the other before the containers', async () => {
    const env = await kubeletEnvironment();
    env.script.script({ containerName: 'first' }, { exit: { code: 0, after: 5_000 } });
    env.script.script({ containerName: 'second' }, { exit: { code: 0, after: 5_000 } });
    await createPod(
      env.client,
      boundPod('web', {
        initContainers: [
          { name: 'first', image: 'busybox' },
          { name: 'second', image: 'busybox' },
        ],
      }),
    );
    await env.advance(0);
    let pod = await mustGetPod(env.client, 'web');
    expect(pod.status?.phase).toBe('Pending');
    expect(conditionOf(pod, 'Initialized')).toBe('False');
    expect(
      pod.status?.initContainerStatuses?.map((status) => Object.keys(status.state ?? {})[0]),
    ).toEqual(['running', 'waiting']);
    expect(pod.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('PodInitializing');
    await env.advance(5_000);
    pod = await mustGetPod(env.client, 'web');
    expect(pod.status?.initContainerStatuses?.[0]?.state?.terminated?.reason).toBe('Completed');
    expect(pod.status?.initContainerStatuses?.[1]?.state?.running).toBeDefined();
    await env.advance(5_000);
    pod = await mustGetPod(env.client, 'web');
    expect(pod.status?.phase).toBe('Running');
    expect(conditionOf(pod, 'Initialized')).toBe('True');
    expect(conditionOf(pod, 'Ready')).toBe('True');
    env.stop();
  });

  it('fails a pod whose init container fails under restartPolicy Never', async () => {
    const env = await kubeletEnvironment();
    env.script.script({ containerName: 'init' }, { exit: { code: 2, after: 1_000 } });
    await createPod(
      env.client,
      boundPod('web', {
        restartPolicy: 'Never',
        initContainers: [{ name: 'init', image: 'busybox' }],
      }),
    );
    await env.advance(1_000);
    const pod = await mustGetPod(env.client, 'web');
    expect(pod.status?.phase).toBe('Failed');
    expect(pod.status?.initContainerStatuses?.[0]?.state?.terminated?.exitCode).toBe(2);
    expect(pod.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('PodInitializing');
    env.stop();
  });

  it('reports ErrImagePull, then ImagePullBackOff, and pulls again after the back-off', async () => {
    const env = await kubeletEnvironment();
    env.script.script({ image: 'private/app' }, { pullError: 'unauthorized' });
    await createPod(
      env.client,
      boundPod('web', { containers: [{ name: 'app', image: 'private/app' }] }),
    );
    await env.advance(0);
    let waiting = (await mustGetPod(env.client, 'web')).status?.containerStatuses?.[0]?.state
      ?.waiting;
    expect(waiting).toEqual({
      reason: 'ErrImagePull',
      message: expect.stringContaining('unauthorized'),
    });
    await env.advance(1_000);
    waiting = (await mustGetPod(env.client, 'web')).status?.containerStatuses?.[0]?.state?.waiting;
    expect(waiting).toEqual({
      reason: 'ImagePullBackOff',
      message: 'Back-off pulling image "private/app"',
    });
    await env.advance(8_999);
    waiting = (await mustGetPod(env.client, 'web')).status?.containerStatuses?.[0]?.state?.waiting;
    expect(waiting?.reason).toBe('ImagePullBackOff');
    await env.advance(1);
    waiting = (await mustGetPod(env.client, 'web')).status?.containerStatuses?.[0]?.state?.waiting;
    expect(waiting?.reason).toBe('ErrImagePull');
    expect((await mustGetPod(env.client, 'web')).status?.phase).toBe('Pending');
    env.stop();
  });
});

describe('kubelet restarts', () => {
  it('backs off crash loops 10, 20, 40, 80, 160 then 300 seconds', async () => {
    const env = await kubeletEnvironment();
    env.script.script({ image: 'crasher' }, { exit: { code: 1, after: 0 } });
    await createPod(
      env.client,
      boundPod('web', { containers: [{ name: 'app', image: 'crasher' }] }),
    );
    await env.advance(0);
    const seen: string[] = [];
    for (const delay of [10, 20, 40, 80, 160, 300, 300]) {
      const status = (await mustGetPod(env.client, 'web')).status?.containerStatuses?.[0];
      expect(status?.state?.waiting?.reason).toBe('CrashLoopBackOff');
      expect(status?.lastState?.terminated?.exitCode).toBe(1);
      seen.push(status?.state?.waiting?.message?.split(' ')[1] ?? '');
      await env.advance(delay * 1000 - 1);
      expect(
        (await mustGetPod(env.client, 'web')).status?.containerStatuses?.[0]?.restartCount,
      ).toBe(status?.restartCount);
      await env.advance(1);
    }
    expect(seen).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s', '5m0s']);
    const pod = await mustGetPod(env.client, 'web');
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.containerStatuses?.[0]?.restartCount).toBe(8);
    expect(pod.status?.containerStatuses?.[0]?.state?.waiting?.message).toMatch(
      /^back-off 5m0s restarting failed container=app pod=web_default\(.+\)$/,
    );
    env.stop();
  });

  it('fails a pod under restartPolicy Never when a container exits non-zero', async () => {
    const env = await kubeletEnvironment();
    env.script.script({ image: 'crasher' }, { exit: { code: 3, after: 2_000 } });
    await createPod(
      env.client,
      boundPod('web', { restartPolicy: 'Never', containers: [{ name: 'app', image: 'crasher' }] }),
    );
    await env.advance(2_000);
    const pod = await mustGetPod(env.client, 'web');
    expect(pod.status?.phase).toBe('Failed');
    expect(pod.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({
      exitCode: 3,
      reason: 'Error',
    });
    expect(conditionOf(pod, 'Ready')).toBe('False');
    env.stop();
  });

  it('succeeds a pod under restartPolicy Never when every container exits 0', async () => {
    const env = await kubeletEnvironment();
    env.script.script({ image: 'job' }, { exit: { code: 0, after: 2_000 } });
    await createPod(
      env.client,
      boundPod('web', { restartPolicy: 'Never', containers: [{ name: 'app', image: 'job' }] }),
    );
    await env.advance(2_000);
    const pod = await mustGetPod(env.client, 'web');
    expect(pod.status?.phase).toBe('Succeeded');
    expect(pod.status?.containerStatuses?.[0]?.state?.terminated?.reason).toBe('Completed');
    env.stop();
  });

  it('restarts only failed containers under restartPolicy OnFailure', async () => {
    const env = await kubeletEnvironment();
    env.script.script(
      { image: 'flaky' },
      {
        exit: (attempt) => ({ code: attempt === 0 ? 1 : 0, after: 1_000 }),
      },
    );
    await createPod(
      env.client,
      boundPod('web', {
        restartPolicy: 'OnFailure',
        containers: [{ name: 'app', image: 'flaky' }],
      }),
    );
    await env.advance(1_000);
    await env.advance(1_000);
    const pod = await mustGetPod(env.client, 'web');
    expect(pod.status?.phase).toBe('Succeeded');
    expect(pod.status?.containerStatuses?.[0]?.restartCount).toBe(1);
    env.stop();
  });
});
