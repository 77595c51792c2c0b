/**
 * What the scheduler knows of each node and of the pods on it, in the shapes its
 * plugins read: resource amounts in numbers (not quantities), the pods assigned to
 * the node (bound or assumed), and the pods with affinity terms apart.
 *
 * @module
 */
import type { Node, Pod, Taint } from '../../api/kinds/index.js';
import type { NodeResourceColumns } from './node-resource-columns.js';

/**
 * Resource amounts in the scheduler's units: cpu in millicores, memory and
 * ephemeral storage in bytes, `pods` a count; extended and other scalar resources
 * (`nvidia.com/gpu`, `hugepages-2Mi`) by name, in their base unit (milli-units for none).
 */
export interface ResourceAmounts {
  readonly milliCpu: number;
  readonly memory: number;
  readonly ephemeralStorage: number;
  readonly pods: number;
  readonly scalar: ReadonlyMap<string, number>;
}

/**
 * A pod as the scheduler keeps it: the object and its effective requests, computed
 * once (upstream's rule: the larger of the sum of the containers' requests and each
 * init container's, plus `spec.overhead`).
 */
export interface PodInfo {
  readonly pod: Pod;
  /** `namespace/name`. */
  readonly key: string;
  /** The pod's effective requests; `pods` is 1. */
  readonly requests: ResourceAmounts;
  /**
   * The requests scoring uses: as `requests`, but a container without a cpu or memory
   * request counts as 100m cpu and 200 MiB memory (upstream's non-zero defaults).
   */
  readonly nonZeroRequests: { readonly milliCpu: number; readonly memory: number };
  /** Whether the pod has pod affinity or anti-affinity terms (required or preferred). */
  readonly hasAffinity: boolean;
  /** Whether the pod has required pod anti-affinity terms. */
  readonly hasRequiredAntiAffinity: boolean;
}

/**
 * One node as the scheduler sees it. Plugins read it and never change it; the
 * scheduler's cache updates it between scheduling cycles (so it is stable during
 * one cycle's PreFilter → Filter → Score → Reserve, which run synchronously).
 */
export interface NodeInfo {
  readonly name: string;
  readonly node: Node;
  /** The node's labels (`{}` when it has none). */
  readonly labels: Readonly<Record<string, string>>;
  /** The pods assigned to the node: bound, or assumed by the scheduler while they bind. */
  readonly pods: readonly PodInfo[];
  /** Those of `pods` with affinity or anti-affinity terms. */
  readonly podsWithAffinity: readonly PodInfo[];
  /** Those of `pods` with required anti-affinity terms. */
  readonly podsWithRequiredAntiAffinity: readonly PodInfo[];
  /** `status.allocatable` (falling back to `status.capacity`); `pods` is the pod limit. */
  readonly allocatable: ResourceAmounts;
  /** The sum of `pods`' requests; `pods` is their count. */
  readonly requested: ResourceAmounts;
  /** The sum of `pods`' non-zero requests (see {@link PodInfo.nonZeroRequests}). */
  readonly nonZeroRequested: { readonly milliCpu: number; readonly memory: number };
  /** Grows at every change of the node or of its pods. */
  readonly generation: number;
  /**
   * `node.spec.taints`, read once when the node is set (the scheduler's cache sets
   * it; when absent, read `node.spec.taints`). Hot filters read it here to avoid
   * chasing three objects per node.
   */
  readonly taints?: readonly Taint[];
  /** `node.spec.unschedulable === true`, read once when the node is set (as `taints`). */
  readonly unschedulable?: boolean;
  /**
   * The node's row in its snapshot's {@link ClusterSnapshot.resourceColumns}; absent
   * or negative when it has none (then read `allocatable` and the requests here).
   */
  readonly row?: number;
}

/**
 * The cluster as one scheduling cycle sees it: every node, in a stable order, and
 * the nodes that hold pods with affinity terms (inter-pod affinity reads only those).
 */
export interface ClusterSnapshot {
  readonly nodes: readonly NodeInfo[];
  get(nodeName: string): NodeInfo | undefined;
  /** The nodes with at least one pod with affinity or anti-affinity terms. */
  readonly nodesWithPodsWithAffinity: readonly NodeInfo[];
  /** The nodes with at least one pod with required anti-affinity terms. */
  readonly nodesWithPodsWithRequiredAntiAffinity: readonly NodeInfo[];
  /**
   * Optional: calls `listener` with a node's entry after each change to the node or to
   * its pods (the change a `generation` bump marks), so a plugin can keep cluster-wide
   * aggregates up to date instead of reading every node in every cycle. Answers the
   * function that stops the calls.
   *
   * Guarantees: every change that bumps an entry's `generation`, or adds it to or
   * removes it from `nodes`, is reported before the next scheduling cycle starts; the
   * listener runs synchronously, in the middle of the cache's update (it must only
   * note the entry, not read the snapshot). An entry reported may be a node that is
   * no longer (or not yet) in `nodes`: `get(entry.name) === entry` tells.
   *
   * Caveat: snapshots without it leave plugins to recount from every node.
   */
  readonly onNodeInfoChange?: (listener: (node: NodeInfo) => void) => () => void;
  /**
   * Optional: the nodes' resource amounts as columns, a node's at its
   * {@link NodeInfo.row}, for the plugins that read them for every node (the same
   * numbers as the node's `allocatable`, `requested` and `nonZeroRequested`).
   */
  readonly resourceColumns?: NodeResourceColumns;
  /**
   * Optional: how many of `nodes` have taints (`spec.taints` not empty); at 0, filters
   * and scores of taints have nothing to do.
   */
  readonly taintedNodeCount?: number;
  /** Optional: how many of `nodes` are cordoned (`spec.unschedulable: true`). */
  readonly unschedulableNodeCount?: number;
}
