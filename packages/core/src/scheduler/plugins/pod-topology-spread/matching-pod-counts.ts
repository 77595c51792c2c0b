/**
 * What the spread plugin remembers of each node between cycles: its topology domain
 * for each topology key (as small integers) and how many of its pods each selector
 * counts, valid while the node's generation is unchanged. Filter and Score read
 * many nodes per cycle (PreFilter, every node or only those changed since), but
 * nodes change rarely: the per-node work is then a few array reads, with no string
 * hashing.
 *
 * @module
 */
import type { NodeInfo, PodInfo } from '../../framework/index.js';
import type { ParsedSpreadConstraint } from './spread-constraint.js';

/** Not computed yet, in {@link NodeEntry.domains}. */
const UNKNOWN = -2;
/** The node lacks the topology key. */
export const NO_DOMAIN = -1;
/** Distinct selectors remembered per node before they are dropped. */
const MAX_COUNTS_PER_NODE = 16;

/** One node's cached facts, for the generation `generation`. */
export interface NodeEntry {
  /** The node the entry is of. */
  readonly node: NodeInfo;
  generation: number;
  /** Per topology key id: the domain id, {@link NO_DOMAIN}, or not computed. */
  readonly domains: number[];
  /** Count key ids and their counts, side by side. */
  readonly countIds: number[];
  readonly counts: number[];
}

/**
 * Interns topology keys, domains (topology values) and count keys into integers,
 * and caches per node its domains and its matching pod counts.
 *
 * Guarantees: an entry is rebuilt when the node's `generation` changes (the
 * scheduler's cache bumps it at every change of the node or its pods); entries of
 * nodes with a `row` are found by it (and replaced when the row passes to another
 * node, so at most one per row is kept), those of other nodes go with their
 * `NodeInfo` (a `WeakMap`). Counts follow upstream's
 * `countPodsMatchSelector`: pods in the constraint's namespace, matched by its
 * selector, terminating pods (with a `deletionTimestamp`) left out.
 */
export class MatchingPodCounts {
  private readonly keyIds = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly domainIds: Map<string, number>[] = [];
  private readonly countKeyIds = new Map<string, number>();
  private readonly entries = new WeakMap<NodeInfo, NodeEntry>();
  // Nodes with a row (the scheduler's cache): found by index, not by hashing.
  private readonly entriesByRow: (NodeEntry | undefined)[] = [];
  // Per key id, the domain ids by row, valid for `rowNodes[row]` with `rowLabels[row]`.
  private domainsByRow: Int32Array[] = [];
  private readonly rowNodes: (NodeInfo | undefined)[] = [];
  private readonly rowLabels: (object | undefined)[] = [];
  private rowCapacity = 0;

  /** The id of a topology key. */
  keyId(topologyKey: string): number {
    let id = this.keyIds.get(topologyKey);
    if (id === undefined) {
      id = this.keys.length;
      this.keyIds.set(topologyKey, id);
      this.keys.push(topologyKey);
      this.domainIds.push(new Map());
    }
    return id;
  }

  /** How many domain ids the key has handed out so far (ids are below this). */
  domainCount(keyId: number): number {
    return (this.domainIds[keyId] as Map<string, number>).size;
  }

  /** The id of a count key (`undefined`: the selector matches nothing), or -1. */
  countId(countKey: string | undefined): number {
    if (countKey === undefined) {
      return -1;
    }
    let id = this.countKeyIds.get(countKey);
    if (id === undefined) {
      id = this.countKeyIds.size;
      this.countKeyIds.set(countKey, id);
    }
    return id;
  }

  /** The node's entry, rebuilt when its generation changed. */
  entry(node: NodeInfo): NodeEntry {
    const row = node.row ?? -1;
    let entry = row >= 0 ? this.entriesByRow[row] : this.entries.get(node);
    if (entry === undefined || entry.node !== node) {
      entry = { node, generation: node.generation, domains: [], countIds: [], counts: [] };
      if (row >= 0) {
        for (let fill = this.entriesByRow.length; fill < row; fill++) {
          this.entriesByRow.push(undefined);
        }
        this.entriesByRow[row] = entry;
      } else {
        this.entries.set(node, entry);
      }
    } else if (entry.generation !== node.generation) {
      entry.generation = node.generation;
      entry.domains.length = 0;
      entry.countIds.length = 0;
      entry.counts.length = 0;
    }
    return entry;
  }

