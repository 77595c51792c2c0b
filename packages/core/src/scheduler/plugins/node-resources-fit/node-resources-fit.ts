/**
 * The NodeResourcesFit plugin: a pod fits a node when the node's allocatable
 * resources cover its requests plus those of the pods already there; nodes are scored
 * by how much they would have left (LeastAllocated, the default) or use
 * (MostAllocated, to pack).
 *
 * @module
 */
import type { SchedulerPlugin } from '../../framework/plugin.js';
import type { NodeInfo, PodInfo } from '../../framework/node-info.js';
import type { NodeResourceColumns } from '../../framework/node-resource-columns.js';
import { unschedulable, type PluginStatus } from '../../framework/plugin-status.js';
import {
  cpuAndMemoryScore,
  DEFAULT_SCORED_RESOURCES,
  isCpuAndMemoryEqually,
  leastAllocatedScore,
  mostAllocatedScore,
  resourceAllocationScore,
  type ResourceWeight,
} from './resource-scoring.js';

/** The plugin's name, as upstream. */
export const NODE_RESOURCES_FIT = 'NodeResourcesFit';

/** Upstream's reason when the node holds its maximum of pods. */
export const TOO_MANY_PODS = 'Too many pods';

/** Options of {@link nodeResourcesFit}. */
export interface NodeResourcesFitOptions {
  /** `LeastAllocated` (spread, the default) or `MostAllocated` (pack). */
  readonly scoringStrategy?: 'LeastAllocated' | 'MostAllocated';
  /** The resources scored and their weights. Default: cpu 1, memory 1. */
  readonly resources?: readonly ResourceWeight[];
}

/**
 * The reasons the pod does not fit the node's free resources, as upstream's
 * `fitsRequest`: {@link TOO_MANY_PODS} when the node has its `pods` allocatable already,
 * then `Insufficient cpu`, `Insufficient memory`, `Insufficient ephemeral-storage` and
 * `Insufficient <name>` for each requested extended resource short; `[]` when it fits.
 * A resource the pod does not request is never insufficient.
 */
export function insufficientResources(pod: PodInfo, node: NodeInfo): string[] {
  const reasons: string[] = [];
  const allocatable = node.allocatable;
  const requested = node.requested;
  const request = pod.requests;
  if (requested.pods + 1 > allocatable.pods) {
    reasons.push(TOO_MANY_PODS);
  }
  if (request.milliCpu > 0 && request.milliCpu > allocatable.milliCpu - requested.milliCpu) {
    reasons.push('Insufficient cpu');
  }
  if (request.memory > 0 && request.memory > allocatable.memory - requested.memory) {
    reasons.push('Insufficient memory');
  }
  if (
    request.ephemeralStorage > 0 &&
    request.ephemeralStorage > allocatable.ephemeralStorage - requested.ephemeralStorage
  ) {
    reasons.push('Insufficient ephemeral-storage');
  }
  if (request.scalar.size > 0) {
    for (const [name, amount] of request.scalar) {
      const free = (allocatable.scalar.get(name) ?? 0) - (requested.scalar.get(name) ?? 0);
      if (amount > 0 && amount > free) {
        reasons.push(`Insufficient ${name}`);
      }
    }
  }
  return reasons;
}

/** Whether the pod fits, without building reasons (the filter's fast path). */
function fits(pod: PodInfo, node: NodeInfo): boolean {
  const allocatable = node.allocatable;
  const requested = node.requested;
  const request = pod.requests;
  return (
    requested.pods + 1 <= allocatable.pods &&
    (request.milliCpu <= 0 || request.milliCpu <= allocatable.milliCpu - requested.milliCpu) &&
    (request.memory <= 0 || request.memory <= allocatable.memory - requested.memory) &&
    (request.ephemeralStorage <= 0 ||
      request.ephemeralStorage <= allocatable.ephemeralStorage - requested.ephemeralStorage) &&
    request.scalar.size === 0
  );
}

/** {@link fits} from the snapshot's resource columns, the node's at `row`. */
function fitsRow(pod: PodInfo, columns: NodeResourceColumns, row: number): boolean {
  const request = pod.requests;
  return (
    (columns.requestedPods[row] as number) + 1 <= (columns.allocatablePods[row] as number) &&
    (request.milliCpu <= 0 ||
      request.milliCpu <=
        (columns.allocatableMilliCpu[row] as number) -
          (columns.requestedMilliCpu[row] as number)) &&
    (request.memory <= 0 ||
      request.memory <=
        (columns.allocatableMemory[row] as number) - (columns.requestedMemory[row] as number)) &&
    (request.ephemeralStorage <= 0 ||
      request.ephemeralStorage <=
        (columns.allocatableEphemeralStorage[row] as number) -
          (columns.requestedEphemeralStorage[row] as number)) &&
    request.scalar.size === 0
  );
}

/**
 * NodeResourcesFit: Filter is `Unschedulable` with every reason of
 * {@link insufficientResources}; Score is LeastAllocated (or MostAllocated) over
 * `resources`, counting upstream's non-zero defaults for cpu and memory.
 *
 * Caveats: no `ignoredResources` / `ignoredResourceGroups`, no RequestedToCapacityRatio
 * strategy; pods' resource claims (DRA) are not counted.
 */
export function nodeResourcesFit(options: NodeResourcesFitOptions = {}): SchedulerPlugin {
  const resources = options.resources ?? DEFAULT_SCORED_RESOURCES;
  const mostAllocated = options.scoringStrategy === 'MostAllocated';
  const scorer = mostAllocated ? mostAllocatedScore : leastAllocatedScore;
  const cpuAndMemory = isCpuAndMemoryEqually(resources);
  return {
    name: NODE_RESOURCES_FIT,
    filter: ({ podInfo, snapshot }, node): PluginStatus | undefined => {
      const columns = snapshot.resourceColumns;
      const row = node.row ?? -1;
      if (
        columns !== undefined && row >= 0 ? fitsRow(podInfo, columns, row) : fits(podInfo, node)
      ) {
        return undefined;
      }
      const reasons = insufficientResources(podInfo, node);
      return reasons.length === 0 ? undefined : unschedulable(...reasons);
    },
    score: cpuAndMemory
      ? (cycle, node) =>
          cpuAndMemoryScore(node, cycle.podInfo, mostAllocated, cycle.snapshot.resourceColumns)
      : (cycle, node) => resourceAllocationScore(node, cycle.podInfo, resources, scorer),
  };
}
