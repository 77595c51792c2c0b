/**
 * drydock's kube-scheduler: watches nodes and pods, and binds each pending pod that
 * names one of its profiles (`spec.schedulerName`) to the node its plugins choose.
 *
 * Design (upstream's, reduced to one process on a virtual clock):
 * - a {@link SchedulerCache} of nodes and assigned pods, fed by two SDK `watcher`s, is
 *   also the snapshot cycles read;
 * - a {@link SchedulingQueue} (activeQ by priority, backoffQ, unschedulable pods moved
 *   back on cluster events or after 5 min);
 * - a loop that pops pods in batches (yielding between batches so that watch events
 *   and bindings interleave) and runs {@link scheduleOne} for each: the scheduling
 *   cycle is synchronous, the binding asynchronous.
 *
 * Matched: the plugin extension points (PreFilter with `nodeNames` and `Skip`, Filter,
 * PreScore, Score, NormalizeScore, Reserve/Unreserve, Bind, PostBind),
 * `percentageOfNodesToScore` with round-robin search, weighted scores with random
 * tie-breaking, assume/forget, `FailedScheduling` events and the `PodScheduled`
 * condition, backoff 1 s → 10 s. Left out: preemption (PostFilter), nominated nodes,
 * Permit (waiting pods), queueing hints, scheduling gates, extenders, volume binding,
 * the assumed-pod TTL, leader election and metrics.
 *
 * @module
 */
import { Observable, Subscription } from 'rxjs';
import type { Node, Pod } from '../api/kinds/index.js';
import { jsonEqual } from '../apiserver/json-equal.js';
import { Nodes, Pods } from '../client/built-in-types.js';
import type { Client } from '../client/client.js';
import type { Clock } from '../clock/index.js';
import { createEventRecorder, type EventRecorder } from '../reconcile/helpers/event-recorder.js';
import { watcher, type WatcherEvent } from '../reconcile/watcher/index.js';
import { SchedulerCache } from './cache/scheduler-cache.js';
import {
  compileProfile,
  type CompiledProfile,
  type SchedulerProfile,
} from './cycle/compiled-profile.js';
import { scheduleOne, type SchedulerRuntime } from './cycle/schedule-one.js';
import type { SchedulingOutcome } from './cycle/scheduling-outcome.js';
import { DEFAULT_SCHEDULER_NAME, defaultProfile } from './default-profile.js';
import { podKeyOf } from './framework/pod-info.js';
import { defaultBinder } from './plugins/default-binder/index.js';
import { SchedulingQueue } from './queue/scheduling-queue.js';

/** Options of {@link scheduler}. */
export interface SchedulerOptions {
  /** The client nodes and pods are watched and bindings written with. */
  readonly client: Client;
  /** The clock of the queue's backoffs and timeouts, and of events. */
  readonly clock: Clock;
  /** The profiles, by `schedulerName`. Default: `[defaultProfile()]`. */
  readonly profiles?: readonly SchedulerProfile[];
  /** Draws in [0, 1) to break score ties (seed it for repeatable tests). Default `Math.random`. */
  readonly random?: () => number;
  /** The share of nodes to find feasible, 1–100; 0 or absent is adaptive (upstream's). */
  readonly percentageOfNodesToScore?: number;
  /** The first backoff, ms. Default 1000. */
  readonly podInitialBackoff?: number;
  /** The longest backoff, ms. Default 10000. */
  readonly podMaxBackoff?: number;
  /** Whether to write `Scheduled` and `FailedScheduling` Events. Default `true`. */
  readonly recordEvents?: boolean;
}

/** A scheduler, ready to run. */
export interface Scheduler {
  /**
   * Starts watching and scheduling; emits an outcome per pod handled. Unsubscribing
   * stops the watches, the queue's timers and the loop; bindings in flight finish at
   * the apiserver but change nothing more. Never errors.
   */
  run(): Observable<SchedulingOutcome>;
}

/** Pods scheduled per turn of the event loop before yielding to watches and bindings. */
const BATCH_SIZE = 64;

