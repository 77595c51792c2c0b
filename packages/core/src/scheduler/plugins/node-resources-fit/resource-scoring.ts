/**
 * The resource-allocation scorers of NodeResourcesFit (LeastAllocated, MostAllocated)
 * and what they read: a resource's allocatable and requested amounts on a node,
 * counting the pod being scheduled.
 *
 * @module
 */
import { MAX_NODE_SCORE } from '../../framework/plugin.js';
import type { NodeInfo, PodInfo } from '../../framework/node-info.js';
import type { NodeResourceColumns } from '../../framework/node-resource-columns.js';

/** A resource scoring considers, and its weight. */
export interface ResourceWeight {
  /** `cpu`, `memory`, `ephemeral-storage` or an extended resource name. */
  readonly name: string;
  readonly weight: number;
}

/** Upstream's default scored resources: cpu and memory, weight 1 each. */
export const DEFAULT_SCORED_RESOURCES: readonly ResourceWeight[] = Object.freeze([
  Object.freeze({ name: 'cpu', weight: 1 }),
  Object.freeze({ name: 'memory', weight: 1 }),
]);

/** The node's allocatable amount of `resource` (0 when it has none). */
export function allocatableAmount(node: NodeInfo, resource: string): number {
  switch (resource) {
    case 'cpu':
      return node.allocatable.milliCpu;
    case 'memory':
      return node.allocatable.memory;
    case 'ephemeral-storage':
      return node.allocatable.ephemeralStorage;
    default:
      return node.allocatable.scalar.get(resource) ?? 0;
  }
}

/**
 * What would be requested of `resource` on the node with the pod on it. With
 * `nonZero`, cpu and memory count upstream's defaults (100m, 200 MiB) for containers
 * that request none (how LeastAllocated sees best-effort pods).
 */
export function requestedAmount(
  node: NodeInfo,
  pod: PodInfo,
  resource: string,
  nonZero: boolean,
): number {
  switch (resource) {
    case 'cpu':
      return nonZero
        ? node.nonZeroRequested.milliCpu + pod.nonZeroRequests.milliCpu
        : node.requested.milliCpu + pod.requests.milliCpu;
    case 'memory':
      return nonZero
        ? node.nonZeroRequested.memory + pod.nonZeroRequests.memory
        : node.requested.memory + pod.requests.memory;
    case 'ephemeral-storage':
      return node.requested.ephemeralStorage + pod.requests.ephemeralStorage;
    default:
      return (node.requested.scalar.get(resource) ?? 0) + (pod.requests.scalar.get(resource) ?? 0);
  }
}

/** How a scorer turns one resource's amounts into a score from 0 to 100. */
export type ResourceScorer = (requested: number, allocatable: number) => number;

/** LeastAllocated: the free share, `(allocatable - requested) × 100 / allocatable`. */
export const leastAllocatedScore: ResourceScorer = (requested, allocatable) => {
  if (allocatable === 0 || requested > allocatable) {
    return 0;
  }
  return Math.trunc(((allocatable - requested) * MAX_NODE_SCORE) / allocatable);
};

/** MostAllocated: the used share, `requested × 100 / allocatable` (capped at 100). */
export const mostAllocatedScore: ResourceScorer = (requested, allocatable) => {
  if (allocatable === 0) {
    return 0;
  }
  return Math.trunc((Math.min(requested, allocatable) * MAX_NODE_SCORE) / allocatable);
};

/**
 * The weighted mean of `scorer` over `resources`, as upstream's resource allocation
 * scorer (integer division). A scalar resource the pod does not request is left out.
 */
export function resourceAllocationScore(
  node: NodeInfo,
  pod: PodInfo,
  resources: readonly ResourceWeight[],
  scorer: ResourceScorer,
): number {
  let total = 0;
  let weights = 0;
  for (const resource of resources) {
    const name = resource.name;
    if (name !== 'cpu' && name !== 'memory' && name !== 'ephemeral-storage') {
      if ((pod.requests.scalar.get(name) ?? 0) === 0) {
        continue;
      }
    }
    total +=
      scorer(requestedAmount(node, pod, name, true), allocatableAmount(node, name)) *
      resource.weight;
    weights += resource.weight;
  }
  return weights === 0 ? 0 : Math.trunc(total / weights);
}

/**
 * Whether `resources` are cpu and memory with the same positive integer weight (in
 * either order), as the default: {@link cpuAndMemoryScore} then scores exactly as
 * {@link resourceAllocationScore}.
 */
export function isCpuAndMemoryEqually(resources: readonly ResourceWeight[]): boolean {
  if (resources.length !== 2) {
    return false;
  }
  const [first, second] = resources as readonly [ResourceWeight, ResourceWeight];
  return (
    first.weight === second.weight &&
    Number.isInteger(first.weight) &&
    first.weight > 0 &&
    ((first.name === 'cpu' && second.name === 'memory') ||
      (first.name === 'memory' && second.name === 'cpu'))
  );
}

/**
 * {@link resourceAllocationScore} for cpu and memory weighing the same (see
 * {@link isCpuAndMemoryEqually}) with LeastAllocated (or MostAllocated): the same
 * arithmetic, without the per-resource lookups (Score's hot path, once per node),
 * reading the snapshot's `columns` when it has them.
 */
export function cpuAndMemoryScore(
  node: NodeInfo,
  pod: PodInfo,
  mostAllocated: boolean,
  columns?: NodeResourceColumns,
): number {
  const podRequests = pod.nonZeroRequests;
  const row = node.row ?? -1;
  let cpu: number;
  let memory: number;
  let allocatableCpu: number;
  let allocatableMemory: number;
  if (columns !== undefined && row >= 0) {
    cpu = (columns.nonZeroRequestedMilliCpu[row] as number) + podRequests.milliCpu;
    memory = (columns.nonZeroRequestedMemory[row] as number) + podRequests.memory;
    allocatableCpu = columns.allocatableMilliCpu[row] as number;
    allocatableMemory = columns.allocatableMemory[row] as number;
  } else {
    cpu = node.nonZeroRequested.milliCpu + podRequests.milliCpu;
    memory = node.nonZeroRequested.memory + podRequests.memory;
    allocatableCpu = node.allocatable.milliCpu;
    allocatableMemory = node.allocatable.memory;
  }
  const total = mostAllocated
    ? mostAllocatedScore(cpu, allocatableCpu) + mostAllocatedScore(memory, allocatableMemory)
    : leastAllocatedScore(cpu, allocatableCpu) + leastAllocatedScore(memory, allocatableMemory);
  return Math.trunc(total / 2);
}
