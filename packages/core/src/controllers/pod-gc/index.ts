/**
 * The pod garbage collector: force-deletes orphaned pods, terminating pods on
 * out-of-service nodes, and terminated pods beyond a threshold.
 *
 * @module
 */
export {
  DEFAULT_TERMINATED_POD_THRESHOLD,
  POD_GC_PERIOD_MS,
  POD_GC_QUARANTINE_MS,
  podGarbageCollector,
  type PodGarbageCollector,
  type PodGarbageCollectorOptions,
  type PodGcEvent,
  type PodGcReason,
} from './pod-garbage-collector.js';
export {
  isNodeOutOfService,
  isPodTerminated,
  isPodTerminating,
  TAINT_NODE_OUT_OF_SERVICE,
  terminatedPodsOverThreshold,
} from './pod-gc-rules.js';
