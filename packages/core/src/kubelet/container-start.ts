/**
 * Starting one container of a pod: pull its image (with back-off), create it, start
 * it (upstream's `startContainer`), recording the kubelet's events on the way.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Pod } from '../api/kinds/index.js';
import { formatBackoff } from './backoff.js';
import { terminatedState, type ContainerRecord } from './container-record.js';
import { recordPodEvent, type PodWorkerContext } from './pod-worker-context.js';

/** How soon a pod is synced again after a failed step, to report the back-off (1 s). */
export const ERROR_RESYNC_MS = 1000;

/** The pod worker, as {@link startContainer} needs it. */
export interface ContainerStartHost {
  readonly pod: Pod;
  readonly uid: string;
  readonly sandboxId: string;
  /** Syncs the pod again in `ms`. */
  resyncAfter(ms: number): void;
  /** The worker's status changed. */
  changed(): void;
  /** Whether the worker still runs (the kubelet was not stopped, the pod not removed). */
  alive(): boolean;
  /** The runtime reported a change of one of the pod's containers: sync the pod. */
  containerChanged(): void;
}

/**
 * Starts `record`'s container, or its next attempt when its current one exited: the
 * exited container becomes `lastState` and is removed, `restartCount` grows.
 *
 * - The image is pulled unless held (and `imagePullPolicy` is not `Always`): events
 *   `Pulling` then `Pulled`; a failure is `ErrImagePull` (event `Failed`) and starts a
 *   back-off (10 s doubling to 5 min) during which the container waits with
 *   `ImagePullBackOff` (event `BackOff`);
 * - then it is created (`Created`) and started (`Started`); failures wait as
 *   `CreateContainerError` / `RunContainerError` and are retried.
 *
 * Answers whether the container was started.
 */
export async function startContainer(
  context: PodWorkerContext,
  host: ContainerStartHost,
  record: ContainerRecord,
): Promise<boolean> {
  const { runtime, clock } = context;
  const { pod, uid } = host;
  const image = record.spec.image ?? '';
  const name = record.spec.name;
  if (record.runtime?.state === 'Exited') {
    record.lastTerminated = terminatedState(record.runtime, context.runtimeName);
    const previous = record.containerId;
    if (previous !== undefined) {
      context.containerOwners.delete(previous);
      void runtime.removeContainer(previous);
    }
    record.containerId = undefined;
    record.runtime = undefined;
    record.restartCount += 1;
  }
  if (image === '') {
    record.waiting = { reason: 'InvalidImageName', message: 'container has no image' };
    host.changed();
    return false;
  }
  const pullKey = `${uid}/${image}`;
  const inBackoff = context.imageBackoff.remainingSinceUpdate(pullKey, clock.now());
  if (inBackoff > 0) {
    const message = `Back-off pulling image "${image}"`;
    record.waiting = { reason: 'ImagePullBackOff', message };
    recordPodEvent(context, pod, 'Normal', 'BackOff', message);
    host.resyncAfter(inBackoff);
    host.changed();
    return false;
  }
  const held =
    record.spec.imagePullPolicy !== 'Always' &&
    runtime.listImages().some((info) => info.image === image);
  if (held) {
    recordPodEvent(
      context,
      pod,
      'Normal',
      'Pulled',
      `Container image "${image}" already present on machine`,
    );
  } else {
    recordPodEvent(context, pod, 'Normal', 'Pulling', `Pulling image "${image}"`);
    record.waiting = { reason: 'ContainerCreating' };
    host.changed();
    const pullStart = clock.now();
    // The sandbox and container name let a scripted runtime match the pull by pod.
    const request = {
      image,
      sandboxConfig: {
        podUid: uid,
        namespace: pod.metadata?.namespace ?? '',
        name: pod.metadata?.name ?? '',
        attempt: 0,
      },
      containerName: name,
    };
    const pulled = await runtime.pullImage(request);
    if (!host.alive()) {
      return false;
    }
    if (isLeft(pulled)) {
      context.imageBackoff.next(pullKey, clock.now(), clock.now());
      record.waiting = { reason: 'ErrImagePull', message: pulled.left.message };
      recordPodEvent(
        context,
        pod,
        'Warning',
        'Failed',
        `Failed to pull image "${image}": ${pulled.left.message}`,
      );
      recordPodEvent(context, pod, 'Warning', 'Failed', 'Error: ErrImagePull');
      host.resyncAfter(ERROR_RESYNC_MS);
      host.changed();
      return false;
    }
    const seconds = (clock.now() - pullStart) / 1000;
    recordPodEvent(
      context,
      pod,
      'Normal',
      'Pulled',
      `Successfully pulled image "${image}" in ${seconds}s`,
    );
  }
  const env: Record<string, string> = {};
  for (const variable of record.spec.env ?? []) {
    if (variable.value !== undefined) {
      env[variable.name] = variable.value;
    }
  }
  const created = await runtime.createContainer({
    podSandboxId: host.sandboxId,
    config: {
      name,
      image,
      kind: record.kind,
      attempt: record.restartCount,
      ...(record.spec.command === undefined ? {} : { command: record.spec.command }),
      ...(record.spec.args === undefined ? {} : { args: record.spec.args }),
      env,
    },
  });
  if (!host.alive()) {
    return false;
  }
  if (isLeft(created)) {
    return failed(context, host, record, 'CreateContainerError', created.left.message);
  }
  const containerId = created.right;
  record.containerId = containerId;
  context.containerOwners.set(containerId, host);
  recordPodEvent(context, pod, 'Normal', 'Created', `Created container: ${name}`);
  const started = await runtime.startContainer(containerId);
  if (!host.alive()) {
    return false;
  }
  if (isLeft(started)) {
    return failed(context, host, record, 'RunContainerError', started.left.message);
  }
  recordPodEvent(context, pod, 'Normal', 'Started', `Started container ${name}`);
  record.waiting = undefined;
  const status = runtime.containerStatus(containerId);
  if (!isLeft(status)) {
    record.runtime = status.right;
  }
  host.changed();
  return true;
}

