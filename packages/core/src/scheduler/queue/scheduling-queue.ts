/**
 * The scheduling queue (upstream's `PriorityQueue`): the pods waiting to be scheduled,
 * in three places.
 *
 * - activeQ: the pods to try next, highest `spec.priority` first, then the earliest
 *   queued (upstream's PrioritySort);
 * - backoffQ: pods that failed and wait out their backoff (1 s doubling with each
 *   attempt, at most 10 s); they move to activeQ when it ends;
 * - unschedulable pods: parked until the cluster changes (a node added or updated, an
 *   assigned pod deleted: {@link SchedulingQueue.moveAllToActiveOrBackoff}), or until
 *   they have waited `maxInUnschedulable` (5 min, checked every 30 s as upstream).
 *
 * Left out: queueing hints (every cluster event moves every unschedulable pod, as
 * upstream did before 1.26), nominated pods and gated pods (`schedulingGates`).
 *
 * @module
 */
import type { Pod } from '../../api/kinds/index.js';
import { jsonEqual } from '../../apiserver/json-equal.js';
import type { Clock, Timer } from '../../clock/index.js';
import { podKeyOf } from '../framework/pod-info.js';
import { KeyedHeap } from './keyed-heap.js';

/** A pod in the queue, with what the queue knows of its attempts. */
export interface QueuedPodInfo {
  readonly key: string;
  /** The pod as last seen. */
  pod: Pod;
  /** When it was last queued: orders activeQ, starts the backoff and the parking time. */
  timestamp: number;
  /** How many times it was popped to be scheduled. */
  attempts: number;
  /** Breaks ties between pods queued at the same instant: the earlier first. */
  sequence: number;
}

/** Options of a {@link SchedulingQueue}. */
export interface SchedulingQueueOptions {
  readonly clock: Clock;
  /** The backoff after the first failed attempt, in ms. Default 1000 (upstream's 1 s). */
  readonly podInitialBackoff?: number;
  /** The longest backoff, in ms. Default 10000 (upstream's 10 s). */
  readonly podMaxBackoff?: number;
  /** How long a pod stays parked as unschedulable without a cluster event. Default 5 min. */
  readonly podMaxInUnschedulablePodsDuration?: number;
  /** How often parked pods are checked against that limit. Default 30 s. */
  readonly unschedulableFlushPeriod?: number;
  /** Called whenever a pod enters activeQ (the scheduler then pops). */
  readonly onActive?: () => void;
}

/** Upstream's default initial backoff: 1 s. */
export const DEFAULT_POD_INITIAL_BACKOFF_MS = 1000;
/** Upstream's default maximum backoff: 10 s. */
export const DEFAULT_POD_MAX_BACKOFF_MS = 10_000;
/** Upstream's `podMaxInUnschedulablePodsDuration`: 5 min. */
export const DEFAULT_POD_MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;
/** How often upstream flushes pods parked too long: every 30 s. */
export const UNSCHEDULABLE_FLUSH_PERIOD_MS = 30_000;

function priorityOf(pod: Pod): number {
  return pod.spec?.priority ?? 0;
}

function byPriorityThenArrival(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
  const pa = priorityOf(a.pod);
  const pb = priorityOf(b.pod);
  if (pa !== pb) {
    return pa > pb;
  }
  return a.timestamp !== b.timestamp ? a.timestamp < b.timestamp : a.sequence < b.sequence;
}

const keyOfQueued = (info: QueuedPodInfo): string => info.key;

/**
 * The scheduler's queue of pods to schedule.
 *
 * Guarantees: a pod is in at most one of activeQ, backoffQ and the unschedulable
 * pods; every timer runs on the given clock and {@link stop} cancels them all.
 */
export class SchedulingQueue {
  private readonly clock: Clock;
  private readonly initialBackoff: number;
  private readonly maxBackoff: number;
  private readonly maxInUnschedulable: number;
  private readonly onActive: () => void;
  private readonly activeQ = new KeyedHeap<QueuedPodInfo>(keyOfQueued, byPriorityThenArrival);
  private readonly backoffQ: KeyedHeap<QueuedPodInfo>;
  private readonly unschedulable = new Map<string, QueuedPodInfo>();
  private sequence = 0;
  private backoffTimer: Timer | undefined;
  private backoffTimerDue = Number.POSITIVE_INFINITY;
  private readonly flushTimer: Timer;

