/**
 * The scheduler cache: what the scheduler knows of nodes and of the pods assigned to
 * them, fed by watches of nodes and pods and by the scheduler's own assumptions.
 *
 * Like upstream's cache it holds the pods the apiserver shows bound to a node (and not
 * terminated) and the pods the scheduler has *assumed* there: reserved in a scheduling
 * cycle, their binding in flight. An assumed pod stays until the watch shows it bound
 * (it is then confirmed, possibly on another node) or until its binding fails and the
 * scheduler forgets it. A pod bound to a node the cache has not seen yet is kept under
 * that node's name, and counted once the node arrives.
 *
 * Unlike upstream, there is no copy-on-write snapshot: the cache itself is the
 * {@link ClusterSnapshot}, because drydock's scheduling cycle (PreFilter to Reserve) runs
 * synchronously and nothing updates the cache during it. Assumed pods do not expire
 * (upstream's TTL only matters when a binding never answers).
 *
 * @module
 */
import type { Node, Pod } from '../../api/kinds/index.js';
import type { ClusterSnapshot, NodeInfo, PodInfo } from '../framework/node-info.js';
import { podInfoOf } from '../framework/pod-info.js';
import type { NodeResourceColumns } from '../framework/node-resource-columns.js';
import { CachedNodeInfo } from './cached-node-info.js';
import { NodeResourceTable } from './node-resource-table.js';

/** Where the cache holds one pod. */
interface CachedPod {
  readonly info: PodInfo;
  readonly nodeName: string;
  readonly assumed: boolean;
}

/**
 * Nodes and their assigned pods, updated in place; also the snapshot that scheduling
 * cycles read.
 *
 * Guarantees: `nodes` keeps the order in which nodes were first seen (a deleted node
 * leaves it, the others keep their order); `get` answers only known nodes; a pod is
 * counted on at most one node.
 */
export class SchedulerCache implements ClusterSnapshot {
  private readonly entries = new Map<string, CachedNodeInfo>();
  private readonly nodeList: CachedNodeInfo[] = [];
  private readonly podsByKey = new Map<string, CachedPod>();
  private affinityListsStale = true;
  private withAffinity: NodeInfo[] = [];
  private withRequiredAntiAffinity: NodeInfo[] = [];
  private nodeInfoListeners: readonly ((node: NodeInfo) => void)[] = [];
  private readonly table = new NodeResourceTable();

  /** How many known nodes have taints. */
  taintedNodeCount = 0;

  /** How many known nodes are cordoned (`spec.unschedulable`). */
  unschedulableNodeCount = 0;

  /** The entries' amounts as columns (see {@link ClusterSnapshot.resourceColumns}). */
  readonly resourceColumns: NodeResourceColumns = this.table;

  /** The known nodes, in a stable order. */
  get nodes(): readonly NodeInfo[] {
    return this.nodeList;
  }

  /** The known node `nodeName`, or `undefined`. */
  get(nodeName: string): NodeInfo | undefined {
    const entry = this.entries.get(nodeName);
    return entry?.known === true ? entry : undefined;
  }

  /** The known nodes with pods with affinity terms (recomputed only after a change). */
  get nodesWithPodsWithAffinity(): readonly NodeInfo[] {
    this.refreshAffinityLists();
    return this.withAffinity;
  }

  /** The known nodes with pods with required anti-affinity terms. */
  get nodesWithPodsWithRequiredAntiAffinity(): readonly NodeInfo[] {
    this.refreshAffinityLists();
    return this.withRequiredAntiAffinity;
  }

  /** How many pods the cache holds (bound and assumed). */
  get podCount(): number {
    return this.podsByKey.size;
  }

  /**
   * Calls `listener` after every change to a node entry (see
   * {@link ClusterSnapshot.onNodeInfoChange}); answers the function that stops it.
   */
  onNodeInfoChange(listener: (node: NodeInfo) => void): () => void {
    this.nodeInfoListeners = [...this.nodeInfoListeners, listener];
    return () => {
      this.nodeInfoListeners = this.nodeInfoListeners.filter((known) => known !== listener);
    };
  }

  /** Adds or replaces a node; answers whether it was new. */
  addOrUpdateNode(node: Node): boolean {
    const name = node.metadata?.name ?? '';
    let entry = this.entries.get(name);
    if (entry === undefined) {
      entry = new CachedNodeInfo(name, this.table);
      this.entries.set(name, entry);
    }
    const added = !entry.known;
    if (!added) {
      this.countNodeFacts(entry, -1);
    }
    entry.setNode(node);
    this.countNodeFacts(entry, 1);
    if (added) {
      this.nodeList.push(entry);
      this.affinityListsStale = true;
    }
    this.changed(entry);
    return added;
  }