/**
 * A kube-scheduler over `client`.
 *
 * Guarantees: a pod is scheduled only when `spec.nodeName` is empty, it is not being
 * deleted nor finished, and its `spec.schedulerName` (default `default-scheduler`) is
 * a profile's; scheduling starts once nodes and pods are listed. A pod bound to a
 * node the scheduler has not seen yet is counted there once the node appears.
 *
 * Errors: throws a `RangeError` (when called) for profiles sharing a name, plugins
 * sharing a name in a profile, or weights that are not finite numbers.
 *
 * @example
 * ```ts
 * scheduler({ client, clock, profiles: [defaultProfile({ weights: { NodeResourcesFit: 5 } })] })
 *   .run()
 *   .subscribe((outcome) => console.log(outcome));
 * ```
 */
export function scheduler(options: SchedulerOptions): Scheduler {
  const { client, clock } = options;
  const binder = defaultBinder({ client });
  const profiles = new Map<string, CompiledProfile>();
  for (const profile of options.profiles ?? [defaultProfile()]) {
    if (profiles.has(profile.schedulerName)) {
      throw new RangeError(
        `two scheduler profiles are named ${JSON.stringify(profile.schedulerName)}`,
      );
    }
    profiles.set(profile.schedulerName, compileProfile(profile, binder));
  }
  const profileOf = (pod: Pod): CompiledProfile | undefined =>
    profiles.get(pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME);

  return {
    run: () =>
      new Observable<SchedulingOutcome>((subscriber) => {
        let stopped = false;
        let pumping = false;
        let nodesListed = false;
        let podsListed = false;
        const cache = new SchedulerCache();
        const queue = new SchedulingQueue({
          clock,
          ...(options.podInitialBackoff === undefined
            ? {}
            : { podInitialBackoff: options.podInitialBackoff }),
          ...(options.podMaxBackoff === undefined ? {} : { podMaxBackoff: options.podMaxBackoff }),
          onActive: () => pump(),
        });
        const recorders = new Map<string, EventRecorder>();
        if (options.recordEvents !== false) {
          for (const name of profiles.keys()) {
            recorders.set(name, createEventRecorder({ client, clock, component: name }));
          }
        }
        const runtime: SchedulerRuntime = {
          client,
          clock,
          cache,
          queue,
          random: options.random ?? Math.random,
          percentageOfNodesToScore: options.percentageOfNodesToScore ?? 0,
          search: { nextStartNodeIndex: 0 },
          recorders,
          emit: (outcome) => {
            if (!stopped) {
              subscriber.next(outcome);
            }
          },
          stopped: () => stopped,
        };

        const drain = (): void => {
          pumping = false;
          if (stopped) {
            return;
          }
          for (let i = 0; i < BATCH_SIZE; i++) {
            const queued = queue.pop();
            if (queued === undefined) {
              return;
            }
            const profile = profileOf(queued.pod);
            if (profile !== undefined && isPending(queued.pod) && !cache.hasPod(queued.key)) {
              scheduleOne(runtime, profile, queued);
            }
          }
          pump();
        };
        const pump = (): void => {
          if (!pumping && !stopped && nodesListed && podsListed && queue.sizes.active > 0) {
            pumping = true;
            setImmediate(drain);
          }
        };

        const nodes = new NodeEvents(cache, queue);
        const pods = new PodEvents(
          cache,
          queue,
          (pod) => profileOf(pod) !== undefined && isPending(pod),
        );
        const subscriptions = new Subscription();
        subscriptions.add(
          watcher(client, Nodes, { clock }).subscribe((event) => {
            nodes.handle(event);
            if (event.type === 'initDone') {
              nodesListed = true;
              pump();
            }
          }),
        );
        subscriptions.add(
          watcher(client, Pods, { clock }).subscribe((event) => {
            pods.handle(event);
            if (event.type === 'initDone') {
              podsListed = true;
              pump();
            }
          }),
        );
        return () => {
          stopped = true;
          subscriptions.unsubscribe();
          queue.stop();
        };
      }),
  };
}

