/**
 * The garbage collector, a control-plane controller written with drydock's own SDK
 * (`watcher`, caches, `applier`): it deletes objects whose owners are gone, and carries
 * out the `orphan` and `foregroundDeletion` finalizers that a delete's
 * `propagationPolicy` sets.
 *
 * - {@link garbageCollector}: `garbageCollector({ client, clock, registry }).run()`;
 * - {@link ResourceMonitors}: one watcher and cache per served resource, and the
 *   owner → dependents graph read from them;
 * - {@link GarbageCollectorError}: a failed request, named by the step that failed.
 *
 * @module
 */
export {
  GarbageCollectorError,
  type CollectedObject,
  type GarbageCollectorStep,
} from './collector-writes.js';
export {
  examineObject,
  isDeletingDependents,
  type GarbageCollectorContext,
} from './examine-object.js';
export {
  garbageCollector,
  type GarbageCollector,
  type GarbageCollectorOptions,
} from './garbage-collector.js';
export {
  ResourceMonitors,
  typeOfDefinition,
  type MonitoredObject,
  type MonitorEvent,
  type ResourceMonitorsOptions,
} from './resource-monitors.js';
