/**
 * The NodeResourcesBalancedAllocation plugin: prefers nodes whose cpu and memory would
 * be used in similar shares with the pod on them.
 *
 * @module
 */
import { MAX_NODE_SCORE, type SchedulerPlugin } from '../../framework/plugin.js';
import type { NodeInfo, PodInfo } from '../../framework/node-info.js';
import type { NodeResourceColumns } from '../../framework/node-resource-columns.js';
import { SKIP } from '../../framework/plugin-status.js';
import {
  allocatableAmount,
  DEFAULT_SCORED_RESOURCES,
  requestedAmount,
  type ResourceWeight,
} from '../node-resources-fit/resource-scoring.js';

/** The plugin's name, as upstream. */
export const NODE_RESOURCES_BALANCED_ALLOCATION = 'NodeResourcesBalancedAllocation';

/** Options of {@link nodeResourcesBalancedAllocation}. */
export interface BalancedAllocationOptions {
  /** The resources balanced (weights are ignored, as upstream). Default: cpu, memory. */
  readonly resources?: readonly ResourceWeight[];
}

/**
 * The balance score: `(1 - std) × 100`, `std` the standard deviation of the shares
 * `requested / allocatable` (each capped at 1) of the resources the node has; for two
 * resources `|a - b| / 2`, as upstream.
 */
export function balancedAllocationScore(
  node: NodeInfo,
  pod: PodInfo,
  resources: readonly ResourceWeight[],
): number {
  let count = 0;
  let total = 0;
  let first = 0;
  let second = 0;
  let squares = 0;
  for (const resource of resources) {
    const allocatable = allocatableAmount(node, resource.name);
    if (allocatable === 0) {
      continue;
    }
    const fraction = Math.min(1, requestedAmount(node, pod, resource.name, false) / allocatable);
    if (count === 0) {
      first = fraction;
    } else if (count === 1) {
      second = fraction;
    }
    total += fraction;
    squares += fraction * fraction;
    count++;
  }
  let std = 0;
  if (count === 2) {
    std = Math.abs((first - second) / 2);
  } else if (count > 2) {
    const mean = total / count;
    std = Math.sqrt(Math.max(0, squares / count - mean * mean));
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * {@link balancedAllocationScore} over exactly cpu and memory (the default): the same
 * arithmetic without the per-resource lookups (Score's hot path, once per node),
 * reading the snapshot's `columns` when it has them.
 */
export function cpuAndMemoryBalanceScore(
  node: NodeInfo,
  pod: PodInfo,
  columns?: NodeResourceColumns,
): number {
  const requests = pod.requests;
  const row = node.row ?? -1;
  let allocatableCpu: number;
  let allocatableMemory: number;
  let requestedCpu: number;
  let requestedMemory: number;
  if (columns !== undefined && row >= 0) {
    allocatableCpu = columns.allocatableMilliCpu[row] as number;
    allocatableMemory = columns.allocatableMemory[row] as number;
    requestedCpu = columns.requestedMilliCpu[row] as number;
    requestedMemory = columns.requestedMemory[row] as number;
  } else {
    allocatableCpu = node.allocatable.milliCpu;
    allocatableMemory = node.allocatable.memory;
    requestedCpu = node.requested.milliCpu;
    requestedMemory = node.requested.memory;
  }
  let std = 0;
  // With one of them at 0 a single share is left, and one share deviates by 0.
  if (allocatableCpu !== 0 && allocatableMemory !== 0) {
    const cpu = Math.min(1, (requestedCpu + requests.milliCpu) / allocatableCpu);
    const memory = Math.min(1, (requestedMemory + requests.memory) / allocatableMemory);
    std = Math.abs((cpu - memory) / 2);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

function isCpuAndMemory(resources: readonly ResourceWeight[]): boolean {
  const names = resources.map((resource) => resource.name).sort();
  return names.length === 2 && names[0] === 'cpu' && names[1] === 'memory';
}

/**
 * NodeResourcesBalancedAllocation: Score is {@link balancedAllocationScore} over the
 * pod's actual requests plus those on the node; PreScore skips it for best-effort pods
 * (no request of any balanced resource), as upstream.
 */
export function nodeResourcesBalancedAllocation(
  options: BalancedAllocationOptions = {},
): SchedulerPlugin {
  const resources = options.resources ?? DEFAULT_SCORED_RESOURCES;
  return {
    name: NODE_RESOURCES_BALANCED_ALLOCATION,
    preScore: ({ podInfo }) => {
      const requests = podInfo.requests;
      const requestsAny = resources.some((resource) => {
        switch (resource.name) {
          case 'cpu':
            return requests.milliCpu > 0;
          case 'memory':
            return requests.memory > 0;
          case 'ephemeral-storage':
            return requests.ephemeralStorage > 0;
          default:
            return (requests.scalar.get(resource.name) ?? 0) > 0;
        }
      });
      return requestsAny ? undefined : SKIP;
    },
    score: isCpuAndMemory(resources)
      ? (cycle, node) =>
          cpuAndMemoryBalanceScore(node, cycle.podInfo, cycle.snapshot.resourceColumns)
      : (cycle, node) => balancedAllocationScore(node, cycle.podInfo, resources),
  };
}
