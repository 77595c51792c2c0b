/**
 * What a running kubelet reports: its node's registration, lease renewals, status
 * writes, and every failure, so that tests and tools can follow it.
 *
 * @module
 */
import type { Node, Pod } from '../api/kinds/index.js';

/** What the kubelet was doing when something failed. */
export type KubeletOperation =
  | 'RegisterNode'
  | 'RenewLease'
  | 'ReportNodeStatus'
  | 'WritePodStatus'
  | 'DeletePod'
  | 'Runtime'
  | 'PodWorker';

/**
 * One thing a kubelet did or failed to do.
 *
 * - `NodeRegistered`: its Node was created, or updated when it existed;
 * - `LeaseRenewed`: its Lease was written with `renewTime` (a `MicroTime`);
 * - `NodeStatusReported`: its Node's status was written;
 * - `PodStatusWritten`: a pod's status was written (the pod as answered);
 * - `PodDeleted`: a pod it terminated was deleted for good;
 * - `Failure`: a call failed (it is retried); `message` says what and why.
 */
export type KubeletEvent =
  | { readonly type: 'NodeRegistered'; readonly node: Node }
  | { readonly type: 'LeaseRenewed'; readonly renewTime: string }
  | { readonly type: 'NodeStatusReported'; readonly node: Node }
  | { readonly type: 'PodStatusWritten'; readonly pod: Pod }
  | { readonly type: 'PodDeleted'; readonly namespace: string; readonly name: string }
  | { readonly type: 'Failure'; readonly operation: KubeletOperation; readonly message: string };

/** Where the kubelet's parts report {@link KubeletEvent}s. */
export type KubeletEventSink = (event: KubeletEvent) => void;