function failed(
  context: PodWorkerContext,
  host: ContainerStartHost,
  record: ContainerRecord,
  reason: string,
  message: string,
): false {
  record.waiting = { reason, message };
  recordPodEvent(context, host.pod, 'Warning', 'Failed', `Error: ${message}`);
  host.resyncAfter(ERROR_RESYNC_MS * 10);
  host.changed();
  return false;
}

/**
 * Whether `record`'s exited container may restart now (upstream's `doBackOff`): the
 * first restart is at once, then the container waits `CrashLoopBackOff` (message
 * `back-off 10s restarting failed container=<c> pod=<pod>_<ns>(<uid>)`, event
 * `BackOff`) for 10 s, 20 s, 40 s... up to 5 min after each exit; a container that ran
 * 10 minutes starts over at 10 s.
 */
export function mayRestart(
  context: PodWorkerContext,
  host: ContainerStartHost,
  record: ContainerRecord,
): boolean {
  const now = context.clock.now();
  const key = `${host.uid}/${record.spec.name}`;
  const finishedAt = record.runtime?.finishedAt ?? now;
  const remaining = context.restartBackoff.remainingSince(key, finishedAt, now);
  if (remaining > 0) {
    const pod = host.pod;
    const podName = `${pod.metadata?.name ?? ''}_${pod.metadata?.namespace ?? ''}(${host.uid})`;
    const current = context.restartBackoff.current(key) ?? remaining;
    record.waiting = {
      reason: 'CrashLoopBackOff',
      message: `back-off ${formatBackoff(current)} restarting failed container=${record.spec.name} pod=${podName}`,
    };
    record.ready = false;
    recordPodEvent(
      context,
      pod,
      'Warning',
      'BackOff',
      `Back-off restarting failed container ${record.spec.name} in pod ${podName}`,
    );
    host.resyncAfter(remaining);
    host.changed();
    return false;
  }
  context.restartBackoff.next(key, finishedAt, now);
  return true;
}
