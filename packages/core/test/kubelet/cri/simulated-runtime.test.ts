import { describe, expect, it } from '@jest/globals';
import { RuntimeScript } from '../../../src/kubelet/cri/runtime-script.js';
import {
  SIMULATED_RUNTIME_VERSION,
  simulatedRuntime,
} from '../../../src/kubelet/cri/simulated-runtime.js';
import { VirtualClock } from '../../../src/clock/virtual-clock.js';
import { expectLeft, expectRight } from '../../support/either.js';
import {
  containerConfig,
  createPodContainer,
  errorCode,
  isSettled,
  runPodContainer,
  sandboxConfig,
  setUp,
} from './runtime-test-support.js';

describe('simulatedRuntime images', () => {
  it('pulls an image at once by default and answers its digest reference', async () => {
    const { runtime } = setUp();
    const ref = expectRight(await runtime.pullImage({ image: 'nginx' }));
    expect(ref).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(runtime.listImages()).toEqual([
      { image: 'docker.io/library/nginx:latest', ref, size: expect.any(Number) },
    ]);
  });

  it('takes the scripted pull delay, then keeps the image so that a second pull is instant', async () => {
    const { clock, runtime } = setUp({
      script: new RuntimeScript().script({ image: 'nginx' }, { pullDelay: '3s' }),
    });
    const pull = runtime.pullImage({ image: 'nginx:latest' });
    clock.advance('2999ms');
    expect(await isSettled(pull)).toBe(false);
    expect(runtime.listImages()).toEqual([]);
    clock.advance('1ms');
    const ref = expectRight(await pull);
    expect(expectRight(await runtime.pullImage({ image: 'docker.io/library/nginx' }))).toBe(ref);
    expect(runtime.listImages()).toHaveLength(1);
  });

  it('lets concurrent pulls of one image share its delay', async () => {
    const { clock, runtime } = setUp({
      script: new RuntimeScript().script({}, { pullDelay: '3s' }),
    });
    const first = runtime.pullImage({ image: 'nginx' });
    clock.advance('2s');
    const second = runtime.pullImage({ image: 'nginx' });
    clock.advance('1s');
    expect(await isSettled(second)).toBe(true);
    expect(expectRight(await second)).toBe(expectRight(await first));
  });

  it('fails a pull with the scripted error, after the scripted delay, and keeps nothing', async () => {
    const { clock, runtime } = setUp({
      script: new RuntimeScript().script(
        { image: 'private/app:v2' },
        { pullDelay: '1s', pullError: 'pull access denied' },
      ),
    });
    const pull = runtime.pullImage({ image: 'private/app:v2' });
    expect(await isSettled(pull)).toBe(false);
    clock.advance('1s');
    expect(expectLeft(await pull)).toEqual({
      code: 'ImagePullFailed',
      message: 'pull access denied',
    });
    expect(runtime.listImages()).toEqual([]);
    expectRight(await runtime.pullImage({ image: 'private/app:v1' }));
  });

  it('matches pull scripts with the pod and container the pull is for', async () => {
    const { runtime } = setUp({
      script: new RuntimeScript()
        .script({ podName: 'web-0' }, { pullError: 'for web-0' })
        .script({ containerName: 'sidecar' }, { pullError: 'for sidecar' }),
    });
    expectRight(await runtime.pullImage({ image: 'nginx' }));
    const forPod = await runtime.pullImage({ image: 'nginx', sandboxConfig: sandboxConfig() });
    expect(expectLeft(forPod).message).toBe('for web-0');
    const forContainer = await runtime.pullImage({ image: 'redis', containerName: 'sidecar' });
    expect(expectLeft(forContainer).message).toBe('for sidecar');
  });

  it('fails to pull an invalid reference', async () => {
    const { runtime } = setUp();
    expect(expectLeft(await runtime.pullImage({ image: 'Nginx' }))).toEqual({
      code: 'ImagePullFailed',
      message:
        'couldn\'t parse image name "Nginx": invalid reference format: repository name must be lowercase',
    });
  });
});

