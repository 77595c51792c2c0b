/**
 * One pod's way through the scheduler (upstream's `scheduleOne`): the synchronous
 * scheduling cycle (PreFilter → Filter → Score → Reserve, the pod assumed in the
 * cache), then the binding cycle, asynchronous (Bind → PostBind), while the next pods
 * are scheduled.
 *
 * @module
 */
import { Pods } from '../../client/built-in-types.js';
import type { Client } from '../../client/client.js';
import type { Clock } from '../../clock/index.js';
import type { EventRecorder } from '../../reconcile/helpers/event-recorder.js';
import type { SchedulerCache } from '../cache/scheduler-cache.js';
import { CycleState } from '../framework/cycle-state.js';
import type { CycleContext } from '../framework/plugin.js';
import { pluginError, type PluginStatus } from '../framework/plugin-status.js';
import { podInfoOf } from '../framework/pod-info.js';
import type { QueuedPodInfo, SchedulingQueue } from '../queue/scheduling-queue.js';
import type { CompiledProfile } from './compiled-profile.js';
import { reportFailure, reportScheduled } from './failure-report.js';
import { fitErrorMessage } from './fit-error.js';
import { schedulePod, type NodeSearch } from './schedule-pod.js';
import type { SchedulingOutcome } from './scheduling-outcome.js';

/** What a running scheduler shares with each cycle. */
export interface SchedulerRuntime {
  readonly client: Client;
  readonly clock: Clock;
  readonly cache: SchedulerCache;
  readonly queue: SchedulingQueue;
  readonly random: () => number;
  readonly percentageOfNodesToScore: number;
  readonly search: NodeSearch;
  /** Event recorders by scheduler name; empty when events are off. */
  readonly recorders: ReadonlyMap<string, EventRecorder>;
  readonly emit: (outcome: SchedulingOutcome) => void;
  /** Whether the scheduler was stopped: late bindings then change nothing. */
  readonly stopped: () => boolean;
}

/**
 * Schedules the popped pod with `profile`: on success it is assumed in the cache and
 * its binding starts (not awaited); otherwise it is requeued (parked as unschedulable,
 * or with backoff after an error) and the failure reported.
 *
 * Guarantees: never throws; a plugin that throws is an error for this pod only.
 */
export function scheduleOne(
  runtime: SchedulerRuntime,
  profile: CompiledProfile,
  queued: QueuedPodInfo,
): void {
  const pod = queued.pod;
  const podInfo = podInfoOf(pod);
  const cycle: CycleContext = { pod, podInfo, state: new CycleState(), snapshot: runtime.cache };
  let result;
  try {
    result = schedulePod({
      profile,
      cycle,
      percentageOfNodesToScore: runtime.percentageOfNodesToScore,
      random: runtime.random,
      search: runtime.search,
    });
  } catch (error) {
    result = { _tag: 'Error' as const, message: `scheduling failed: ${describe(error)}` };
  }
  if (result._tag === 'Error') {
    runtime.queue.addBackoff(queued);
    fail(runtime, profile, queued, 'SchedulerError', result.message);
    return;
  }
  if (result._tag === 'Unschedulable') {
    runtime.queue.addUnschedulable(queued);
    const message = fitErrorMessage(result.failure);
    runtime.emit({
      _tag: 'Unschedulable',
      pod: queued.key,
      message,
      reasons: result.failure.reasons,
    });
    void report(runtime, profile, queued, 'Unschedulable', message);
    return;
  }
  const nodeName = result.node.name;
  runtime.cache.assume(podInfo, nodeName);
  const reserveFailure = reserve(profile, cycle, nodeName);
  if (reserveFailure !== undefined) {
    unreserve(profile, cycle, nodeName);
    runtime.cache.forget(queued.key);
    runtime.queue.addBackoff(queued);
    fail(runtime, profile, queued, 'SchedulerError', reserveFailure);
    return;
  }
  void bind(runtime, profile, cycle, queued, nodeName);
}

