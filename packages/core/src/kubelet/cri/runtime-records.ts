/**
 * The simulated runtime's state of one sandbox and one container, kept small (one
 * object each, no closures) so that a node can hold thousands of them, and the
 * statuses built from it on demand.
 *
 * @module
 */
import type { Timer } from '../../clock/clock.js';
import type {
  ContainerConfig,
  ContainerRuntimeState,
  ContainerRuntimeStatus,
  PodSandboxConfig,
  PodSandboxState,
  PodSandboxStatus,
  RuntimeError,
} from './container-runtime.js';
import type { Either } from 'fp-ts/lib/Either.js';
import type { ContainerExit, ContainerTarget } from './runtime-script.js';

/**
 * Where a container is in its life. `Starting` (between `startContainer` and its
 * `startDelay`) reports as `Created`; `Stopping` (between `stopContainer` and the
 * exit) reports as `Running`, as CRI has no such states.
 */
export type ContainerPhase = 'Created' | 'Starting' | 'Running' | 'Stopping' | 'Exited';

/** Resolves a pending runtime call. */
export type ResolveCall = (result: Either<RuntimeError, void>) => void;

/** A pod sandbox the simulated runtime holds. */
export class SandboxRecord {
  state: PodSandboxState = 'Ready';
  /** Its containers, in the order they were created. */
  readonly containers: ContainerRecord[] = [];

  constructor(
    readonly id: string,
    readonly config: PodSandboxConfig,
    readonly createdAt: number,
  ) {}
}

/**
 * A container the simulated runtime holds; it is also the target its behaviour is
 * looked up with (image, namespace, pod and container names).
 */
export class ContainerRecord implements ContainerTarget {
  phase: ContainerPhase = 'Created';
  startedAt: number | undefined = undefined;
  finishedAt: number | undefined = undefined;
  exitCode: number | undefined = undefined;
  reason: string | undefined = undefined;
  message: string | undefined = undefined;
  /** Its one pending timer: the end of `startDelay`, or the next exit or kill. */
  timer: Timer | undefined = undefined;
  /** How and when it will exit, if nothing kills it first (Infinity: never). */
  plannedExit: ContainerExit | undefined = undefined;
  plannedExitAt = Number.POSITIVE_INFINITY;
  /** When a stop's timeout kills it (Infinity: no stop pending). */
  killAt = Number.POSITIVE_INFINITY;
  startWaiter: ResolveCall | undefined = undefined;
  stopWaiters: ResolveCall[] | undefined = undefined;

  constructor(
    readonly id: string,
    readonly sandbox: SandboxRecord,
    readonly config: ContainerConfig,
    readonly imageRef: string,
    readonly createdAt: number,
  ) {}

  get image(): string {
    return this.config.image;
  }

  get namespace(): string {
    return this.sandbox.config.namespace;
  }

  get podName(): string {
    return this.sandbox.config.name;
  }

  get containerName(): string {
    return this.config.name;
  }

  /** Whether its process runs (`Running` or `Stopping`). */
  get running(): boolean {
    return this.phase === 'Running' || this.phase === 'Stopping';
  }

  /** Its state as CRI reports it. */
  get state(): ContainerRuntimeState {
    switch (this.phase) {
      case 'Created':
      case 'Starting':
        return 'Created';
      case 'Running':
      case 'Stopping':
        return 'Running';
      case 'Exited':
        return 'Exited';
    }
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A snapshot of `sandbox`'s status. */
export function sandboxStatusOf(sandbox: SandboxRecord): PodSandboxStatus {
  const status: Mutable<PodSandboxStatus> = {
    id: sandbox.id,
    config: sandbox.config,
    state: sandbox.state,
    createdAt: sandbox.createdAt,
  };
  if (sandbox.config.ip !== undefined) {
    status.ip = sandbox.config.ip;
  }
  return status;
}

/** A snapshot of `container`'s status. */
export function containerStatusOf(container: ContainerRecord): ContainerRuntimeStatus {
  const status: Mutable<ContainerRuntimeStatus> = {
    id: container.id,
    podSandboxId: container.sandbox.id,
    config: container.config,
    state: container.state,
    imageRef: container.imageRef,
    createdAt: container.createdAt,
  };
  if (container.startedAt !== undefined) {
    status.startedAt = container.startedAt;
  }
  if (container.finishedAt !== undefined) {
    status.finishedAt = container.finishedAt;
  }
  if (container.exitCode !== undefined) {
    status.exitCode = container.exitCode;
  }
  if (container.reason !== undefined) {
    status.reason = container.reason;
  }
  if (container.message !== undefined) {
    status.message = container.message;
  }
  return status;
}
