/**
 * The scheduler cache's node entry: a writable {@link NodeInfo} that the cache
 * updates in place as pods come and go (plugins only see it through the readonly
 * interface, between updates).
 *
 * @module
 */
import type { Node, Taint } from '../../api/kinds/index.js';
import type { NodeInfo, PodInfo, ResourceAmounts } from '../framework/node-info.js';
import {
  emptyResourceAmounts,
  type MutableResourceAmounts,
} from '../framework/resource-amounts.js';
import { nodeAllocatableOf } from '../framework/resource-amounts.js';
import type { NodeResourceTable } from './node-resource-table.js';

const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});
const NO_TAINTS: readonly Taint[] = Object.freeze([]);
const NO_RESOURCES: ResourceAmounts = Object.freeze(emptyResourceAmounts());

/**
 * A node and the pods assigned to it (bound or assumed), with their summed requests.
 *
 * Guarantees: `requested`, `nonZeroRequested` and the pod lists always agree with
 * `pods`; `generation` grows at every change. Adding and removing a pod is O(pods on
 * the node) and allocates nothing but the list slots.
 *
 * Caveat: `node` is a placeholder (named, without status) while the cache holds pods
 * for a node it has not seen yet; such an entry is not part of the snapshot.
 */
export class CachedNodeInfo implements NodeInfo {
  // First, with `labels`: Filter reads these of every node, and fields near the
  // object's start share its first cache line.
  /** The entry's row in `table` (-1 once {@link detach}ed). */
  row = -1;
  labels: Readonly<Record<string, string>>;
  node: Node;
  allocatable: ResourceAmounts;
  /** Whether `node` is a real node (seen through the watch), not a placeholder. */
  known: boolean;
  readonly pods: PodInfo[] = [];
  readonly podsWithAffinity: PodInfo[] = [];
  readonly podsWithRequiredAntiAffinity: PodInfo[] = [];
  readonly requested: MutableResourceAmounts = emptyResourceAmounts();
  readonly nonZeroRequested = { milliCpu: 0, memory: 0 };
  generation = 0;
  taints: readonly Taint[] = NO_TAINTS;
  unschedulable = false;

  /**
   * An entry for the node `name`, a placeholder until {@link setNode}, its amounts
   * also kept in a row of `table`.
   */
  constructor(
    readonly name: string,
    private readonly table: NodeResourceTable,
  ) {
    this.node = { metadata: { name } };
    this.labels = NO_LABELS;
    this.allocatable = NO_RESOURCES;
    this.known = false;
    this.row = table.acquire();
  }

  /** Gives the entry's row back: the cache has dropped the entry. */
  detach(): void {
    if (this.row >= 0) {
      this.table.release(this.row);
      this.row = -1;
    }
  }

  /** Sets (or replaces) the node object. */
  setNode(node: Node): void {
    this.node = node;
    this.labels = node.metadata?.labels ?? NO_LABELS;
    this.allocatable = nodeAllocatableOf(node);
    this.writeAllocatableRow();
    this.taints = node.spec?.taints ?? NO_TAINTS;
    this.unschedulable = node.spec?.unschedulable === true;
    this.known = true;
    this.generation++;
  }

  /** Marks the node deleted: it keeps its pods until they go. */
  clearNode(): void {
    this.node = { metadata: { name: this.name } };
    this.labels = NO_LABELS;
    this.allocatable = NO_RESOURCES;
    this.writeAllocatableRow();
    this.taints = NO_TAINTS;
    this.unschedulable = false;
    this.known = false;
    this.generation++;
  }

  /** Adds a pod (the caller makes sure it is not here already). */
  addPod(pod: PodInfo): void {
    this.pods.push(pod);
    if (pod.hasAffinity) {
      this.podsWithAffinity.push(pod);
    }
    if (pod.hasRequiredAntiAffinity) {
      this.podsWithRequiredAntiAffinity.push(pod);
    }
    this.count(pod, 1);
  }