function reserve(
  profile: CompiledProfile,
  cycle: CycleContext,
  nodeName: string,
): string | undefined {
  for (const plugin of profile.reserve) {
    let status: PluginStatus | undefined;
    try {
      status = plugin.reserve?.(cycle, nodeName);
    } catch (error) {
      status = pluginError(describe(error));
    }
    if (status !== undefined && status.code !== 'Skip') {
      return `running Reserve plugin "${plugin.name}": ${status.reasons.join(', ')}`;
    }
  }
  return undefined;
}

/** Runs every Unreserve, in reverse order, as upstream; a throwing one is ignored. */
function unreserve(profile: CompiledProfile, cycle: CycleContext, nodeName: string): void {
  for (let i = profile.reserve.length - 1; i >= 0; i--) {
    try {
      profile.reserve[i]?.unreserve?.(cycle, nodeName);
    } catch {
      // Unreserve must not fail; the pod is requeued whatever it did.
    }
  }
}

async function bind(
  runtime: SchedulerRuntime,
  profile: CompiledProfile,
  cycle: CycleContext,
  queued: QueuedPodInfo,
  nodeName: string,
): Promise<void> {
  let failure: string | undefined;
  for (const plugin of profile.bind) {
    let status: PluginStatus | undefined;
    try {
      status = await plugin.bind?.(cycle, nodeName);
    } catch (error) {
      status = pluginError(describe(error));
    }
    if (status?.code === 'Skip') {
      continue;
    }
    if (status !== undefined) {
      failure = `Binding rejected: running Bind plugin "${plugin.name}": ${status.reasons.join(', ')}`;
    }
    break;
  }
  if (runtime.stopped()) {
    return;
  }
  if (failure !== undefined) {
    const { cache, queue } = runtime;
    cache.forget(queued.key);
    unreserve(profile, cycle, nodeName);
    // The resources it held are free again (upstream moves pods as for a deleted pod).
    queue.moveAllToActiveOrBackoff();
    // As upstream, requeue only a pod that still exists and still waits for a node.
    const current = await runtime.client.get(Pods, {
      namespace: cycle.pod.metadata?.namespace ?? '',
      name: cycle.pod.metadata?.name ?? '',
    });
    if (runtime.stopped()) {
      return;
    }
    if (
      current._tag === 'Right' &&
      (current.right.spec?.nodeName ?? '') === '' &&
      current.right.metadata?.deletionTimestamp === undefined &&
      !cache.hasPod(queued.key)
    ) {
      queued.pod = current.right;
      queue.addBackoff(queued);
    }
    fail(runtime, profile, queued, 'SchedulerError', failure);
    return;
  }
  for (const plugin of profile.postBind) {
    try {
      plugin.postBind?.(cycle, nodeName);
    } catch {
      // PostBind is informational and must not fail; the pod is bound.
    }
  }
  runtime.emit({ _tag: 'Scheduled', pod: queued.key, node: nodeName });
  const recorder = runtime.recorders.get(profile.schedulerName);
  if (recorder !== undefined) {
    await reportScheduled(
      { client: runtime.client, clock: runtime.clock, recorder },
      cycle.pod,
      nodeName,
    );
  }
}

function fail(
  runtime: SchedulerRuntime,
  profile: CompiledProfile,
  queued: QueuedPodInfo,
  reason: 'SchedulerError',
  message: string,
): void {
  runtime.emit({ _tag: 'Failed', pod: queued.key, message });
  void report(runtime, profile, queued, reason, message);
}

async function report(
  runtime: SchedulerRuntime,
  profile: CompiledProfile,
  queued: QueuedPodInfo,
  reason: 'Unschedulable' | 'SchedulerError',
  message: string,
): Promise<void> {
  const failure = await reportFailure(
    {
      client: runtime.client,
      clock: runtime.clock,
      recorder: runtime.recorders.get(profile.schedulerName),
    },
    queued.pod,
    reason,
    message,
  );
  if (failure !== undefined && !runtime.stopped()) {
    runtime.emit({ _tag: 'ReportFailed', pod: queued.key, message: failure });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
