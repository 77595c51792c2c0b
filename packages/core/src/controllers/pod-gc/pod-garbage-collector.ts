/**
 * The pod garbage collector: force-deletes pods nothing else will clean up.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { Observable } from 'rxjs';
import type { Pod } from '../../api/kinds/index.js';
import type { Status } from '../../api/status/index.js';
import { formatTime } from '../../apiserver/index.js';
import type { Clock } from '../../clock/index.js';
import { keyOf, Nodes, objectKeyString, Pods, type Client } from '../../client/index.js';
import type { Indexer } from '../../reconcile/cache/index.js';
import { sharedInformers, type SharedInformers } from '../../reconcile/informer/index.js';
import { byPodNodeName, POD_NODE_NAME_INDEX } from '../pod-node-index.js';
import {
  isNodeOutOfService,
  isPodTerminated,
  isPodTerminating,
  terminatedPodsOverThreshold,
} from './pod-gc-rules.js';

/** How often the collector runs: 20 s, as upstream's `gcCheckPeriod`. */
export const POD_GC_PERIOD_MS = 20_000;
/** How long a node must be missing before its pods are deleted: 40 s, as upstream. */
export const POD_GC_QUARANTINE_MS = 40_000;
/** Upstream's default `--terminated-pod-gc-threshold`. */
export const DEFAULT_TERMINATED_POD_THRESHOLD = 12_500;

/** What {@link podGarbageCollector} needs. */
export interface PodGarbageCollectorOptions {
  /** Reads Nodes and Pods; deletes pods and writes their status. */
  readonly client: Client;
  /** The clock of its periodic passes. */
  readonly clock: Clock;
  /** How many terminated pods may remain; 0 or less disables that part. Default 12,500. */
  readonly terminatedPodThreshold?: number;
  /** The informers of nodes and pods to share (its own when absent). */
  readonly informers?: SharedInformers;
}

/** Why a pod was deleted. */
export type PodGcReason =
  'TerminatedOverThreshold' | 'TerminatingOutOfService' | 'TerminatingUnscheduled' | 'Orphaned';

/** What the collector did (`pod` is `namespace/name`). */
export type PodGcEvent =
  | { readonly _tag: 'PodDeleted'; readonly pod: string; readonly reason: PodGcReason }
  | { readonly _tag: 'DeleteFailed'; readonly pod: string; readonly status: Status };

/** A pod garbage collector, ready to run. */
export interface PodGarbageCollector {
  /**
   * Watches Nodes and Pods and runs a pass every 20 s on the clock until unsubscribed.
   * Emits every deletion and failure; never errors.
   */
  run(): Observable<PodGcEvent>;
}

const GC_INDEX = 'podgc';

/** Files a pod under what pod GC looks for: `terminated`, `terminating`. */
const byPodGcState: Indexer<Pod> = (pod) => {
  const terminated = isPodTerminated(pod);
  const terminating = isPodTerminating(pod);
  // Most pods are filed nowhere: answer a shared empty list, allocate only otherwise.
  if (!terminated && !terminating) {
    return NOT_FILED;
  }
  if (terminated && terminating) {
    return BOTH;
  }
  return terminated ? TERMINATED : TERMINATING;
};

const TERMINATED: readonly string[] = Object.freeze(['terminated']);
const TERMINATING: readonly string[] = Object.freeze(['terminating']);
const BOTH: readonly string[] = Object.freeze(['terminated', 'terminating']);
const NOT_FILED: readonly string[] = Object.freeze([]);

/**
 * The pod garbage collector (upstream's `podgc`, its essentials), every 20 s:
 * - terminated pods (phase not `Pending`/`Running`/`Unknown`) beyond
 *   `terminatedPodThreshold`, evicted ones then the oldest first;
 * - terminating pods on a node that is not `Ready` and has the
 *   `node.kubernetes.io/out-of-service` taint, and terminating pods never scheduled;
 * - pods bound to a node that does not exist, once the node has been missing for 40 s
 *   and a live read confirms it (they get `DisruptionTarget`, reason
 *   `DeletionByPodGC`).
 * Each is force-deleted (`gracePeriodSeconds: 0`, a precondition on its uid); a pod
 * not yet `Succeeded`/`Failed` is first marked `Failed`, as upstream.
 *
 * Guarantees: pods are indexed by node and by state, so a pass does not look at every
 * pod; passes never overlap.
 */
