import { describe, expect, it } from '@jest/globals';
import {
  RuntimeScript,
  type ContainerExit,
  type ProbeContext,
} from '../../../src/kubelet/cri/runtime-script.js';
import type { Either } from 'fp-ts/lib/Either.js';
import type { RuntimeError } from '../../../src/kubelet/cri/container-runtime.js';
import { expectLeft, expectRight } from '../../support/either.js';
import {
  containerConfig,
  createPodContainer,
  isSettled,
  runPodContainer,
  setUp,
} from './runtime-test-support.js';

describe('simulatedRuntime starts', () => {
  it('starts a container at once, with no timer, when no start delay is scripted', async () => {
    const { clock, runtime } = setUp();
    const { containerId } = await createPodContainer(runtime);
    const start = runtime.startContainer(containerId);
    expect(expectRight(runtime.containerStatus(containerId)).state).toBe('Running');
    expect(clock.pending()).toBe(0);
    expectRight(await start);
  });

  it('runs a container after the scripted start delay, reporting it Created meanwhile', async () => {
    const { clock, runtime, events } = setUp({
      script: new RuntimeScript().script({ image: 'nginx' }, { startDelay: '2s' }),
    });
    const { containerId } = await createPodContainer(runtime);
    const start = runtime.startContainer(containerId);
    clock.advance('1999ms');
    expect(await isSettled(start)).toBe(false);
    expect(expectRight(runtime.containerStatus(containerId)).state).toBe('Created');
    clock.advance('1ms');
    expectRight(await start);
    expect(expectRight(runtime.containerStatus(containerId))).toMatchObject({
      state: 'Running',
      startedAt: 2_000,
    });
    expect(events.at(-1)).toBe(`ContainerStarted ${containerId} @2000`);
  });

  it('fails a start with the scripted error after the start delay, leaving it Exited with 128', async () => {
    const { clock, runtime, events } = setUp({
      script: new RuntimeScript().script(
        { containerName: 'app' },
        { startDelay: '1s', startError: 'exec: "serve": executable file not found in $PATH' },
      ),
    });
    const { containerId } = await createPodContainer(runtime);
    const start = runtime.startContainer(containerId);
    clock.advance('1s');
    expect(expectLeft(await start)).toEqual({
      code: 'StartFailed',
      message: 'exec: "serve": executable file not found in $PATH',
    });
    expect(expectRight(runtime.containerStatus(containerId))).toMatchObject({
      state: 'Exited',
      exitCode: 128,
      reason: 'StartError',
      message: 'exec: "serve": executable file not found in $PATH',
      finishedAt: 1_000,
    });
    expect(events.at(-1)).toBe(`ContainerStopped ${containerId} @1000`);
    expectRight(await runtime.removeContainer(containerId));
  });

  it('fails a pending start when the container is stopped before it runs', async () => {
    const { clock, runtime } = setUp({
      script: new RuntimeScript().script({}, { startDelay: '5s' }),
    });
    const { containerId } = await createPodContainer(runtime);
    const start = runtime.startContainer(containerId);
    clock.advance('1s');
    expectRight(await runtime.stopContainer({ containerId, timeoutSeconds: 30 }));
    expect(expectLeft(await start).code).toBe('StartFailed');
    expect(expectRight(runtime.containerStatus(containerId))).toMatchObject({
      state: 'Exited',
      exitCode: 137,
    });
    expect(clock.pending()).toBe(0);
  });
});

