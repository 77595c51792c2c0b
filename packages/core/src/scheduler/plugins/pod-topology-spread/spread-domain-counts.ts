/**
 * The matching pods per topology domain of one set of `DoNotSchedule` constraints,
 * as PreFilter needs them: built from every node once, then kept up to date node by
 * node as nodes and their pods change.
 *
 * @module
 */
import type { Pod } from '../../../api/kinds/index.js';
import type { ClusterSnapshot, NodeInfo } from '../../framework/index.js';
import { NO_DOMAIN, type MatchingPodCounts } from './matching-pod-counts.js';
import { NodeInclusion } from './node-inclusion.js';
import type { ParsedSpreadConstraint } from './spread-constraint.js';

/** What one node adds to the counts, for the node generation `generation`. */
interface NodeContribution {
  generation: number;
  /** Per constraint: the node's domain id, or {@link NO_DOMAIN} when it does not count. */
  readonly domains: Int32Array;
  /** Per constraint: its matching pods on the node. */
  readonly pods: Float64Array;
}

/**
 * Per constraint and domain id: the matching pods and the nodes that count (a node
 * counts when it has every constraint's topology key and passes the constraint's
 * inclusion policies), and per constraint the number of domains with a node that
 * counts.
 *
 * Guarantees: after {@link SpreadDomainCounts.addAll} over the snapshot's nodes and
 * {@link SpreadDomainCounts.update} for every node that changed since, the counts
 * equal a recount over the snapshot's nodes. Counting is upstream's: pods of the
 * constraint's namespace that its selector matches, terminating pods left out.
 *
 * Caveats: the arrays may be longer than the domain ids handed out (ids beyond are
 * 0), and are replaced when they grow: read them afresh after an update.
 */
export class SpreadDomainCounts {
  /** Per constraint: its topology key's id in the index. */
  readonly keyIds: Int32Array;
  /** Per constraint: matching pods per domain id. */
  readonly podCounts: Float64Array[];
  /** Per constraint: nodes that count per domain id. */
  readonly nodeCounts: Int32Array[];
  /** Per constraint: the domains with at least one node that counts. */
  readonly domainsSeen: Int32Array;

  private readonly constraints: readonly ParsedSpreadConstraint[];
  private readonly index: MatchingPodCounts;
  private readonly countIds: Int32Array;
  private readonly inclusion: NodeInclusion;
  private readonly mayExclude: boolean;
  private readonly contributions = new Map<NodeInfo, NodeContribution>();
  // Scratch space for addAll without remembering contributions.
  private readonly scratchDomains: Int32Array;
  private readonly scratchPods: Float64Array;

  /**
   * Empty counts for `constraints` (all of them `pod`'s, whose node selector, node
   * affinity and tolerations the inclusion policies read).
   */
  constructor(args: {
    readonly constraints: readonly ParsedSpreadConstraint[];
    readonly pod: Pod;
    readonly index: MatchingPodCounts;
  }) {
    const { constraints, index } = args;
    const size = constraints.length;
    this.constraints = constraints;
    this.index = index;
    this.keyIds = new Int32Array(size);
    this.countIds = new Int32Array(size);
    this.podCounts = [];
    this.nodeCounts = [];
    for (let i = 0; i < size; i++) {
      const constraint = constraints[i] as ParsedSpreadConstraint;
      const keyId = index.keyId(constraint.topologyKey);
      this.keyIds[i] = keyId;
      this.countIds[i] = index.countId(constraint.countKey);
      this.podCounts.push(new Float64Array(index.domainCount(keyId)));
      this.nodeCounts.push(new Int32Array(index.domainCount(keyId)));
    }
    this.domainsSeen = new Int32Array(size);
    this.inclusion = new NodeInclusion(args.pod);
    this.mayExclude = this.inclusion.mayExclude(constraints);
    this.scratchDomains = new Int32Array(size);
    this.scratchPods = new Float64Array(size);
  }