  /** An empty queue; its periodic flush of parked pods starts at once (see {@link stop}). */
  constructor(options: SchedulingQueueOptions) {
    this.clock = options.clock;
    this.initialBackoff = options.podInitialBackoff ?? DEFAULT_POD_INITIAL_BACKOFF_MS;
    this.maxBackoff = options.podMaxBackoff ?? DEFAULT_POD_MAX_BACKOFF_MS;
    this.maxInUnschedulable =
      options.podMaxInUnschedulablePodsDuration ?? DEFAULT_POD_MAX_IN_UNSCHEDULABLE_MS;
    this.onActive = options.onActive ?? (() => undefined);
    this.backoffQ = new KeyedHeap<QueuedPodInfo>(
      keyOfQueued,
      (a, b) => this.backoffExpiry(a) < this.backoffExpiry(b),
    );
    this.flushTimer = this.clock.setInterval(
      () => this.flushUnschedulableLeftover(),
      options.unschedulableFlushPeriod ?? UNSCHEDULABLE_FLUSH_PERIOD_MS,
    );
  }

  /** The sizes of activeQ, backoffQ and the unschedulable pods. */
  get sizes(): {
    readonly active: number;
    readonly backoff: number;
    readonly unschedulable: number;
  } {
    return {
      active: this.activeQ.size,
      backoff: this.backoffQ.size,
      unschedulable: this.unschedulable.size,
    };
  }

  /** Where the pod with `key` waits, if it does. */
  whereIs(key: string): 'active' | 'backoff' | 'unschedulable' | undefined {
    if (this.activeQ.has(key)) {
      return 'active';
    }
    if (this.backoffQ.has(key)) {
      return 'backoff';
    }
    return this.unschedulable.has(key) ? 'unschedulable' : undefined;
  }

  /**
   * Adds a pending pod to activeQ, or, when the queue has it already, updates it as
   * {@link update} does.
   */
  add(pod: Pod): void {
    const key = podKeyOf(pod);
    if (this.whereIs(key) !== undefined) {
      this.update(pod);
      return;
    }
    const info: QueuedPodInfo = {
      key,
      pod,
      timestamp: this.clock.now(),
      attempts: 0,
      sequence: this.sequence++,
    };
    this.pushActive(info);
  }

  /**
   * Replaces a queued pod by its new version, where it waits. A parked unschedulable
   * pod whose spec, labels or annotations changed moves on (to backoffQ while its
   * backoff lasts, else activeQ): the change may make it schedulable. A pod the queue
   * does not have is added.
   */
  update(pod: Pod): void {
    const key = podKeyOf(pod);
    const active = this.activeQ.get(key);
    if (active !== undefined) {
      active.pod = pod;
      this.activeQ.push(active);
      return;
    }
    const backingOff = this.backoffQ.get(key);
    if (backingOff !== undefined) {
      backingOff.pod = pod;
      return;
    }
    const parked = this.unschedulable.get(key);
    if (parked === undefined) {
      this.add(pod);
      return;
    }
    const previous = parked.pod;
    parked.pod = pod;
    if (schedulingRelevantChange(previous, pod)) {
      this.unschedulable.delete(key);
      this.moveToActiveOrBackoff(parked);
    }
  }

  /** The keys of every pod the queue holds, wherever it waits. */
  keys(): string[] {
    const keys: string[] = [];
    for (const info of this.activeQ.values()) {
      keys.push(info.key);
    }
    for (const info of this.backoffQ.values()) {
      keys.push(info.key);
    }
    for (const key of this.unschedulable.keys()) {
      keys.push(key);
    }
    return keys;
  }

  /** Removes the pod with `key` (deleted, bound elsewhere, no longer ours). */
  delete(key: string): void {
    this.activeQ.delete(key);
    this.backoffQ.delete(key);
    this.unschedulable.delete(key);
  }

