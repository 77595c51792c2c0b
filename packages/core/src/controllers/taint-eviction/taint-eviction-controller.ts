/**
 * The taint eviction controller: deletes the pods that do not tolerate the NoExecute
 * taints of their node, at once or when their `tolerationSeconds` run out.
 *
 * @module
 */
import { Observable, type Subscriber } from 'rxjs';
import type { Node, Pod, Taint } from '../../api/kinds/index.js';
import type { Status } from '../../api/status/index.js';
import type { Clock, Timer } from '../../clock/index.js';
import { keyOf, Nodes, objectKeyString, Pods, type Client } from '../../client/index.js';
import type { CacheReader } from '../../reconcile/cache/index.js';
import { createEventRecorder, type EventRecorder } from '../../reconcile/helpers/index.js';
import {
  sharedInformers,
  type InformerEvent,
  type SharedInformers,
} from '../../reconcile/informer/index.js';
import { byPodNodeName, POD_NODE_NAME_INDEX } from '../pod-node-index.js';
import { evictionDecision } from './eviction-deadline.js';
import { evictPod } from './evict-pod.js';

/** What {@link taintEvictionController} needs. */
export interface TaintEvictionControllerOptions {
  /** Reads Nodes and Pods; deletes pods, writes their status and Events. */
  readonly client: Client;
  /** The clock of its eviction timers. */
  readonly clock: Clock;
  /** The informers of nodes and pods to share (its own when absent). */
  readonly informers?: SharedInformers;
}

/** What the controller did, as {@link TaintEvictionController.run} reports it (`pod` is `namespace/name`). */
export type TaintEvictionEvent =
  | { readonly _tag: 'EvictionScheduled'; readonly pod: string; readonly at: number }
  | { readonly _tag: 'EvictionCancelled'; readonly pod: string }
  | { readonly _tag: 'Evicted'; readonly pod: string }
  | { readonly _tag: 'EvictionFailed'; readonly pod: string; readonly status: Status };

/** A taint eviction controller, ready to run. */
export interface TaintEvictionController {
  /**
   * Watches Nodes and Pods and evicts as their taints and tolerations say, until
   * unsubscribed (which stops the watches and cancels every pending eviction). Never
   * errors.
   */
  run(): Observable<TaintEvictionEvent>;
}

/**
 * The taint eviction controller (upstream's `taint-eviction-controller`, formerly the
 * node lifecycle controller's NoExecute taint manager). For each pod bound to a node
 * with NoExecute taints:
 * - a pod that does not tolerate one is evicted at once;
 * - a pod whose tolerations of them have `tolerationSeconds` is evicted once the
 *   smallest has passed since the taints' `timeAdded` (a timer on the clock,
 *   cancelled, with a `Cancelling deletion of Pod <ns>/<name>` Event, if the taints go
 *   or the pod is deleted);
 * - a pod that tolerates them forever stays.
 * Evicting records `TaintManagerEviction` (`Marking for deletion Pod <ns>/<name>`),
 * adds the `DisruptionTarget` condition, and deletes the pod gracefully.
 *
 * Guarantees: pods are indexed by node, so a node change looks only at its own pods;
 * pods already being deleted are left alone; one eviction at a time per pod.
 *
 * Caveats: a failed eviction is reported and retried at the pod's or node's next
 * change, not on a timer. The apiserver gives pods default 300 s tolerations of
 * `not-ready` and `unreachable`, so by default those evict after 5 minutes.
 */
export function taintEvictionController(
  options: TaintEvictionControllerOptions,
): TaintEvictionController {
  return {
    run: () =>
      new Observable<TaintEvictionEvent>((subscriber) => {
        const informers =
          options.informers ?? sharedInformers({ client: options.client, clock: options.clock });
        const nodeInformer = informers.forType(Nodes);
        const podInformer = informers.forType(Pods, {
          indexers: { [POD_NODE_NAME_INDEX]: byPodNodeName },
        });
        const session = new TaintEvictionSession({
          ...options,
          subscriber,
          nodes: nodeInformer.cache,
          pods: podInformer.cache,
        });
        const nodes = nodeInformer.events$.subscribe((event) => session.onNodeEvent(event));
        const pods = podInformer.events$.subscribe((event) => session.onPodEvent(event));
        return () => {
          session.stop();
          nodes.unsubscribe();
          pods.unsubscribe();
        };
      }),
  };
}

interface ScheduledEviction {
  readonly timer: Timer;
  readonly at: number;
  readonly since: number;
}

/** One run of the controller: its caches, timers and evictions in flight. */
class TaintEvictionSession {
  readonly #client: Client;
  readonly #clock: Clock;
  readonly #subscriber: Subscriber<TaintEvictionEvent>;
  readonly #recorder: EventRecorder;
  readonly #nodes: CacheReader<Node>;
  readonly #pods: CacheReader<Pod>;
  readonly #scheduled = new Map<string, ScheduledEviction>();
  readonly #evicting = new Set<string>();
  #stopped = false;

