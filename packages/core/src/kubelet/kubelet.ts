/**
 * The kubelet: registers its Node, keeps its Lease, reports node status, and runs the
 * pods bound to its node through a container runtime.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { Observable, type Subscription } from 'rxjs';
import type { Node, Pod, Taint } from '../api/kinds/index.js';
import type { Client } from '../client/index.js';
import type { Clock } from '../clock/index.js';
import type { WatcherEvent } from '../reconcile/watcher/index.js';
import { createEventRecorder } from '../reconcile/helpers/index.js';
import { NodeAdmission, resourceAmounts } from './admission.js';
import { Backoff } from './backoff.js';
import type { ContainerRuntime } from './cri/index.js';
import { podIpAllocator, type PodIpAllocator } from './ip-allocation.js';
import type { KubeletEvent } from './kubelet-event.js';
import {
  DEFAULT_NODE_CAPACITY,
  defaultInternalIP,
  nodeLabels,
  type NodeDescription,
} from './node-object.js';
import { nodeLease } from './node-lease.js';
import { nodeAgent, type NodeAgent } from './node-status.js';
import { partitionableClient } from './partitionable-client.js';
import { podIdentity, podKey, watchPodsOfNode, type PodSource } from './pod-source.js';
import { PodWorker } from './pod-worker.js';
import type { PodWorkerContext } from './pod-worker-context.js';
import { statusManager } from './status-manager.js';

/** The node a kubelet registers. */
export interface KubeletNodeOptions {
  /** Default {@link DEFAULT_NODE_CAPACITY}: cpu 4, memory 16Gi, pods 110, ephemeral-storage 100Gi. */
  readonly capacity?: Readonly<Record<string, string>>;
  /** What pods may use; default: the capacity. */
  readonly allocatable?: Readonly<Record<string, string>>;
  /** Labels besides the kubelet's own (`kubernetes.io/hostname`, `os`, `arch`). */
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: readonly Taint[];
  /** The CIDR pod IPs come from (`10.244.1.0/24`); default: the registered Node's `spec.podCIDR`. */
  readonly podCIDR?: string;
  /** The node's `InternalIP`; default: a stable address in 172.16.0.0/12 derived from its name. */
  readonly internalIP?: string;
}

/** What {@link kubelet} needs. */
export interface KubeletOptions {
  /** The client of the kubelet (as `system:node:<name>` would be). */
  readonly client: Client;
  readonly clock: Clock;
  readonly nodeName: string;
  readonly runtime: ContainerRuntime;
  readonly node?: KubeletNodeOptions;
  /** Where the pods bound to the node come from; default {@link watchPodsOfNode}. */
  readonly pods?: PodSource;
  /** The Lease's duration; renewed every quarter of it. Default 40. */
  readonly leaseDurationSeconds?: number;
  /** How often node status is computed (written when changed). Default 10 000. */
  readonly nodeStatusUpdateFrequencyMs?: number;
  /** How often an unchanged node status is written anyway. Default 300 000. */
  readonly nodeStatusReportFrequencyMs?: number;
  /** Whether Events (`Pulling`, `Started`, `BackOff`...) are recorded. Default `true`. */
  readonly recordEvents?: boolean;
}

/** A kubelet, ready to run. */
export interface Kubelet {
  /**
   * Runs the kubelet process while subscribed, reporting what it does.
   *
   * Guarantees: unsubscribing stops the process: no more lease renewals, status writes
   * or pod syncs, every timer cancelled; the containers keep running in the runtime.
   * Subscribe once at a time: each subscription is a kubelet process.
   */
  run(): Observable<KubeletEvent>;
  readonly nodeName: string;
  /**
   * Cuts the kubelet off from the apiserver: its calls fail without being sent (lease
   * renewals and status writes are retried), and it stops following its pods. Its pods
   * keep running.
   */
  partition(): void;
  /** Ends a {@link Kubelet.partition}: the kubelet lists its pods again and reports status. */
  heal(): void;
}