describe('simulatedRuntime sandboxes', () => {
  it('runs a Ready sandbox with the pod config and IP, ids counting from 1 after the node name', async () => {
    const { clock, runtime } = setUp();
    clock.advance('5s');
    const config = sandboxConfig();
    const id = expectRight(await runtime.runPodSandbox(config));
    expect(id).toBe('node-1-sandbox-1');
    expect(expectRight(runtime.podSandboxStatus(id))).toEqual({
      id,
      config,
      state: 'Ready',
      createdAt: 5_000,
      ip: '10.244.1.5',
    });
    expect(expectRight(await runtime.runPodSandbox(sandboxConfig({ name: 'web-1' })))).toBe(
      'node-1-sandbox-2',
    );
  });

  it('uses the id prefix given, or none', async () => {
    const clock = new VirtualClock();
    const prefixed = simulatedRuntime({ clock, nodeName: 'n', idPrefix: 'x/' });
    expect(expectRight(await prefixed.runPodSandbox(sandboxConfig()))).toBe('x/sandbox-1');
    const bare = simulatedRuntime({ clock });
    expect(expectRight(await bare.runPodSandbox(sandboxConfig()))).toBe('sandbox-1');
  });

  it('lists sandboxes in creation order, by state and by labels', async () => {
    const { runtime } = setUp();
    const web = expectRight(await runtime.runPodSandbox(sandboxConfig()));
    const db = expectRight(
      await runtime.runPodSandbox(
        sandboxConfig({ name: 'db-0', labels: { app: 'db', tier: 'x' } }),
      ),
    );
    const bare = expectRight(
      await runtime.runPodSandbox({ podUid: 'u', namespace: 'n', name: 'bare', attempt: 0 }),
    );
    expectRight(await runtime.stopPodSandbox(web));
    const ids = (filter?: Parameters<typeof runtime.listPodSandboxes>[0]) =>
      runtime.listPodSandboxes(filter).map((sandbox) => sandbox.id);
    expect(ids()).toEqual([web, db, bare]);
    expect(ids({ state: 'Ready' })).toEqual([db, bare]);
    expect(ids({ state: 'NotReady' })).toEqual([web]);
    expect(ids({ labels: { app: 'db' } })).toEqual([db]);
    expect(ids({ labels: { app: 'db', tier: 'y' } })).toEqual([]);
    expect(ids({ labels: {} })).toEqual([web, db, bare]);
  });

  it('kills the running containers of a stopped sandbox at once, with 137', async () => {
    const { clock, runtime, events } = setUp({
      script: new RuntimeScript().script({}, { terminationDelay: '30s' }),
    });
    const { podSandboxId, containerId } = await runPodContainer(runtime);
    clock.advance('1s');
    expectRight(await runtime.stopPodSandbox(podSandboxId));
    expect(expectRight(runtime.podSandboxStatus(podSandboxId)).state).toBe('NotReady');
    expect(expectRight(runtime.containerStatus(containerId))).toMatchObject({
      state: 'Exited',
      exitCode: 137,
      reason: 'Error',
      finishedAt: 1_000,
    });
    expect(events.at(-1)).toBe(`ContainerStopped ${containerId} @1000`);
    expect(clock.pending()).toBe(0);
    expectRight(await runtime.stopPodSandbox(podSandboxId));
  });

  it('removes a stopped sandbox with its containers, and refuses to remove a Ready one', async () => {
    const { runtime, events } = setUp();
    const { podSandboxId, containerId } = await runPodContainer(runtime);
    expect(expectLeft(await runtime.removePodSandbox(podSandboxId)).code).toBe('InvalidState');
    expectRight(await runtime.stopPodSandbox(podSandboxId));
    expectRight(await runtime.removePodSandbox(podSandboxId));
    expect(expectLeft(runtime.podSandboxStatus(podSandboxId)).code).toBe('NotFound');
    expect(expectLeft(runtime.containerStatus(containerId)).code).toBe('NotFound');
    expect(runtime.listPodSandboxes()).toEqual([]);
    expect(runtime.listContainers()).toEqual([]);
    expect(events.at(-1)).toBe(`ContainerDeleted ${containerId} @0`);
  });
});