  constructor(options: {
    readonly client: Client;
    readonly clock: Clock;
    readonly subscriber: Subscriber<TaintEvictionEvent>;
    readonly nodes: CacheReader<Node>;
    readonly pods: CacheReader<Pod>;
  }) {
    this.#nodes = options.nodes;
    this.#pods = options.pods;
    this.#client = options.client;
    this.#clock = options.clock;
    this.#subscriber = options.subscriber;
    this.#recorder = createEventRecorder({
      client: options.client,
      clock: options.clock,
      component: 'taint-eviction-controller',
    });
  }

  stop(): void {
    this.#stopped = true;
    for (const scheduled of this.#scheduled.values()) {
      scheduled.timer.cancel();
    }
    this.#scheduled.clear();
  }

  onNodeEvent(event: InformerEvent<Node>): void {
    switch (event.type) {
      case 'apply':
      case 'delete':
        if (
          !sameNoExecuteTaints(
            event.old?.spec?.taints,
            event.type === 'delete' ? undefined : event.object.spec?.taints,
          )
        ) {
          this.#processPodsOn(event.object.metadata?.name ?? '');
        }
        return;
      case 'synced':
        this.#processEverything();
        return;
    }
  }

  onPodEvent(event: InformerEvent<Pod>): void {
    switch (event.type) {
      case 'apply':
        this.#processPod(event.object);
        return;
      case 'delete':
        this.#cancel(objectKeyString(keyOf(event.object)), { announce: false });
        return;
      case 'synced':
        this.#processEverything();
        return;
    }
  }

  #processEverything(): void {
    if (!this.#nodes.isReady || !this.#pods.isReady) {
      return;
    }
    for (const key of [...this.#scheduled.keys()]) {
      if (this.#pods.get(key) === undefined) {
        this.#cancel(key, { announce: false });
      }
    }
    for (const node of this.#nodes.list()) {
      if ((node.spec?.taints ?? []).some((taint) => taint.effect === 'NoExecute')) {
        this.#processPodsOn(node.metadata?.name ?? '');
      }
    }
  }

  #processPodsOn(nodeName: string): void {
    for (const pod of this.#pods.byIndex(POD_NODE_NAME_INDEX, nodeName)) {
      this.#processPod(pod);
    }
  }

  #processPod(pod: Pod): void {
    if (this.#stopped || !this.#nodes.isReady) {
      return;
    }
    const key = objectKeyString(keyOf(pod));
    const nodeName = pod.spec?.nodeName;
    const taints = nodeName ? this.#nodes.get(nodeName)?.spec?.taints : undefined;
    if (pod.metadata?.deletionTimestamp || taints === undefined || !taints.some(isNoExecute)) {
      this.#cancel(key, { announce: (pod.metadata?.deletionTimestamp ?? null) === null });
      return;
    }
    const scheduled = this.#scheduled.get(key);
    const now = this.#clock.now();
    const decision = evictionDecision({
      taints,
      tolerations: pod.spec?.tolerations ?? [],
      now,
      ...(scheduled === undefined ? {} : { scheduledSince: scheduled.since }),
    });
    switch (decision._tag) {
      case 'Stay':
        this.#cancel(key, { announce: true });
        return;
      case 'EvictNow':
        this.#cancel(key, { announce: false });
        void this.#evict(key, pod);
        return;
      case 'EvictAt':
        if (scheduled?.at === decision.at) {
          return;
        }
        scheduled?.timer.cancel();
        this.#scheduled.set(key, {
          at: decision.at,
          since: decision.since,
          timer: this.#clock.setTimeout(() => this.#deadlineReached(key), decision.at - now),
        });
        this.#emit({ _tag: 'EvictionScheduled', pod: key, at: decision.at });
        return;
    }
  }

  #deadlineReached(key: string): void {
    this.#scheduled.delete(key);
    const pod = this.#pods.get(key);
    if (pod !== undefined) {
      this.#processPod(pod);
    }
  }

  #cancel(key: string, options: { readonly announce: boolean }): void {
    const scheduled = this.#scheduled.get(key);
    if (scheduled === undefined) {
      return;
    }
    scheduled.timer.cancel();
    this.#scheduled.delete(key);
    this.#emit({ _tag: 'EvictionCancelled', pod: key });
    const pod = this.#pods.get(key);
    if (options.announce && pod !== undefined) {
      void this.#recorder.event(pod, {
        type: 'Normal',
        reason: 'TaintManagerEviction',
        message: `Cancelling deletion of Pod ${key}`,
      });
    }
  }

  async #evict(key: string, pod: Pod): Promise<void> {
    if (this.#evicting.has(key)) {
      return;
    }
    this.#evicting.add(key);
    try {
      const { failed } = await evictPod({
        client: this.#client,
        recorder: this.#recorder,
        pod,
        now: this.#clock.now(),
      });
      this.#emit(
        failed === undefined
          ? { _tag: 'Evicted', pod: key }
          : { _tag: 'EvictionFailed', pod: key, status: failed },
      );
    } finally {
      this.#evicting.delete(key);
    }
  }

  #emit(event: TaintEvictionEvent): void {
    if (!this.#stopped) {
      this.#subscriber.next(event);
    }
  }
}

function isNoExecute(taint: Taint): boolean {
  return taint.effect === 'NoExecute';
}

/** Whether two taint lists have the same NoExecute taints (key, value, timeAdded), in order. */
function sameNoExecuteTaints(
  a: readonly Taint[] | undefined,
  b: readonly Taint[] | undefined,
): boolean {
  if (a === b) {
    return true;
  }
  const left = (a ?? []).filter(isNoExecute);
  const right = (b ?? []).filter(isNoExecute);
  return (
    left.length === right.length &&
    left.every(
      (taint, index) =>
        taint.key === right[index]?.key &&
        taint.value === right[index]?.value &&
        taint.timeAdded === right[index]?.timeAdded,
    )
  );
}
