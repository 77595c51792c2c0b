/**
 * The status a kubelet reports for a pod: its phase, conditions and container
 * statuses, computed from what its worker knows (upstream's `generateAPIPodStatus`
 * and `getPhase`, their essentials).
 *
 * @module
 */
import type { ContainerStatus, HostIP, Pod, PodCondition, PodStatus } from '../api/kinds/index.js';
import { formatTime } from '../apiserver/index.js';
import { qosClassOf } from '../apiserver/strategy/pod-lifecycle.js';
import { containerStatusOf, exitCodeOf, type ContainerRecord } from './container-record.js';

/** A pod phase. */
export type PodPhase = NonNullable<PodStatus['phase']>;

/** What a pod worker knows, as {@link buildPodStatus} needs it. */
export interface PodStatusInput {
  readonly pod: Pod;
  readonly initContainers: readonly ContainerRecord[];
  readonly containers: readonly ContainerRecord[];
  readonly runtimeName: string;
  readonly hostIP: string;
  /**
   * `[{ ip: hostIP }]` as the kubelet shares it between its pods (frozen); built
   * afresh when absent or naming another IP.
   */
  readonly hostIPs?: readonly HostIP[];
  readonly podIP?: string;
  /** When the kubelet first acknowledged the pod. */
  readonly startTime: number;
  /** Whether the sandbox runs with its network set up. */
  readonly sandboxReady: boolean;
  /** The phase the pod ended in, once it is terminal (or being terminated). */
  readonly terminalPhase?: 'Succeeded' | 'Failed';
  /** The status last reported, for transition times. */
  readonly previous?: PodStatus;
  readonly now: number;
}

/** Whether every init container completed (exit 0). */
export function initializationDone(initContainers: readonly ContainerRecord[]): boolean {
  return initContainers.every((record) => exitCodeOf(record) === 0 && record.waiting === undefined);
}

/**
 * The phase of a pod (upstream's `getPhase`): `Pending` while initializing or while a
 * container waits for its first start; `Running` while one runs; once all stopped,
 * `Running` again for `restartPolicy: Always`, else `Succeeded` when all exited 0,
 * `Failed` for `Never` (and `Running`, awaiting restarts, for `OnFailure`). An init
 * container that failed under `Never` fails the pod.
 */
export function podPhase(
  pod: Pod,
  initContainers: readonly ContainerRecord[],
  containers: readonly ContainerRecord[],
): PodPhase {
  const restartPolicy = pod.spec?.restartPolicy ?? 'Always';
  const failedInit = initContainers.some((record) => {
    const code = exitCodeOf(record);
    return code !== undefined && code !== 0;
  });
  if (failedInit && restartPolicy === 'Never') {
    return 'Failed';
  }
  if (!initializationDone(initContainers)) {
    return 'Pending';
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const record of containers) {
    const code = exitCodeOf(record);
    if (record.runtime?.state === 'Running') {
      running++;
    } else if (code !== undefined) {
      stopped++;
      if (code === 0 && record.waiting === undefined) {
        succeeded++;
      }
    } else if (record.lastTerminated !== undefined) {
      stopped++;
    } else {
      waiting++;
    }
  }
  if (waiting > 0 || containers.length === 0) {
    return 'Pending';
  }
  if (running > 0) {
    return 'Running';
  }
  if (restartPolicy === 'Always') {
    return 'Running';
  }
  if (stopped === succeeded) {
    return 'Succeeded';
  }
  return restartPolicy === 'Never' ? 'Failed' : 'Running';
}

/**
 * The status to report for a pod: phase, conditions (`PodReadyToStartContainers`,
 * `Initialized`, `Ready`, `ContainersReady`, `PodScheduled`, in upstream's order),
 * `hostIP(s)`, `podIP(s)`, `startTime`, container statuses and `qosClass`.
 *
 * Guarantees: a condition's `lastTransitionTime` changes only when its status does
 * (kept from `previous`); `PodScheduled` is kept as the scheduler wrote it (or `True`).
 */
export function buildPodStatus(input: PodStatusInput): PodStatus {
  const { pod, initContainers, containers, runtimeName, previous, now } = input;
  const phase = input.terminalPhase ?? podPhase(pod, initContainers, containers);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const initialized = initializationDone(initContainers);
  const time = formatTime(now);
  const condition = (
    type: string,
    status: boolean,
    reason?: string,
    message?: string,
  ): PodCondition => {
    const wanted = status ? 'True' : 'False';
    const before = previous?.conditions?.find((existing) => existing.type === type);
    const lastTransitionTime =
      before !== undefined &&
      before.status === wanted &&
      typeof before.lastTransitionTime === 'string'
        ? before.lastTransitionTime
        : time;
    return {
      type,
      status: wanted,
      lastTransitionTime,
      ...(reason === undefined ? {} : { reason }),
      ...(message === undefined ? {} : { message }),
    };
  };
  const incompleteInit = initContainers
    .filter((record) => exitCodeOf(record) !== 0 || record.waiting !== undefined)
    .map((record) => record.spec.name);
  const unready = containers.filter((record) => !record.ready).map((record) => record.spec.name);
  const initializedCondition = initialized
    ? condition('Initialized', true, phase === 'Succeeded' ? 'PodCompleted' : undefined)
    : condition(
        'Initialized',
        false,
        'ContainersNotInitialized',
        `containers with incomplete status: [${incompleteInit.join(' ')}]`,
      );
  const readiness = (type: string): PodCondition =>
    terminal
      ? condition(type, false, 'PodCompleted')
      : unready.length === 0
        ? condition(type, true)
        : condition(
            type,
            false,
            'ContainersNotReady',
            `containers with unready status: [${unready.join(' ')}]`,
          );
  const scheduled =
    pod.status?.conditions?.find((existing) => existing.type === 'PodScheduled') ??
    condition('PodScheduled', true);
  const initWaiting = initialized ? 'ContainerCreating' : 'PodInitializing';
  const podIP = input.podIP;
  return {
    phase,
    conditions: [
      condition('PodReadyToStartContainers', input.sandboxReady && !terminal),
      initializedCondition,
      readiness('Ready'),
      readiness('ContainersReady'),
      scheduled,
    ],
    hostIP: input.hostIP,
    hostIPs:
      input.hostIPs?.length === 1 && input.hostIPs[0]?.ip === input.hostIP
        ? (input.hostIPs as HostIP[])
        : [{ ip: input.hostIP }],
    ...(podIP === undefined ? {} : { podIP, podIPs: [{ ip: podIP }] }),
    startTime: pod.status?.startTime ?? formatTime(input.startTime),
    ...(initContainers.length === 0
      ? {}
      : {
          initContainerStatuses: initContainers.map((record): ContainerStatus =>
            containerStatusOf(record, runtimeName, 'PodInitializing'),
          ),
        }),
    containerStatuses: containers.map((record) =>
      containerStatusOf(record, runtimeName, initWaiting),
    ),
    qosClass: qosClassOf(pod),
  };
}

/** The status of a pod the kubelet rejected: `Failed`, with `Pod was rejected: <message>`. */
export function rejectedPodStatus(pod: Pod, reason: string, message: string): PodStatus {
  const scheduled = pod.status?.conditions?.filter((existing) => existing.type === 'PodScheduled');
  return {
    phase: 'Failed',
    reason,
    message: `Pod was rejected: ${message}`,
    ...(scheduled === undefined || scheduled.length === 0 ? {} : { conditions: scheduled }),
    qosClass: qosClassOf(pod),
    ...(pod.status?.startTime === undefined ? {} : { startTime: pod.status.startTime }),
  };
}
