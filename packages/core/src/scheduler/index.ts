/**
 * drydock's kube-scheduler: {@link scheduler}, its profiles ({@link defaultProfile},
 * {@link defaultPlugins}), the plugin framework's types and the default plugins.
 *
 * @example
 * ```ts
 * const running = scheduler({ client, clock }).run().subscribe();
 * // ... later
 * running.unsubscribe();
 * ```
 *
 * @module
 */
export { SchedulerCache } from './cache/scheduler-cache.js';
export type {
  CompiledProfile,
  SchedulerProfile,
  WeightedPlugin,
} from './cycle/compiled-profile.js';
export { fitErrorMessage, NO_NODES_AVAILABLE, type FitFailure } from './cycle/fit-error.js';
export {
  MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND,
  MIN_FEASIBLE_NODES_TO_FIND,
  numFeasibleNodesToFind,
} from './cycle/nodes-to-find.js';
export { selectHost } from './cycle/select-host.js';
export type { SchedulingOutcome } from './cycle/scheduling-outcome.js';
export {
  DEFAULT_PLUGIN_WEIGHTS,
  DEFAULT_SCHEDULER_NAME,
  defaultPlugins,
  defaultProfile,
  type DefaultProfileOverrides,
} from './default-profile.js';
export * from './framework/index.js';
export {
  podInfoOf,
  podKeyOf,
  DEFAULT_MEMORY_REQUEST,
  DEFAULT_MILLI_CPU_REQUEST,
} from './framework/pod-info.js';
export { nodeAllocatableOf } from './framework/resource-amounts.js';
export * from './plugins/default-binder/index.js';
export * from './plugins/inter-pod-affinity/index.js';
export * from './plugins/node-affinity/index.js';
export * from './plugins/node-name/index.js';
export * from './plugins/node-resources-balanced-allocation/index.js';
export * from './plugins/node-resources-fit/index.js';
export * from './plugins/node-unschedulable/index.js';
export * from './plugins/pod-topology-spread/index.js';
export * from './plugins/taint-toleration/index.js';
export {
  SchedulingQueue,
  type QueuedPodInfo,
  type SchedulingQueueOptions,
} from './queue/scheduling-queue.js';
export { scheduler, type Scheduler, type SchedulerOptions } from './scheduler.js';