  /**
   * Counts every node of `nodes` (all assumed in the snapshot, none counted yet);
   * `remember` keeps what each added, for later {@link SpreadDomainCounts.update}s.
   */
  addAll(nodes: readonly NodeInfo[], remember: boolean): void {
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n] as NodeInfo;
      if (remember) {
        const contribution = this.newContribution(node);
        this.contributions.set(node, contribution);
        this.apply(contribution.domains, contribution.pods, 1);
      } else {
        this.measure(node, this.scratchDomains, this.scratchPods);
        this.apply(this.scratchDomains, this.scratchPods, 1);
      }
    }
  }

  /**
   * Brings the counts up to date with `node`, which may have changed, left the
   * snapshot or joined it since it was last counted.
   */
  update(node: NodeInfo, snapshot: ClusterSnapshot): void {
    const known = this.contributions.get(node);
    if (known?.generation === node.generation) {
      return;
    }
    if (known !== undefined) {
      this.apply(known.domains, known.pods, -1);
    }
    if (snapshot.get(node.name) !== node) {
      this.contributions.delete(node);
      return;
    }
    if (known === undefined) {
      const contribution = this.newContribution(node);
      this.contributions.set(node, contribution);
      this.apply(contribution.domains, contribution.pods, 1);
      return;
    }
    known.generation = node.generation;
    this.measure(node, known.domains, known.pods);
    this.apply(known.domains, known.pods, 1);
  }

  /**
   * Per constraint: the smallest count over the domains with a node that counts (0
   * while fewer domains than `minDomains` have one), from which skew is measured.
   */
  minMatch(): Float64Array {
    const size = this.constraints.length;
    const minMatch = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const constraint = this.constraints[i] as ParsedSpreadConstraint;
      if ((this.domainsSeen[i] as number) < constraint.minDomains) {
        continue;
      }
      const pods = this.podCounts[i] as Float64Array;
      const nodes = this.nodeCounts[i] as Int32Array;
      let least = Number.POSITIVE_INFINITY;
      for (let d = 0; d < nodes.length; d++) {
        if ((nodes[d] as number) > 0 && (pods[d] as number) < least) {
          least = pods[d] as number;
        }
      }
      minMatch[i] = least;
    }
    return minMatch;
  }

  private newContribution(node: NodeInfo): NodeContribution {
    const size = this.constraints.length;
    const contribution = {
      generation: node.generation,
      domains: new Int32Array(size),
      pods: new Float64Array(size),
    };
    this.measure(node, contribution.domains, contribution.pods);
    return contribution;
  }

  /** Writes what `node` adds to each constraint's counts into `domains` and `pods`. */
  private measure(node: NodeInfo, domains: Int32Array, pods: Float64Array): void {
    const { constraints, index, keyIds, countIds } = this;
    const size = constraints.length;
    const entry = index.entry(node);
    pods.fill(0);
    for (let i = 0; i < size; i++) {
      const domain = index.domain(entry, node, keyIds[i] as number);
      if (domain === NO_DOMAIN) {
        domains.fill(NO_DOMAIN);
        return;
      }
      domains[i] = domain;
    }
    if (this.mayExclude) {
      this.inclusion.reset(node);
    }
    for (let i = 0; i < size; i++) {
      const constraint = constraints[i] as ParsedSpreadConstraint;
      if (this.mayExclude && !this.inclusion.includes(constraint)) {
        domains[i] = NO_DOMAIN;
        continue;
      }
      pods[i] = index.countIn(entry, node, constraint, countIds[i] as number);
    }
  }

  private apply(domains: Int32Array, pods: Float64Array, sign: 1 | -1): void {
    for (let i = 0; i < domains.length; i++) {
      const domain = domains[i] as number;
      if (domain === NO_DOMAIN) {
        continue;
      }
      if (domain >= (this.nodeCounts[i] as Int32Array).length) {
        this.grow(i, domain + 1);
      }
      const podCounts = this.podCounts[i] as Float64Array;
      const nodeCounts = this.nodeCounts[i] as Int32Array;
      podCounts[domain] = (podCounts[domain] as number) + sign * (pods[i] as number);
      const before = nodeCounts[domain] as number;
      nodeCounts[domain] = before + sign;
      if (before === 0 && sign > 0) {
        this.domainsSeen[i] = (this.domainsSeen[i] as number) + 1;
      } else if (before === 1 && sign < 0) {
        this.domainsSeen[i] = (this.domainsSeen[i] as number) - 1;
      }
    }
  }

  private grow(i: number, atLeast: number): void {
    const length = Math.max(atLeast, this.index.domainCount(this.keyIds[i] as number), 8);
    const podCounts = new Float64Array(
      Math.max(length, (this.podCounts[i] as Float64Array).length * 2),
    );
    podCounts.set(this.podCounts[i] as Float64Array);
    const nodeCounts = new Int32Array(podCounts.length);
    nodeCounts.set(this.nodeCounts[i] as Int32Array);
    this.podCounts[i] = podCounts;
    this.nodeCounts[i] = nodeCounts;
  }
}