  /** Takes the next pod to schedule out of activeQ, counting the attempt. */
  pop(): QueuedPodInfo | undefined {
    const info = this.activeQ.pop();
    if (info !== undefined) {
      info.attempts++;
    }
    return info;
  }

  /** Parks a popped pod that no node fits, until a cluster event or the timeout. */
  addUnschedulable(info: QueuedPodInfo): void {
    if (this.whereIs(info.key) !== undefined) {
      return;
    }
    info.timestamp = this.clock.now();
    this.unschedulable.set(info.key, info);
  }

  /** Requeues a popped pod after an error or a failed binding, with its backoff. */
  addBackoff(info: QueuedPodInfo): void {
    if (this.whereIs(info.key) !== undefined) {
      return;
    }
    info.timestamp = this.clock.now();
    this.pushBackoff(info);
  }

  /**
   * Moves every parked unschedulable pod on after a cluster event that may make it
   * schedulable: to backoffQ while its backoff lasts, else to activeQ.
   */
  moveAllToActiveOrBackoff(): void {
    if (this.unschedulable.size === 0) {
      return;
    }
    const parked = [...this.unschedulable.values()];
    this.unschedulable.clear();
    for (const info of parked) {
      this.moveToActiveOrBackoff(info);
    }
  }

  /** The backoff of a pod after `attempts` attempts: initial × 2^(attempts-1), capped. */
  backoffDuration(attempts: number): number {
    let duration = this.initialBackoff;
    for (let i = 1; i < attempts; i++) {
      duration *= 2;
      if (duration >= this.maxBackoff) {
        return this.maxBackoff;
      }
    }
    return Math.min(duration, this.maxBackoff);
  }

  /** Cancels the queue's timers; it holds its pods but no longer moves them on time. */
  stop(): void {
    this.flushTimer.cancel();
    this.backoffTimer?.cancel();
    this.backoffTimer = undefined;
  }

  private backoffExpiry(info: QueuedPodInfo): number {
    return info.timestamp + this.backoffDuration(info.attempts);
  }

  private moveToActiveOrBackoff(info: QueuedPodInfo): void {
    if (info.attempts > 0 && this.backoffExpiry(info) > this.clock.now()) {
      this.pushBackoff(info);
    } else {
      this.pushActive(info);
    }
  }

  private pushActive(info: QueuedPodInfo): void {
    info.sequence = this.sequence++;
    this.activeQ.push(info);
    this.onActive();
  }

  private pushBackoff(info: QueuedPodInfo): void {
    this.backoffQ.push(info);
    this.armBackoffTimer();
  }

  private armBackoffTimer(): void {
    const head = this.backoffQ.peek();
    if (head === undefined) {
      return;
    }
    const due = this.backoffExpiry(head);
    if (this.backoffTimer?.active === true && this.backoffTimerDue <= due) {
      return;
    }
    this.backoffTimer?.cancel();
    this.backoffTimerDue = due;
    this.backoffTimer = this.clock.setTimeout(
      () => this.flushBackoffCompleted(),
      Math.max(0, due - this.clock.now()),
    );
  }

  private flushBackoffCompleted(): void {
    this.backoffTimer = undefined;
    const now = this.clock.now();
    for (let head = this.backoffQ.peek(); head !== undefined; head = this.backoffQ.peek()) {
      if (this.backoffExpiry(head) > now) {
        break;
      }
      this.backoffQ.pop();
      this.pushActive(head);
    }
    this.armBackoffTimer();
  }

  private flushUnschedulableLeftover(): void {
    const now = this.clock.now();
    const expired: QueuedPodInfo[] = [];
    for (const info of this.unschedulable.values()) {
      if (now - info.timestamp > this.maxInUnschedulable) {
        expired.push(info);
      }
    }
    for (const info of expired) {
      this.unschedulable.delete(info.key);
      this.moveToActiveOrBackoff(info);
    }
  }
}

/** Whether an update may change where the pod fits (not only its status or version). */
function schedulingRelevantChange(previous: Pod, next: Pod): boolean {
  return (
    !jsonEqual(previous.spec, next.spec) ||
    !jsonEqual(previous.metadata?.labels, next.metadata?.labels) ||
    !jsonEqual(previous.metadata?.annotations, next.metadata?.annotations)
  );
}