describe('simulatedRuntime exits', () => {
  it.each([
    [{ code: 0, after: '10s' }, 'Completed'],
    [{ code: 1, after: '10s' }, 'Error'],
    [{ code: 2, after: '10s', reason: 'OOMKilled' }, 'OOMKilled'],
  ] satisfies [ContainerExit, string][])(
    'exits as scripted, %p, with reason %s',
    async (exit, reason) => {
      const { clock, runtime, events } = setUp({
        script: new RuntimeScript().script({}, { exit }),
      });
      const { containerId } = await runPodContainer(runtime);
      clock.advance('9999ms');
      expect(expectRight(runtime.containerStatus(containerId)).state).toBe('Running');
      clock.advance('1ms');
      expect(expectRight(runtime.containerStatus(containerId))).toMatchObject({
        state: 'Exited',
        exitCode: exit.code,
        reason,
        startedAt: 0,
        finishedAt: 10_000,
      });
      expect(events.at(-1)).toBe(`ContainerStopped ${containerId} @10000`);
    },
  );

  it('exits at once when the exit is scripted after 0, right after starting', async () => {
    const { runtime, events } = setUp({
      script: new RuntimeScript().script({}, { exit: { code: 0, after: 0 } }),
    });
    const { containerId } = await runPodContainer(runtime);
    expect(expectRight(runtime.containerStatus(containerId)).state).toBe('Exited');
    expect(events.slice(1)).toEqual([
      `ContainerStarted ${containerId} @0`,
      `ContainerStopped ${containerId} @0`,
    ]);
  });

  it('asks an exit function for each attempt, and runs for ever when it answers undefined', async () => {
    const attempts: number[] = [];
    const { clock, runtime } = setUp({
      script: new RuntimeScript().script(
        {},
        {
          exit: (attempt) => {
            attempts.push(attempt);
            return attempt < 2 ? { code: 1, after: `${attempt + 1}s` } : undefined;
          },
        },
      ),
    });
    const { podSandboxId, containerId } = await runPodContainer(runtime);
    clock.advance('1s');
    expect(expectRight(runtime.containerStatus(containerId)).exitCode).toBe(1);
    const second = expectRight(
      await runtime.createContainer({ podSandboxId, config: containerConfig({ attempt: 1 }) }),
    );
    expectRight(await runtime.startContainer(second));
    clock.advance('1999ms');
    expect(expectRight(runtime.containerStatus(second)).state).toBe('Running');
    clock.advance('1ms');
    expect(expectRight(runtime.containerStatus(second)).state).toBe('Exited');
    const third = expectRight(
      await runtime.createContainer({ podSandboxId, config: containerConfig({ attempt: 2 }) }),
    );
    expectRight(await runtime.startContainer(third));
    expect(clock.pending()).toBe(0);
    expect(attempts).toEqual([0, 1, 2]);
  });
});

describe('simulatedRuntime stops', () => {
  it('lets an event subscriber stop a container as it starts, leaving no exit timer behind', async () => {
    const { clock, runtime } = setUp({
      script: new RuntimeScript().script({}, { exit: { code: 1, after: '1h' } }),
    });
    const stops: Promise<unknown>[] = [];
    runtime.events$.subscribe((event) => {
      if (event.type === 'ContainerStarted') {
        stops.push(runtime.stopContainer({ containerId: event.containerId, timeoutSeconds: 0 }));
      }
    });
    const { containerId } = await runPodContainer(runtime);
    await Promise.all(stops);
    expect(expectRight(runtime.containerStatus(containerId))).toMatchObject({
      state: 'Exited',
      exitCode: 0,
      reason: 'Completed',
    });
    expect(clock.pending()).toBe(0);
  });

  it('stops a container that exits on SIGTERM within the timeout with code 0', async () => {
    const { clock, runtime } = setUp({
      script: new RuntimeScript().script({}, { terminationDelay: '5s' }),
    });
    const { containerId } = await runPodContainer(runtime);
    const stop = runtime.stopContainer({ containerId, timeoutSeconds: 30 });
    clock.advance('4999ms');
    expect(await isSettled(stop)).toBe(false);
    expect(expectRight(runtime.containerStatus(containerId)).state).toBe('Running');
    clock.advance('1ms');
    expectRight(await stop);
    expect(expectRight(runtime.containerStatus(containerId))).toMatchObject({
      state: 'Exited',
      exitCode: 0,
      reason: 'Completed',
      finishedAt: 5_000,
    });
    expect(clock.pending()).toBe(0);
  });

  it('kills a container at the timeout, with 137 and reason Error, when it exits too slowly', async () => {
    const { clock, runtime } = setUp({
      script: new RuntimeScript().script({}, { terminationDelay: '1m' }),
    });
    const { containerId } = await runPodContainer(runtime);
    const stop = runtime.stopContainer({ containerId, timeoutSeconds: 30 });
    clock.advance('30s');
    expectRight(await stop);
    expect(expectRight(runtime.containerStatus(containerId))).toMatchObject({
      exitCode: 137,
      reason: 'Error',
      finishedAt: 30_000,
    });
    expect(clock.pending()).toBe(0);
  });

  it('stops a container at once when no termination delay is scripted, with no timer', async () => {
    const { clock, runtime } = setUp();
    const { containerId } = await runPodContainer(runtime);
    const stop = runtime.stopContainer({ containerId, timeoutSeconds: 30 });
    expect(expectRight(runtime.containerStatus(containerId)).exitCode).toBe(0);
    expect(clock.pending()).toBe(0);
    expectRight(await stop);
  });

  it('kills at once with a timeout of 0', async () => {
    const { runtime } = setUp({
      script: new RuntimeScript().script({}, { terminationDelay: '1s' }),
    });
    const { containerId } = await runPodContainer(runtime);
    expectRight(await runtime.stopContainer({ containerId, timeoutSeconds: 0 }));
    expect(expectRight(runtime.containerStatus(containerId)).exitCode).toBe(137);
  });

  it('lets a container that exits by itself before SIGTERM takes effect exit as scripted', async () => {
    const { clock, runtime } = setUp({
      script: new RuntimeScript().script(
        {},
        { terminationDelay: '20s', exit: { code: 3, after: '15s' } },
      ),
    });
    const { containerId } = await runPodContainer(runtime);
    clock.advance('10s');
    const stop = runtime.stopContainer({ containerId, timeoutSeconds: 30 });
    clock.advance('5s');
    expectRight(await stop);
    expect(expectRight(runtime.containerStatus(containerId))).toMatchObject({
      exitCode: 3,
      finishedAt: 15_000,
    });
  });

  it('kills earlier when stopped again with a shorter timeout, resolving both stops', async () => {
    const { clock, runtime } = setUp({
      script: new RuntimeScript().script({}, { terminationDelay: '1m' }),
    });
    const { containerId } = await runPodContainer(runtime);
    const first = runtime.stopContainer({ containerId, timeoutSeconds: 30 });
    clock.advance('5s');
    expect(expectRight(runtime.containerStatus(containerId)).state).toBe('Running');
    const second = runtime.stopContainer({ containerId, timeoutSeconds: 2 });
    clock.advance('2s');
    expectRight(await first);
    expectRight(await second);
    expect(expectRight(runtime.containerStatus(containerId))).toMatchObject({
      exitCode: 137,
      finishedAt: 7_000,
    });
    expect(clock.pending()).toBe(0);
  });

  it('does nothing when stopping a container that is created or exited', async () => {
    const { runtime, events } = setUp();
    const { containerId } = await createPodContainer(runtime);
    expectRight(await runtime.stopContainer({ containerId, timeoutSeconds: 1 }));
    expect(expectRight(runtime.containerStatus(containerId)).state).toBe('Created');
    expectRight(await runtime.startContainer(containerId));
    expectRight(await runtime.stopContainer({ containerId, timeoutSeconds: 1 }));
    expectRight(await runtime.stopContainer({ containerId, timeoutSeconds: 1 }));
    expect(events.filter((event) => event.startsWith('ContainerStopped'))).toHaveLength(1);
  });
});