  /** The node's domain id for the key, or {@link NO_DOMAIN}. */
  domain(entry: NodeEntry, node: NodeInfo, keyId: number): number {
    const known = entry.domains[keyId] ?? UNKNOWN;
    if (known !== UNKNOWN) {
      return known;
    }
    for (let id = entry.domains.length; id < keyId; id++) {
      entry.domains.push(UNKNOWN);
    }
    const domain = this.lookUpDomain(node, keyId);
    entry.domains[keyId] = domain;
    return domain;
  }

  /**
   * The node's domain id for the key, or {@link NO_DOMAIN}: as {@link domain}, for
   * Filter's hot path. For a node with a `row` it is remembered in a column per key,
   * by row, while the row holds the same node with the same labels object (a domain
   * depends on the labels only): reading it touches no per-node object.
   */
  domainOf(node: NodeInfo, keyId: number): number {
    const row = node.row ?? -1;
    if (row < 0) {
      return this.domain(this.entry(node), node, keyId);
    }
    if (row >= this.rowCapacity) {
      this.growRows(row + 1);
    }
    if (this.rowNodes[row] !== node || this.rowLabels[row] !== node.labels) {
      this.rowNodes[row] = node;
      this.rowLabels[row] = node.labels;
      for (const column of this.domainsByRow) {
        column[row] = UNKNOWN;
      }
    }
    while (this.domainsByRow.length <= keyId) {
      this.domainsByRow.push(new Int32Array(this.rowCapacity).fill(UNKNOWN));
    }
    const column = this.domainsByRow[keyId] as Int32Array;
    let domain = column[row] as number;
    if (domain === UNKNOWN) {
      domain = this.lookUpDomain(node, keyId);
      column[row] = domain;
    }
    return domain;
  }

  private lookUpDomain(node: NodeInfo, keyId: number): number {
    const value = node.labels[this.keys[keyId] as string];
    if (typeof value !== 'string') {
      return NO_DOMAIN;
    }
    const ids = this.domainIds[keyId] as Map<string, number>;
    const domain = ids.get(value) ?? ids.size;
    ids.set(value, domain);
    return domain;
  }

  private growRows(rows: number): void {
    const capacity = Math.max(rows, 2 * this.rowCapacity);
    this.domainsByRow = this.domainsByRow.map((column) => {
      const grown = new Int32Array(capacity).fill(UNKNOWN);
      grown.set(column);
      return grown;
    });
    for (let row = this.rowNodes.length; row < capacity; row++) {
      this.rowNodes.push(undefined);
      this.rowLabels.push(undefined);
    }
    this.rowCapacity = capacity;
  }

  /** The pods on the node that `constraint` counts, `countId` being its count key's id. */
  countIn(
    entry: NodeEntry,
    node: NodeInfo,
    constraint: ParsedSpreadConstraint,
    countId: number,
  ): number {
    if (countId < 0 || node.pods.length === 0) {
      return 0;
    }
    const ids = entry.countIds;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === countId) {
        return entry.counts[i] as number;
      }
    }
    const counted = countMatchingPods(node.pods, constraint);
    if (ids.length >= MAX_COUNTS_PER_NODE) {
      ids.length = 0;
      entry.counts.length = 0;
    }
    ids.push(countId);
    entry.counts.push(counted);
    return counted;
  }

  /** The pods on the node that `constraint` counts (for less hot paths). */
  count(node: NodeInfo, constraint: ParsedSpreadConstraint): number {
    return this.countIn(this.entry(node), node, constraint, this.countId(constraint.countKey));
  }
}

function countMatchingPods(pods: readonly PodInfo[], constraint: ParsedSpreadConstraint): number {
  let count = 0;
  for (let i = 0; i < pods.length; i++) {
    const metadata = (pods[i] as PodInfo).pod.metadata;
    if (
      metadata?.deletionTimestamp === undefined &&
      (metadata?.namespace ?? '') === constraint.namespace &&
      constraint.selector.matches(metadata?.labels)
    ) {
      count++;
    }
  }
  return count;
}
