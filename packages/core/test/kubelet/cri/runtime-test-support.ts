import type { Either } from 'fp-ts/lib/Either.js';
import { VirtualClock } from '../../../src/clock/virtual-clock.js';
import type {
  ContainerConfig,
  ContainerEvent,
  PodSandboxConfig,
  RuntimeError,
} from '../../../src/kubelet/cri/container-runtime.js';
import type { RuntimeScript } from '../../../src/kubelet/cri/runtime-script.js';
import {
  simulatedRuntime,
  type SimulatedRuntime,
} from '../../../src/kubelet/cri/simulated-runtime.js';
import { expectRight } from '../../support/either.js';

/** A runtime on node-1 with a clock at 0, so that times read as time elapsed. */
export function setUp(options: { readonly script?: RuntimeScript } = {}): {
  clock: VirtualClock;
  runtime: SimulatedRuntime;
  events: string[];
} {
  const clock = new VirtualClock({ start: 0 });
  const runtime = simulatedRuntime({
    clock,
    nodeName: 'node-1',
    ...(options.script === undefined ? {} : { script: options.script }),
  });
  const events: string[] = [];
  runtime.events$.subscribe((event: ContainerEvent) => events.push(describeEvent(event)));
  return { clock, runtime, events };
}

/** `ContainerStarted node-1-container-1 @0`. */
export function describeEvent(event: ContainerEvent): string {
  return `${event.type} ${event.containerId} @${event.at}`;
}

/** The sandbox config of pod `default/web-0`, with `overrides`. */
export function sandboxConfig(overrides: Partial<PodSandboxConfig> = {}): PodSandboxConfig {
  return {
    podUid: 'uid-web-0',
    namespace: 'default',
    name: 'web-0',
    attempt: 0,
    ip: '10.244.1.5',
    labels: { app: 'web' },
    ...overrides,
  };
}

/** The config of container `app` running `nginx`, with `overrides`. */
export function containerConfig(overrides: Partial<ContainerConfig> = {}): ContainerConfig {
  return { name: 'app', image: 'nginx', kind: 'regular', attempt: 0, ...overrides };
}

/**
 * Pulls the image, runs a sandbox and creates a container in it (delays must be 0);
 * answers their ids.
 */
export async function createPodContainer(
  runtime: SimulatedRuntime,
  options: { readonly sandbox?: PodSandboxConfig; readonly container?: ContainerConfig } = {},
): Promise<{ podSandboxId: string; containerId: string }> {
  const sandbox = options.sandbox ?? sandboxConfig();
  const config = options.container ?? containerConfig();
  expectRight(await runtime.pullImage({ image: config.image }));
  const podSandboxId = expectRight(await runtime.runPodSandbox(sandbox));
  const containerId = expectRight(await runtime.createContainer({ podSandboxId, config }));
  return { podSandboxId, containerId };
}

/** {@link createPodContainer}, then starts the container (start delay must be 0). */
export async function runPodContainer(
  runtime: SimulatedRuntime,
  options: { readonly sandbox?: PodSandboxConfig; readonly container?: ContainerConfig } = {},
): Promise<{ podSandboxId: string; containerId: string }> {
  const ids = await createPodContainer(runtime, options);
  expectRight(await runtime.startContainer(ids.containerId));
  return ids;
}

/** Whether `promise` has settled, without waiting on any timer. */
export async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending');
  const winner = await Promise.race([promise, Promise.resolve(pending)]);
  return winner !== pending;
}

/** The error code of a `left`, or `undefined` for a `right`. */
export function errorCode(result: Either<RuntimeError, unknown>): string | undefined {
  return result._tag === 'Left' ? result.left.code : undefined;
}