  /**
   * Puts `next` where `previous` (the same pod, an older version) is, without moving
   * it: its requests are counted again only if they changed. Answers `false`, changing
   * nothing, when `previous` is not here or the two differ in affinity (then remove and
   * add instead).
   */
  replacePod(previous: PodInfo, next: PodInfo): boolean {
    if (
      previous.hasAffinity !== next.hasAffinity ||
      previous.hasRequiredAntiAffinity !== next.hasRequiredAntiAffinity
    ) {
      return false;
    }
    const index = this.pods.indexOf(previous);
    if (index < 0) {
      return false;
    }
    this.pods[index] = next;
    if (previous.hasAffinity) {
      replaceIn(this.podsWithAffinity, previous, next);
    }
    if (previous.hasRequiredAntiAffinity) {
      replaceIn(this.podsWithRequiredAntiAffinity, previous, next);
    }
    if (previous.requests !== next.requests || previous.nonZeroRequests !== next.nonZeroRequests) {
      this.count(previous, -1);
      this.count(next, 1);
    } else {
      this.generation++;
    }
    return true;
  }

  /** Removes the pod with `pod.key`; answers whether it was here. */
  removePod(pod: PodInfo): boolean {
    const removed = removeByKey(this.pods, pod.key);
    if (removed === undefined) {
      return false;
    }
    if (removed.hasAffinity) {
      removeByKey(this.podsWithAffinity, pod.key);
    }
    if (removed.hasRequiredAntiAffinity) {
      removeByKey(this.podsWithRequiredAntiAffinity, pod.key);
    }
    this.count(removed, -1);
    return true;
  }

  private count(pod: PodInfo, sign: 1 | -1): void {
    const requests = pod.requests;
    const requested = this.requested;
    requested.milliCpu += sign * requests.milliCpu;
    requested.memory += sign * requests.memory;
    requested.ephemeralStorage += sign * requests.ephemeralStorage;
    requested.pods += sign;
    if (requests.scalar.size > 0) {
      for (const [name, value] of requests.scalar) {
        const total = (requested.scalar.get(name) ?? 0) + sign * value;
        if (total === 0) {
          requested.scalar.delete(name);
        } else {
          requested.scalar.set(name, total);
        }
      }
    }
    this.nonZeroRequested.milliCpu += sign * pod.nonZeroRequests.milliCpu;
    this.nonZeroRequested.memory += sign * pod.nonZeroRequests.memory;
    const row = this.row;
    if (row >= 0) {
      const table = this.table;
      table.requestedMilliCpu[row] = requested.milliCpu;
      table.requestedMemory[row] = requested.memory;
      table.requestedEphemeralStorage[row] = requested.ephemeralStorage;
      table.requestedPods[row] = requested.pods;
      table.nonZeroRequestedMilliCpu[row] = this.nonZeroRequested.milliCpu;
      table.nonZeroRequestedMemory[row] = this.nonZeroRequested.memory;
    }
    this.generation++;
  }

  private writeAllocatableRow(): void {
    const row = this.row;
    if (row >= 0) {
      const table = this.table;
      const allocatable = this.allocatable;
      table.allocatableMilliCpu[row] = allocatable.milliCpu;
      table.allocatableMemory[row] = allocatable.memory;
      table.allocatableEphemeralStorage[row] = allocatable.ephemeralStorage;
      table.allocatablePods[row] = allocatable.pods;
    }
  }
}

/** Puts `next` in the place of `previous` in `pods` (by identity), if it is there. */
function replaceIn(pods: PodInfo[], previous: PodInfo, next: PodInfo): void {
  const index = pods.indexOf(previous);
  if (index >= 0) {
    pods[index] = next;
  }
}

/** Removes the entry with `key` (swapping the last one in); answers it. */
function removeByKey(pods: PodInfo[], key: string): PodInfo | undefined {
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i];
    if (pod !== undefined && pod.key === key) {
      const last = pods.pop();
      if (last !== undefined && i < pods.length) {
        pods[i] = last;
      }
      return pod;
    }
  }
  return undefined;
}
