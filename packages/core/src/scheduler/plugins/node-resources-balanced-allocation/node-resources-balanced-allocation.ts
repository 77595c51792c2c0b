/**
 * The NodeResourcesBalancedAllocation plugin: prefers nodes whose cpu and memory would
 * be used in similar shares with the pod on them.
 *
 * @module
 */
import { MAX_NODE_SCORE, type SchedulerPlugin } from '../../framework/plugin.js';
import type { NodeInfo, PodInfo } from '../../framework/node-info.js';
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
    score: ({ podInfo }, node) => balancedAllocationScore(node, podInfo, resources),
  };
}