describe('simulatedRuntime probes and stats', () => {
  it('answers Success for every probe of a running container by default', async () => {
    const { runtime } = setUp();
    const { containerId } = await runPodContainer(runtime);
    for (const kind of ['readiness', 'liveness', 'startup'] as const) {
      expect(await runtime.probe({ containerId, kind, probe: {} })).toBe('Success');
    }
  });

  it('answers Failure for a container that is not running', async () => {
    const { runtime } = setUp();
    const { containerId } = await createPodContainer(runtime);
    expect(await runtime.probe({ containerId, kind: 'readiness', probe: {} })).toBe('Failure');
    expectRight(await runtime.startContainer(containerId));
    expectRight(await runtime.stopContainer({ containerId, timeoutSeconds: 0 }));
    expect(await runtime.probe({ containerId, kind: 'liveness', probe: {} })).toBe('Failure');
  });

  it('answers a scripted outcome, and one computed from how long the container has run', async () => {
    const contexts: ProbeContext[] = [];
    const { clock, runtime } = setUp({
      script: new RuntimeScript().script(
        { podName: 'web-0' },
        {
          liveness: 'Failure',
          readiness: (context) => {
            contexts.push(context);
            return context.runningForMs >= 5_000 ? 'Success' : 'Failure';
          },
        },
      ),
    });
    const { containerId } = await runPodContainer(runtime);
    const readiness = () => runtime.probe({ containerId, kind: 'readiness', probe: {} });
    clock.advance('4s');
    expect(await readiness()).toBe('Failure');
    clock.advance('1s');
    expect(await readiness()).toBe('Success');
    expect(await runtime.probe({ containerId, kind: 'liveness', probe: {} })).toBe('Failure');
    expect(await runtime.probe({ containerId, kind: 'startup', probe: {} })).toBe('Success');
    expect(contexts.at(-1)).toEqual({
      attempt: 0,
      runningForMs: 5_000,
      containerName: 'app',
      podName: 'web-0',
      namespace: 'default',
    });
  });

  it('follows a script added while the container runs at its next probe', async () => {
    const { runtime } = setUp();
    const { containerId } = await runPodContainer(runtime);
    runtime.script.script({ containerName: 'app' }, { readiness: 'Failure' });
    expect(await runtime.probe({ containerId, kind: 'readiness', probe: {} })).toBe('Failure');
  });

  it('reports the scripted usage while running, and zero otherwise', async () => {
    const { runtime } = setUp({
      script: new RuntimeScript().script({}, { usage: { milliCpu: 250, memory: 64 << 20 } }),
    });
    const { containerId } = await createPodContainer(runtime);
    expect(expectRight(runtime.containerStats(containerId))).toEqual({
      containerId,
      milliCpu: 0,
      memory: 0,
    });
    expectRight(await runtime.startContainer(containerId));
    expect(expectRight(runtime.containerStats(containerId))).toEqual({
      containerId,
      milliCpu: 250,
      memory: 64 << 20,
    });
  });
});