export function podGarbageCollector(options: PodGarbageCollectorOptions): PodGarbageCollector {
  const threshold = options.terminatedPodThreshold ?? DEFAULT_TERMINATED_POD_THRESHOLD;
  return {
    run: () =>
      new Observable<PodGcEvent>((subscriber) => {
        const { client, clock } = options;
        const informers = options.informers ?? sharedInformers({ client, clock });
        const nodeInformer = informers.forType(Nodes);
        const podInformer = informers.forType(Pods, {
          indexers: { [POD_NODE_NAME_INDEX]: byPodNodeName, [GC_INDEX]: byPodGcState },
        });
        const nodes = nodeInformer.cache;
        const pods = podInformer.cache;
        const missingSince = new Map<string, number>();
        let stopped = false;
        let running = false;
        const emit = (event: PodGcEvent): void => {
          if (!stopped) {
            subscriber.next(event);
          }
        };
        const pass = async (): Promise<void> => {
          const collect = (pod: Pod, reason: PodGcReason) =>
            forceDelete({ client, pod, reason, now: clock.now(), emit });
          for (const pod of terminatedPodsOverThreshold(
            pods.byIndex(GC_INDEX, 'terminated'),
            threshold,
          )) {
            await collect(pod, 'TerminatedOverThreshold');
          }
          for (const pod of pods.byIndex(GC_INDEX, 'terminating')) {
            const nodeName = pod.spec?.nodeName;
            if (!nodeName) {
              await collect(pod, 'TerminatingUnscheduled');
              continue;
            }
            const node = nodes.get(nodeName);
            if (node !== undefined && isNodeOutOfService(node)) {
              await collect(pod, 'TerminatingOutOfService');
            }
          }
          const now = clock.now();
          const nodeNames = new Set(
            pods.list().flatMap((pod) => (pod.spec?.nodeName ? [pod.spec.nodeName] : [])),
          );
          for (const name of missingSince.keys()) {
            if (!nodeNames.has(name) || nodes.get(name) !== undefined) {
              missingSince.delete(name);
            }
          }
          for (const name of nodeNames) {
            if (nodes.get(name) !== undefined) {
              continue;
            }
            const since = missingSince.get(name);
            if (since === undefined) {
              missingSince.set(name, now);
              continue;
            }
            if (now - since < POD_GC_QUARANTINE_MS) {
              continue;
            }
            const live = await client.get(Nodes, { name });
            if (isLeft(live) && live.left.code === 404) {
              missingSince.delete(name);
              for (const pod of pods.byIndex(POD_NODE_NAME_INDEX, name)) {
                await collect(pod, 'Orphaned');
              }
            }
          }
        };
        // Their caches are what a pass reads; the changes themselves trigger nothing.
        const nodeWatch = nodeInformer.events$.subscribe();
        const podWatch = podInformer.events$.subscribe();
        const timer = clock.setInterval(() => {
          if (running || stopped || !nodes.isReady || !pods.isReady) {
            return;
          }
          running = true;
          void pass().finally(() => {
            running = false;
          });
        }, POD_GC_PERIOD_MS);
        return () => {
          stopped = true;
          timer.cancel();
          nodeWatch.unsubscribe();
          podWatch.unsubscribe();
        };
      }),
  };
}

/** Marks the pod `Failed` if it is not finished, then deletes it with no grace period. */
async function forceDelete(options: {
  readonly client: Client;
  readonly pod: Pod;
  readonly reason: PodGcReason;
  readonly now: number;
  readonly emit: (event: PodGcEvent) => void;
}): Promise<void> {
  const { client, pod, reason, emit } = options;
  const key = keyOf(pod);
  const name = objectKeyString(key);
  const phase = pod.status?.phase;
  if (phase !== 'Succeeded' && phase !== 'Failed') {
    const condition =
      reason === 'Orphaned'
        ? [
            {
              type: 'DisruptionTarget',
              status: 'True',
              reason: 'DeletionByPodGC',
              message: 'PodGC: node no longer exists',
              lastTransitionTime: formatTime(options.now),
            },
          ]
        : undefined;
    const marked = await client.patchStatus(Pods, key, {
      type: 'strategic',
      body: {
        status: { phase: 'Failed', ...(condition === undefined ? {} : { conditions: condition }) },
      },
    });
    if (isLeft(marked) && marked.left.code !== 404) {
      emit({ _tag: 'DeleteFailed', pod: name, status: marked.left });
      return;
    }
  }
  const uid = pod.metadata?.uid;
  const deleted = await client.delete(Pods, key, {
    gracePeriodSeconds: 0,
    ...(uid === undefined ? {} : { preconditions: { uid } }),
  });
  if (isLeft(deleted)) {
    if (deleted.left.code !== 404 && deleted.left.code !== 409) {
      emit({ _tag: 'DeleteFailed', pod: name, status: deleted.left });
    }
    return;
  }
  emit({ _tag: 'PodDeleted', pod: name, reason });
}