describe('simulatedRuntime containers', () => {
  it('creates a container in state Created, then runs it when started', async () => {
    const { clock, runtime } = setUp();
    const { podSandboxId, containerId } = await createPodContainer(runtime);
    expect(containerId).toBe('node-1-container-1');
    const ref = expectRight(await runtime.pullImage({ image: 'nginx' }));
    expect(expectRight(runtime.containerStatus(containerId))).toEqual({
      id: containerId,
      podSandboxId,
      config: containerConfig(),
      state: 'Created',
      imageRef: ref,
      createdAt: 0,
    });
    clock.advance('2s');
    expectRight(await runtime.startContainer(containerId));
    expect(expectRight(runtime.containerStatus(containerId))).toMatchObject({
      state: 'Running',
      startedAt: 2_000,
    });
  });

  it('emits created, started, stopped and deleted events in order, each after the change', async () => {
    const { clock, runtime, events } = setUp();
    const seen: string[] = [];
    runtime.events$.subscribe((event) => {
      const status = runtime.containerStatus(event.containerId);
      seen.push(status._tag === 'Right' ? status.right.state : status.left.code);
    });
    const { containerId } = await runPodContainer(runtime);
    clock.advance('1s');
    expectRight(await runtime.stopContainer({ containerId, timeoutSeconds: 30 }));
    expectRight(await runtime.removeContainer(containerId));
    expect(events).toEqual([
      `ContainerCreated ${containerId} @0`,
      `ContainerStarted ${containerId} @0`,
      `ContainerStopped ${containerId} @1000`,
      `ContainerDeleted ${containerId} @1000`,
    ]);
    expect(seen).toEqual(['Created', 'Running', 'Exited', 'NotFound']);
  });

  it('lists containers in creation order, of one sandbox and in one state', async () => {
    const { runtime } = setUp();
    const web = await runPodContainer(runtime);
    const sidecar = expectRight(
      await runtime.createContainer({
        podSandboxId: web.podSandboxId,
        config: containerConfig({ name: 'sidecar' }),
      }),
    );
    const db = await createPodContainer(runtime, { sandbox: sandboxConfig({ name: 'db-0' }) });
    const ids = (filter?: Parameters<typeof runtime.listContainers>[0]) =>
      runtime.listContainers(filter).map((container) => container.id);
    expect(ids()).toEqual([web.containerId, sidecar, db.containerId]);
    expect(ids({ podSandboxId: web.podSandboxId })).toEqual([web.containerId, sidecar]);
    expect(ids({ podSandboxId: web.podSandboxId, state: 'Created' })).toEqual([sidecar]);
    expect(ids({ state: 'Running' })).toEqual([web.containerId]);
    expect(ids({ podSandboxId: 'unknown' })).toEqual([]);
  });

  it('removes an exited container from its sandbox list', async () => {
    const { runtime } = setUp();
    const { podSandboxId, containerId } = await runPodContainer(runtime);
    expectRight(await runtime.stopContainer({ containerId, timeoutSeconds: 0 }));
    expectRight(await runtime.removeContainer(containerId));
    expect(runtime.listContainers({ podSandboxId })).toEqual([]);
    const again = await runtime.createContainer({ podSandboxId, config: containerConfig() });
    expect(expectRight(again)).toBe('node-1-container-2');
  });

  it('shares one script between the runtimes of several nodes', async () => {
    const clock = new VirtualClock({ start: 0 });
    const script = new RuntimeScript();
    const nodes = ['node-1', 'node-2'].map((nodeName) =>
      simulatedRuntime({ clock, script, nodeName }),
    );
    script.script({ image: 'nginx' }, { usage: { milliCpu: 100, memory: 1 } });
    for (const runtime of nodes) {
      expect(runtime.script).toBe(script);
      const { containerId } = await runPodContainer(runtime);
      expect(expectRight(runtime.containerStats(containerId)).milliCpu).toBe(100);
    }
  });

  it('answers the version it reports for the node', () => {
    expect(setUp().runtime.version()).toBe(SIMULATED_RUNTIME_VERSION);
  });
});