/**
 * A kubelet for the node `nodeName` (upstream's kubelet, its essentials):
 * - registers its Node (labels, podCIDR, taints, capacity, allocatable, `Ready`
 *   conditions, addresses, nodeInfo), or updates the one that exists;
 * - renews the Lease `kube-node-lease/<node>` every 10 s, reports node status when it
 *   changes and every 5 minutes (see {@link nodeAgent}, {@link nodeLease});
 * - once registered, follows the pods of `pods` (pods present before it started
 *   included, in creation order) and runs each through a {@link PodWorker}: admission
 *   against allocatable, sandbox and pod IP, images, init containers, containers,
 *   restarts, probes, graceful termination; statuses written by the status manager.
 *
 * Errors: throws `RangeError` (when called) for quantities of `capacity` or
 * `allocatable` that do not parse and for a `podCIDR` that is not an IPv4 CIDR. Failures
 * while running are reported as `Failure` events and retried; a bad pod (no containers,
 * quantities that do not parse) is rejected or stays `Pending`, never stops the kubelet.
 *
 * Caveats: a kubelet started again over a runtime that still runs its old containers
 * does not adopt them (it starts new sandboxes); no volumes, no eviction, no
 * `activeDeadlineSeconds`, no readiness gates, no ephemeral containers.
 */