  /** Removes the node `name`; its pods stay counted under its name until they go. */
  removeNode(name: string): void {
    const entry = this.entries.get(name);
    if (entry === undefined || !entry.known) {
      return;
    }
    this.countNodeFacts(entry, -1);
    entry.clearNode();
    const index = this.nodeList.indexOf(entry);
    if (index >= 0) {
      this.nodeList.splice(index, 1);
    }
    if (entry.pods.length === 0) {
      this.entries.delete(name);
      entry.detach();
    }
    this.affinityListsStale = true;
    this.changed(entry);
  }

  /** The names of the nodes the cache knows. */
  nodeNames(): string[] {
    return this.nodeList.map((entry) => entry.name);
  }

  /**
   * Records a pod the apiserver shows assigned to `spec.nodeName` (bound, not
   * terminated): adds it, moves it, or confirms it if it was assumed.
   */
  addOrUpdatePod(pod: Pod): void {
    const nodeName = pod.spec?.nodeName ?? '';
    this.place(podInfoOf(pod), nodeName, false);
  }

  /** Forgets the pod with `key` (deleted, terminated or unassigned); assumed or not. */
  removePod(key: string): void {
    const cached = this.podsByKey.get(key);
    if (cached === undefined) {
      return;
    }
    this.podsByKey.delete(key);
    this.unplace(cached);
  }

  /** Assumes `pod` on `nodeName` while its binding is in flight (Reserve). */
  assume(pod: PodInfo, nodeName: string): void {
    this.place(pod, nodeName, true);
  }

  /**
   * Forgets an assumed pod (its binding failed). A pod the watch has confirmed
   * meanwhile is kept: the apiserver says it is bound.
   */
  forget(key: string): void {
    const cached = this.podsByKey.get(key);
    if (cached?.assumed === true) {
      this.removePod(key);
    }
  }

  /** Whether the pod with `key` is assumed (reserved, not yet seen bound). */
  isAssumed(key: string): boolean {
    return this.podsByKey.get(key)?.assumed === true;
  }

  /** Whether the cache holds the pod with `key`, assumed or bound. */
  hasPod(key: string): boolean {
    return this.podsByKey.has(key);
  }

  /** The keys of the pods the cache holds that the watch confirmed (not assumed). */
  boundPodKeys(): string[] {
    const keys: string[] = [];
    for (const [key, cached] of this.podsByKey) {
      if (!cached.assumed) {
        keys.push(key);
      }
    }
    return keys;
  }

  private place(info: PodInfo, nodeName: string, assumed: boolean): void {
    const previous = this.podsByKey.get(info.key);
    if (previous !== undefined && previous.nodeName === nodeName) {
      // A new version of a pod that stays on its node (confirmed binding, status):
      // replaced where it is, without a scan of the node's pods by key.
      const entry = this.entries.get(nodeName);
      if (entry !== undefined && entry.replacePod(previous.info, info)) {
        this.podsByKey.set(info.key, { info, nodeName, assumed });
        if (info.hasAffinity) {
          this.affinityListsStale = true;
        }
        this.changed(entry);
        return;
      }
    }
    if (previous !== undefined) {
      this.unplace(previous);
    }
    let entry = this.entries.get(nodeName);
    if (entry === undefined) {
      entry = new CachedNodeInfo(nodeName, this.table);
      this.entries.set(nodeName, entry);
    }
    entry.addPod(info);
    this.podsByKey.set(info.key, { info, nodeName, assumed });
    if (info.hasAffinity) {
      this.affinityListsStale = true;
    }
    this.changed(entry);
  }

  private unplace(cached: CachedPod): void {
    const entry = this.entries.get(cached.nodeName);
    if (entry === undefined) {
      return;
    }
    entry.removePod(cached.info);
    if (cached.info.hasAffinity) {
      this.affinityListsStale = true;
    }
    if (!entry.known && entry.pods.length === 0) {
      this.entries.delete(cached.nodeName);
      entry.detach();
    }
    this.changed(entry);
  }

  private countNodeFacts(entry: CachedNodeInfo, sign: 1 | -1): void {
    if (entry.taints.length > 0) {
      this.taintedNodeCount += sign;
    }
    if (entry.unschedulable) {
      this.unschedulableNodeCount += sign;
    }
  }

  private changed(entry: CachedNodeInfo): void {
    const listeners = this.nodeInfoListeners;
    for (let i = 0; i < listeners.length; i++) {
      (listeners[i] as (node: NodeInfo) => void)(entry);
    }
  }

  private refreshAffinityLists(): void {
    if (!this.affinityListsStale) {
      return;
    }
    this.withAffinity = this.nodeList.filter((entry) => entry.podsWithAffinity.length > 0);
    this.withRequiredAntiAffinity = this.nodeList.filter(
      (entry) => entry.podsWithRequiredAntiAffinity.length > 0,
    );
    this.affinityListsStale = false;
  }
}