/** Whether a pod waits for a node: unassigned, not being deleted, not finished. */
function isPending(pod: Pod): boolean {
  return (
    (pod.spec?.nodeName ?? '') === '' &&
    pod.metadata?.deletionTimestamp === undefined &&
    !isTerminal(pod)
  );
}

function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Node watch events into the cache; changes that may fit more pods move parked ones. */
class NodeEvents {
  private seen: Set<string> | undefined;

  constructor(
    private readonly cache: SchedulerCache,
    private readonly queue: SchedulingQueue,
  ) {}

  handle(event: WatcherEvent<Node>): void {
    switch (event.type) {
      case 'init':
        this.seen = new Set();
        return;
      case 'initApply':
        this.seen?.add(event.object.metadata?.name ?? '');
        this.apply(event.object);
        return;
      case 'initDone':
        for (const name of this.cache.nodeNames()) {
          if (this.seen?.has(name) !== true) {
            this.cache.removeNode(name);
          }
        }
        this.seen = undefined;
        return;
      case 'apply':
        this.apply(event.object);
        return;
      case 'delete':
        this.cache.removeNode(event.object.metadata?.name ?? '');
        return;
    }
  }

  private apply(node: Node): void {
    const previous = this.cache.get(node.metadata?.name ?? '')?.node;
    this.cache.addOrUpdateNode(node);
    if (previous === undefined || schedulingPropertiesChanged(previous, node)) {
      this.queue.moveAllToActiveOrBackoff();
    }
  }
}

/** Whether a node update may let more pods fit (upstream's relevant node changes). */
function schedulingPropertiesChanged(previous: Node, next: Node): boolean {
  return (
    previous.spec?.unschedulable !== next.spec?.unschedulable ||
    !jsonEqual(previous.status?.allocatable, next.status?.allocatable) ||
    !jsonEqual(previous.metadata?.labels, next.metadata?.labels) ||
    !jsonEqual(previous.spec?.taints, next.spec?.taints)
  );
}

/** Pod watch events: assigned pods into the cache, pending ones into the queue. */
class PodEvents {
  private seen: Set<string> | undefined;

  constructor(
    private readonly cache: SchedulerCache,
    private readonly queue: SchedulingQueue,
    private readonly isOurs: (pod: Pod) => boolean,
  ) {}

  handle(event: WatcherEvent<Pod>): void {
    switch (event.type) {
      case 'init':
        this.seen = new Set();
        return;
      case 'initApply':
        this.seen?.add(podKeyOf(event.object));
        this.apply(event.object);
        return;
      case 'initDone':
        this.forgetUnseen();
        return;
      case 'apply':
        this.apply(event.object);
        return;
      case 'delete':
        this.delete(event.object);
        return;
    }
  }

  private apply(pod: Pod): void {
    const key = podKeyOf(pod);
    if ((pod.spec?.nodeName ?? '') !== '') {
      this.queue.delete(key);
      if (isTerminal(pod)) {
        if (this.cache.hasPod(key)) {
          this.cache.removePod(key);
          this.queue.moveAllToActiveOrBackoff();
        }
      } else {
        this.cache.addOrUpdatePod(pod);
      }
      return;
    }
    if (this.cache.isAssumed(key)) {
      return; // its binding is in flight
    }
    if (this.isOurs(pod)) {
      this.queue.add(pod);
    } else {
      this.queue.delete(key);
    }
  }

  private delete(pod: Pod): void {
    const key = podKeyOf(pod);
    this.queue.delete(key);
    if (this.cache.hasPod(key) && !this.cache.isAssumed(key)) {
      this.cache.removePod(key);
      this.queue.moveAllToActiveOrBackoff();
    }
  }

  private forgetUnseen(): void {
    const seen = this.seen ?? new Set<string>();
    let removed = false;
    for (const key of this.cache.boundPodKeys()) {
      if (!seen.has(key)) {
        this.cache.removePod(key);
        removed = true;
      }
    }
    for (const key of this.queue.keys()) {
      if (!seen.has(key)) {
        this.queue.delete(key);
      }
    }
    if (removed) {
      this.queue.moveAllToActiveOrBackoff();
    }
    this.seen = undefined;
  }
}
