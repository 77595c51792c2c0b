/**
 * Graceful pod termination: a pod with a `deletionTimestamp` has its containers
 * stopped within its grace period, its final status written, and is then deleted for
 * good (upstream's `killPod` and the status manager's final delete).
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Pod } from '../api/kinds/index.js';
import { Pods } from '../client/index.js';
import type { ContainerRecord } from './container-record.js';
import { recordPodEvent, type PodWorkerContext } from './pod-worker-context.js';

/** What {@link terminatePod} needs of the pod worker. */
export interface TerminatePodOptions {
  readonly context: PodWorkerContext;
  readonly uid: string;
  readonly pod: Pod;
  readonly records: readonly ContainerRecord[];
  readonly sandboxId: string | undefined;
  readonly stopProbes: (record: ContainerRecord) => void;
  /** Reads the runtime's state of the containers again. */
  readonly refresh: () => void;
  /** Whether this is the first attempt (containers are stopped only then). */
  readonly first: boolean;
  readonly alive: () => boolean;
  readonly setTerminalPhase: (phase: 'Succeeded' | 'Failed') => void;
}

/**
 * Terminates a pod being deleted:
 * 1. stops its running containers with `stopContainer(timeout =
 *    metadata.deletionGracePeriodSeconds)` (event `Killing`), all at once, and waits;
 * 2. stops the sandbox, gives back the pod's IP and resources;
 * 3. writes the final status (containers terminated; phase `Succeeded` when every
 *    container exited 0, else `Failed`) and waits until it is written;
 * 4. deletes the pod with `gracePeriodSeconds: 0` and a `uid` precondition, so that a
 *    new pod of the same name is never deleted.
 *
 * Answers `done`, `gone` (the kubelet stopped or the pod vanished meanwhile) or
 * `retry` (the delete failed; call again: containers are not stopped twice).
 */
export async function terminatePod(
  options: TerminatePodOptions,
): Promise<'done' | 'gone' | 'retry'> {
  const { context, uid, pod, records } = options;
  const { runtime } = context;
  if (options.first) {
    const grace = Math.max(
      0,
      pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30,
    );
    const stops: Promise<unknown>[] = [];
    for (const record of records) {
      options.stopProbes(record);
      const state = record.runtime?.state;
      if (record.containerId !== undefined && (state === 'Running' || state === 'Created')) {
        recordPodEvent(context, pod, 'Normal', 'Killing', `Stopping container ${record.spec.name}`);
        stops.push(
          runtime.stopContainer({ containerId: record.containerId, timeoutSeconds: grace }),
        );
      }
    }
    await Promise.all(stops);
    if (!options.alive()) {
      return 'gone';
    }
    options.refresh();
    for (const record of records) {
      record.waiting = undefined;
    }
    if (options.sandboxId !== undefined) {
      await runtime.stopPodSandbox(options.sandboxId);
    }
    context.ipAllocator?.release(uid);
    context.admission.release(uid);
    const regular = records.filter((record) => record.kind === 'regular');
    const allSucceeded = regular.every(
      (record) => record.runtime?.state === 'Exited' && (record.runtime.exitCode ?? 0) === 0,
    );
    options.setTerminalPhase(allSucceeded ? 'Succeeded' : 'Failed');
  }
  await context.statusManager.settled(uid);
  if (!options.alive()) {
    return 'gone';
  }
  const key = { namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '' };
  const deleted = await context.client.delete(Pods, key, {
    gracePeriodSeconds: 0,
    preconditions: { uid },
  });
  if (isLeft(deleted) && deleted.left.code !== 404 && deleted.left.code !== 409) {
    context.emit({
      type: 'Failure',
      operation: 'DeletePod',
      message: `failed to delete pod ${key.namespace}/${key.name}: ${deleted.left.message ?? ''}`,
    });
    return 'retry';
  }
  context.emit({ type: 'PodDeleted', namespace: key.namespace, name: key.name });
  return 'done';
}