describe('simulatedRuntime bad calls', () => {
  it('answers NotFound for unknown sandbox and container ids', async () => {
    const { runtime } = setUp();
    expect(expectLeft(runtime.podSandboxStatus('nope'))).toEqual({
      code: 'NotFound',
      message: 'pod sandbox "nope" not found',
    });
    expect(errorCode(await runtime.stopPodSandbox('nope'))).toBe('NotFound');
    expect(errorCode(await runtime.removePodSandbox('nope'))).toBe('NotFound');
    const create = await runtime.createContainer({
      podSandboxId: 'nope',
      config: containerConfig(),
    });
    expect(errorCode(create)).toBe('NotFound');
    expect(expectLeft(runtime.containerStatus('gone'))).toEqual({
      code: 'NotFound',
      message: 'container "gone" not found',
    });
    expect(errorCode(await runtime.startContainer('gone'))).toBe('NotFound');
    expect(errorCode(await runtime.stopContainer({ containerId: 'gone', timeoutSeconds: 1 }))).toBe(
      'NotFound',
    );
    expect(errorCode(await runtime.removeContainer('gone'))).toBe('NotFound');
    expect(errorCode(runtime.containerStats('gone'))).toBe('NotFound');
    expect(await runtime.probe({ containerId: 'gone', kind: 'readiness', probe: {} })).toBe(
      'Failure',
    );
  });

  it('refuses to start a container twice', async () => {
    const { runtime } = setUp();
    const { containerId } = await runPodContainer(runtime);
    expect(expectLeft(await runtime.startContainer(containerId))).toEqual({
      code: 'InvalidState',
      message: `container "${containerId}" is Running: only a Created container can be started`,
    });
    expectRight(await runtime.stopContainer({ containerId, timeoutSeconds: 0 }));
    expect(errorCode(await runtime.startContainer(containerId))).toBe('InvalidState');
  });

  it('refuses to start a container that is still starting', async () => {
    const { runtime } = setUp({ script: new RuntimeScript().script({}, { startDelay: '1s' }) });
    const { containerId } = await createPodContainer(runtime);
    void runtime.startContainer(containerId);
    expect(errorCode(await runtime.startContainer(containerId))).toBe('InvalidState');
  });

  it('refuses to remove a running container', async () => {
    const { runtime } = setUp();
    const { containerId } = await runPodContainer(runtime);
    expect(expectLeft(await runtime.removeContainer(containerId))).toEqual({
      code: 'InvalidState',
      message: `container "${containerId}" is Running: stop it before removing it`,
    });
  });

  it('refuses to create or start containers in a stopped sandbox', async () => {
    const { runtime } = setUp();
    const { podSandboxId, containerId } = await createPodContainer(runtime);
    expectRight(await runtime.stopPodSandbox(podSandboxId));
    expect(errorCode(await runtime.startContainer(containerId))).toBe('InvalidState');
    const create = await runtime.createContainer({
      podSandboxId,
      config: containerConfig({ name: 'late' }),
    });
    expect(errorCode(create)).toBe('InvalidState');
  });

  it('refuses to create a container of an image not pulled', async () => {
    const { runtime } = setUp();
    const podSandboxId = expectRight(await runtime.runPodSandbox(sandboxConfig()));
    const create = await runtime.createContainer({
      podSandboxId,
      config: containerConfig({ image: 'redis' }),
    });
    expect(expectLeft(create)).toEqual({
      code: 'CreateFailed',
      message: 'image "redis" is not present on the node: pull it before creating the container',
    });
  });

  it('refuses a second container of the same name and attempt in a sandbox', async () => {
    const { runtime } = setUp();
    const { podSandboxId } = await createPodContainer(runtime);
    const same = await runtime.createContainer({ podSandboxId, config: containerConfig() });
    expect(expectLeft(same).code).toBe('CreateFailed');
    const next = await runtime.createContainer({
      podSandboxId,
      config: containerConfig({ attempt: 1 }),
    });
    expectRight(next);
  });

  it('fails a create with the scripted create error', async () => {
    const { runtime, events } = setUp({
      script: new RuntimeScript().script({ containerName: 'app' }, { createError: 'no space' }),
    });
    const podSandboxId = expectRight(await runtime.runPodSandbox(sandboxConfig()));
    expectRight(await runtime.pullImage({ image: 'nginx' }));
    const create = await runtime.createContainer({ podSandboxId, config: containerConfig() });
    expect(expectLeft(create)).toEqual({ code: 'CreateFailed', message: 'no space' });
    expect(runtime.listContainers()).toEqual([]);
    expect(events).toEqual([]);
  });
});