export function kubelet(options: KubeletOptions): Kubelet {
  const { clock, nodeName, runtime } = options;
  const connection = partitionableClient(options.client);
  const client = connection.client;
  const capacity = options.node?.capacity ?? DEFAULT_NODE_CAPACITY;
  const allocatable = options.node?.allocatable ?? capacity;
  const allocatableAmounts = resourceAmounts(allocatable);
  if (isLeft(allocatableAmounts) || isLeft(resourceAmounts(capacity))) {
    throw new RangeError(
      `invalid node resources for kubelet ${nodeName}: ${
        isLeft(allocatableAmounts) ? allocatableAmounts.left : 'capacity does not parse'
      }`,
    );
  }
  const givenCIDR = options.node?.podCIDR;
  if (givenCIDR !== undefined && isLeft(podIpAllocator(givenCIDR))) {
    throw new RangeError(`invalid podCIDR for kubelet ${nodeName}: ${givenCIDR}`);
  }
  const version = runtime.version();
  const hostIP = options.node?.internalIP ?? defaultInternalIP(nodeName);
  const description: NodeDescription = {
    nodeName,
    capacity,
    allocatable,
    labels: nodeLabels(nodeName, options.node?.labels),
    taints: options.node?.taints ?? [],
    ...(givenCIDR === undefined ? {} : { podCIDR: givenCIDR }),
    internalIP: hostIP,
    runtimeName: version.runtimeName,
    runtimeVersion: version.runtimeVersion,
  };
  const podSource = options.pods ?? watchPodsOfNode({ client, clock });
  let onPartition: (() => void) | undefined;
  let onHeal: (() => void) | undefined;

  const run = (): Observable<KubeletEvent> =>
    new Observable<KubeletEvent>((subscriber) => {
      const emit = (event: KubeletEvent): void => subscriber.next(event);
      const workers = new Map<string, PodWorker>();
      const status = statusManager({ client, clock, emit });
      let ipAllocator: PodIpAllocator | undefined;
      const context: PodWorkerContext = {
        client,
        clock,
        runtime,
        runtimeName: version.runtimeName,
        hostIP,
        hostIPs: Object.freeze([Object.freeze({ ip: hostIP })]),
        statusManager: status,
        admission: new NodeAdmission(allocatableAmounts.right),
        get ipAllocator() {
          return ipAllocator;
        },
        restartBackoff: new Backoff(),
        imageBackoff: new Backoff(),
        recorder:
          options.recordEvents === false
            ? undefined
            : createEventRecorder({ client, clock, component: 'kubelet', host: nodeName }),
        emit,
        containerOwners: new Map(),
        onWorkerDone: (uid) => workers.delete(uid),
      };
      const runtimeEvents = runtime.events$.subscribe((event) => {
        context.containerOwners.get(event.containerId)?.containerChanged();
      });

      const handlePod = (pod: Pod): void => {
        const uid = podIdentity(pod);
        const existing = workers.get(uid);
        if (existing !== undefined) {
          existing.update(pod);
          return;
        }
        const phase = pod.status?.phase;
        if (phase === 'Succeeded' || phase === 'Failed') {
          return;
        }
        const rejection = context.admission.admit(uid, pod);
        const worker = new PodWorker({
          context,
          uid,
          pod,
          ...(rejection === undefined ? {} : { rejection }),
        });
        workers.set(uid, worker);
        worker.update(pod);
      };
      let listed: Pod[] | undefined;
      const onPodEvent = (event: WatcherEvent<Pod>): void => {
        switch (event.type) {
          case 'init':
            listed = [];
            return;
          case 'initApply':
            listed?.push(event.object);
            return;
          case 'initDone': {
            const pods = (listed ?? []).sort(byCreation);
            listed = undefined;
            const present = new Set(pods.map(podIdentity));
            for (const [uid, worker] of workers) {
              if (!present.has(uid)) {
                worker.remove();
              }
            }
            pods.forEach(handlePod);
            return;
          }
          case 'apply':
            handlePod(event.object);
            return;
          case 'delete':
            workers.get(podIdentity(event.object))?.remove();
            return;
        }
      };

      let pods: Subscription | undefined;
      let registered = false;
      const followPods = (): void => {
        pods?.unsubscribe();
        pods =
          registered && !connection.partitioned
            ? podSource(nodeName).subscribe(onPodEvent)
            : undefined;
      };
      let lease: { stop(): void } | undefined;
      const agent: NodeAgent = nodeAgent({
        client,
        clock,
        description,
        ...(options.nodeStatusUpdateFrequencyMs === undefined
          ? {}
          : { nodeStatusUpdateFrequencyMs: options.nodeStatusUpdateFrequencyMs }),
        ...(options.nodeStatusReportFrequencyMs === undefined
          ? {}
          : { nodeStatusReportFrequencyMs: options.nodeStatusReportFrequencyMs }),
        emit,
        onRegistered: (node: Node) => {
          const cidr = givenCIDR ?? node.spec?.podCIDR;
          if (cidr !== undefined) {
            const allocator = podIpAllocator(cidr);
            if (isLeft(allocator)) {
              emit({ type: 'Failure', operation: 'RegisterNode', message: allocator.left });
            } else {
              ipAllocator = allocator.right;
            }
          }
          lease = nodeLease({
            client,
            clock,
            nodeName,
            nodeUid: node.metadata?.uid ?? '',
            ...(options.leaseDurationSeconds === undefined
              ? {}
              : { leaseDurationSeconds: options.leaseDurationSeconds }),
            emit,
          });
          registered = true;
          followPods();
        },
      });
      onPartition = () => {
        pods?.unsubscribe();
        pods = undefined;
      };
      onHeal = () => {
        agent.reportSoon();
        followPods();
      };
      return () => {
        onPartition = undefined;
        onHeal = undefined;
        agent.stop();
        lease?.stop();
        pods?.unsubscribe();
        runtimeEvents.unsubscribe();
        for (const worker of workers.values()) {
          worker.stop();
        }
        status.stop();
      };
    });

  return {
    nodeName,
    run,
    partition() {
      connection.partition();
      onPartition?.();
    },
    heal() {
      connection.heal();
      onHeal?.();
    },
  };
}

/** Orders pods by creation time, then name (upstream admits the oldest first). */
function byCreation(a: Pod, b: Pod): number {
  const first = a.metadata?.creationTimestamp ?? '';
  const second = b.metadata?.creationTimestamp ?? '';
  return first < second ? -1 : first > second ? 1 : podKey(a) < podKey(b) ? -1 : 1;
}
