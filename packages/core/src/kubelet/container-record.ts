/**
 * What a pod worker knows of one of its pod's containers, and the `ContainerStatus`
 * it reports for it.
 *
 * @module
 */
import type {
  Container,
  ContainerState,
  ContainerStateTerminated,
  ContainerStatus,
} from '../api/kinds/index.js';
import { formatTime } from '../apiserver/index.js';
import type { ContainerRuntimeStatus } from './cri/index.js';

/** Why a container waits, as `state.waiting`. */
export interface ContainerWaiting {
  /** `ContainerCreating`, `PodInitializing`, `ErrImagePull`, `CrashLoopBackOff`... */
  readonly reason: string;
  readonly message?: string;
}

/**
 * One container of a pod, as its worker follows it: the runtime container of its
 * current attempt (if any), why it waits, and what the probes say.
 *
 * Caveat: mutable, owned by one pod worker; never shared.
 */
export interface ContainerRecord {
  readonly spec: Container;
  readonly kind: 'init' | 'regular';
  /** The runtime container of the current attempt. */
  containerId?: string | undefined;
  /** The runtime's last answer about it. */
  runtime?: ContainerRuntimeStatus | undefined;
  /** Why it is not running, when the worker knows better than the runtime. */
  waiting?: ContainerWaiting | undefined;
  /** The termination of the previous attempt. */
  lastTerminated?: ContainerStateTerminated | undefined;
  restartCount: number;
  /** The startup probe passed (or there is none) while running. */
  started: boolean;
  /** Running, started, and the readiness probe passes (or there is none). */
  ready: boolean;
}

/** A record for a container not started yet. */
export function newContainerRecord(spec: Container, kind: 'init' | 'regular'): ContainerRecord {
  return { spec, kind, restartCount: 0, started: false, ready: false };
}

/** The container ID as the API writes it: `<runtime>://<id>`. */
export function containerIdOf(runtimeName: string, id: string): string {
  return `${runtimeName}://${id}`;
}

/** An exited runtime container as `state.terminated` (reason `Completed` / `Error` by default). */
export function terminatedState(
  runtime: ContainerRuntimeStatus,
  runtimeName: string,
): ContainerStateTerminated {
  const exitCode = runtime.exitCode ?? 0;
  return {
    exitCode,
    reason: runtime.reason ?? (exitCode === 0 ? 'Completed' : 'Error'),
    ...(runtime.message === undefined ? {} : { message: runtime.message }),
    ...(runtime.startedAt === undefined ? {} : { startedAt: formatTime(runtime.startedAt) }),
    ...(runtime.finishedAt === undefined ? {} : { finishedAt: formatTime(runtime.finishedAt) }),
    containerID: containerIdOf(runtimeName, runtime.id),
  };
}

/** Whether the record's current attempt exited, and with which code. */
export function exitCodeOf(record: ContainerRecord): number | undefined {
  return record.runtime?.state === 'Exited' ? (record.runtime.exitCode ?? 0) : undefined;
}

/** Whether the record's current attempt runs. */
export function isRunning(record: ContainerRecord): boolean {
  return record.runtime?.state === 'Running';
}

/**
 * The `ContainerStatus` of a record: running, terminated, or waiting (`waiting`, else
 * `defaultWaiting` when nothing was started), with `lastState`, `ready`, `started`,
 * `restartCount`, `image`, `imageID` and `containerID`.
 */
export function containerStatusOf(
  record: ContainerRecord,
  runtimeName: string,
  defaultWaiting: string,
): ContainerStatus {
  const runtime = record.runtime;
  let state: ContainerState;
  let lastTerminated = record.lastTerminated;
  if (runtime?.state === 'Running') {
    state = {
      running: runtime.startedAt === undefined ? {} : { startedAt: formatTime(runtime.startedAt) },
    };
  } else if (record.waiting !== undefined) {
    state = { waiting: record.waiting };
    if (runtime?.state === 'Exited') {
      lastTerminated = terminatedState(runtime, runtimeName);
    }
  } else if (runtime?.state === 'Exited') {
    state = { terminated: terminatedState(runtime, runtimeName) };
  } else {
    state = {
      waiting: { reason: runtime === undefined ? defaultWaiting : 'ContainerCreating' },
    };
  }
  return {
    name: record.spec.name,
    state,
    lastState: lastTerminated === undefined ? {} : { terminated: lastTerminated },
    ready: record.ready,
    restartCount: record.restartCount,
    image: record.spec.image ?? '',
    imageID: runtime?.imageRef ?? '',
    ...(runtime === undefined ? {} : { containerID: containerIdOf(runtimeName, runtime.id) }),
    started: record.started,
  };
}