describe('simulatedRuntime kill and revive', () => {
  it('loses every sandbox and container, cancels their timers and answers Unavailable', async () => {
    const { clock, runtime, events } = setUp({
      script: new RuntimeScript().script({}, { exit: { code: 0, after: '1h' } }),
    });
    const { podSandboxId, containerId } = await runPodContainer(runtime);
    const eventsBefore = events.length;
    runtime.kill();
    expect(runtime.alive).toBe(false);
    expect(clock.pending()).toBe(0);
    expect(events).toHaveLength(eventsBefore);
    expect(expectLeft(runtime.containerStatus(containerId)).code).toBe('Unavailable');
    expect(expectLeft(runtime.podSandboxStatus(podSandboxId)).code).toBe('Unavailable');
    expect(expectLeft(runtime.containerStats(containerId)).code).toBe('Unavailable');
    expect(expectLeft(await runtime.pullImage({ image: 'nginx' })).code).toBe('Unavailable');
    const sandbox = await runtime.runPodSandbox(containerSandbox());
    expect(expectLeft(sandbox).code).toBe('Unavailable');
    expect(expectLeft(await runtime.startContainer(containerId)).code).toBe('Unavailable');
    expect(expectLeft(await runtime.stopPodSandbox(podSandboxId)).code).toBe('Unavailable');
    expect(runtime.listContainers()).toEqual([]);
    expect(runtime.listPodSandboxes()).toEqual([]);
    expect(runtime.listImages()).toEqual([]);
    expect(await runtime.probe({ containerId, kind: 'liveness', probe: {} })).toBe('Failure');
  });

  it('answers Unavailable to calls pending when it is killed', async () => {
    const { clock, runtime } = setUp({
      script: new RuntimeScript()
        .script({ image: 'redis' }, { pullDelay: '1m' })
        .script({ image: 'busybox' }, { pullDelay: '1m', pullError: 'denied' })
        .script({ containerName: 'slow' }, { startDelay: '1m' })
        .script({ containerName: 'app' }, { terminationDelay: '1m' }),
    });
    const { podSandboxId, containerId } = await runPodContainer(runtime);
    const slow = expectRight(
      await runtime.createContainer({ podSandboxId, config: containerConfig({ name: 'slow' }) }),
    );
    const pending: Promise<Either<RuntimeError, unknown>>[] = [
      runtime.pullImage({ image: 'redis' }),
      runtime.pullImage({ image: 'busybox' }),
      runtime.startContainer(slow),
      runtime.stopContainer({ containerId, timeoutSeconds: 300 }),
    ];
    runtime.kill();
    for (const call of pending) {
      expect(expectLeft(await call).code).toBe('Unavailable');
    }
    expect(clock.pending()).toBe(0);
  });

  it('works again once revived, empty but for its images, ids still counting', async () => {
    const { runtime } = setUp();
    await runPodContainer(runtime);
    runtime.kill();
    runtime.revive();
    expect(runtime.alive).toBe(true);
    expect(runtime.listContainers()).toEqual([]);
    expect(runtime.listImages()).toHaveLength(1);
    const podSandboxId = expectRight(await runtime.runPodSandbox(containerSandbox()));
    expect(podSandboxId).toBe('node-1-sandbox-2');
    const containerId = expectRight(
      await runtime.createContainer({ podSandboxId, config: containerConfig() }),
    );
    expect(containerId).toBe('node-1-container-2');
  });
});

function containerSandbox() {
  return { podUid: 'uid-web-0', namespace: 'default', name: 'web-0', attempt: 1 };
}
