/**
 * What every pod worker of one kubelet shares: the runtime, the clock, the status
 * manager, admission, IPs, back-offs and the event recorder.
 *
 * @module
 */
import type { HostIP, Pod } from '../api/kinds/index.js';
import type { Client } from '../client/index.js';
import type { Clock } from '../clock/index.js';
import type { EventRecorder } from '../reconcile/helpers/index.js';
import type { NodeAdmission } from './admission.js';
import type { Backoff } from './backoff.js';
import type { ContainerRuntime } from './cri/index.js';
import type { PodIpAllocator } from './ip-allocation.js';
import type { KubeletEventSink } from './kubelet-event.js';
import type { StatusManager } from './status-manager.js';

/** The shared parts of a kubelet its pod workers use. */
export interface PodWorkerContext {
  readonly client: Client;
  readonly clock: Clock;
  readonly runtime: ContainerRuntime;
  /** The runtime's name, the scheme of container IDs (`simulated://...`). */
  readonly runtimeName: string;
  readonly hostIP: string;
  /** `[{ ip: hostIP }]`, frozen: one list shared by the statuses of the node's pods. */
  readonly hostIPs: readonly HostIP[];
  readonly statusManager: StatusManager;
  readonly admission: NodeAdmission;
  /** Pod IPs; absent when the node has no pod CIDR (pods then have no IP). */
  readonly ipAllocator: PodIpAllocator | undefined;
  /** Container restarts (CrashLoopBackOff), keyed `<pod uid>/<container>`. */
  readonly restartBackoff: Backoff;
  /** Image pulls (ImagePullBackOff), keyed `<pod uid>/<image>`. */
  readonly imageBackoff: Backoff;
  /** Absent when events are not recorded. */
  readonly recorder: EventRecorder | undefined;
  readonly emit: KubeletEventSink;
  /** Routes the runtime's events about a container to its worker. */
  readonly containerOwners: Map<string, { containerChanged(): void }>;
  /** The worker of this pod is done (the pod is gone): the kubelet forgets it. */
  readonly onWorkerDone: (uid: string) => void;
}

/** Records an Event about `pod` when the kubelet records events. */
export function recordPodEvent(
  context: PodWorkerContext,
  pod: Pod,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): void {
  if (context.recorder !== undefined) {
    void context.recorder.event(pod, { type, reason, message });
  }
}
