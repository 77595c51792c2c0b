/**
 * PreFilter's domain counts kept across scheduling cycles: one
 * {@link SpreadDomainCounts} per distinct constraint set, updated from the nodes the
 * snapshot reports changed instead of recounted from every node for every pod.
 *
 * @module
 */
import type { Pod } from '../../../api/kinds/index.js';
import type { ClusterSnapshot, NodeInfo } from '../../framework/index.js';
import type { MatchingPodCounts } from './matching-pod-counts.js';
import { NodeInclusion } from './node-inclusion.js';
import { SpreadDomainCounts } from './spread-domain-counts.js';
import type { ParsedSpreadConstraint } from './spread-constraint.js';

/** Constraint sets whose counts are kept at once; the stalest goes first. */
const MAX_TRACKED_SETS = 32;
/** Changes noted before the counts not brought up to date are dropped (at least). */
const MIN_CHANGE_LOG = 4096;

interface TrackedSet {
  readonly counts: SpreadDomainCounts;
  /** The position in the change log up to which `counts` is up to date. */
  cursor: number;
}

/**
 * The counts of the constraint sets seen lately, for one snapshot, kept up to date
 * through the snapshot's `onNodeInfoChange`.
 *
 * Guarantees: {@link TrackedSpreadCounts.countsFor} answers counts equal to a
 * recount over the snapshot's nodes; in O(nodes changed since that set's last use),
 * or O(nodes) the first time and after its counts were dropped. Memory is bounded:
 * at most {@link MAX_TRACKED_SETS} sets, and a change log of at most
 * max(4096, 2 × nodes) entries (past that, the sets left behind are dropped).
 */
export class TrackedSpreadCounts {
  private readonly sets = new Map<string, TrackedSet>();
  /** Nodes reported changed, in order; `changed[0]` is at position `offset`. */
  private changed: NodeInfo[] = [];
  private offset = 0;
  private changeLogLimit = MIN_CHANGE_LOG;

  /** Starts following `snapshot`, through its `onNodeInfoChange`. */
  constructor(
    private readonly snapshot: ClusterSnapshot,
    onNodeInfoChange: NonNullable<ClusterSnapshot['onNodeInfoChange']>,
    private readonly index: MatchingPodCounts,
  ) {
    onNodeInfoChange.call(snapshot, (node) => {
      this.noteChange(node);
    });
  }

  /** The up-to-date counts of `pod`'s `constraints`. */
  countsFor(pod: Pod, constraints: readonly ParsedSpreadConstraint[]): SpreadDomainCounts {
    const nodes = this.snapshot.nodes;
    this.changeLogLimit = Math.max(MIN_CHANGE_LOG, 2 * nodes.length);
    const signature = countsSignature(pod, constraints);
    const end = this.offset + this.changed.length;
    let tracked = this.sets.get(signature);
    if (tracked === undefined) {
      if (this.sets.size >= MAX_TRACKED_SETS) {
        this.dropStalest();
      }
      const counts = new SpreadDomainCounts({ constraints, pod, index: this.index });
      counts.addAll(nodes, true);
      tracked = { counts, cursor: end };
      this.sets.set(signature, tracked);
    } else {
      const { counts } = tracked;
      for (let position = tracked.cursor; position < end; position++) {
        counts.update(this.changed[position - this.offset] as NodeInfo, this.snapshot);
      }
      tracked.cursor = end;
    }
    this.trimChangeLog();
    return tracked.counts;
  }

  private noteChange(node: NodeInfo): void {
    if (this.sets.size === 0) {
      return;
    }
    this.changed.push(node);
    if (this.changed.length > this.changeLogLimit) {
      // Sets this far behind would cost more to catch up than to rebuild.
      const recent = this.offset + this.changed.length - this.changeLogLimit / 2;
      for (const [signature, tracked] of this.sets) {
        if (tracked.cursor < recent) {
          this.sets.delete(signature);
        }
      }
      this.trimChangeLog();
    }
  }

  /** Drops the log entries every set has read. */
  private trimChangeLog(): void {
    const end = this.offset + this.changed.length;
    let oldest = end;
    for (const tracked of this.sets.values()) {
      oldest = Math.min(oldest, tracked.cursor);
    }
    const read = oldest - this.offset;
    if (read === this.changed.length) {
      this.changed.length = 0;
      this.offset = end;
    } else if (read > 0 && read >= this.changed.length / 2) {
      this.changed = this.changed.slice(read);
      this.offset = oldest;
    }
  }

  private dropStalest(): void {
    let stalest: string | undefined;
    let oldest = Number.POSITIVE_INFINITY;
    for (const [signature, tracked] of this.sets) {
      if (tracked.cursor < oldest) {
        oldest = tracked.cursor;
        stalest = signature;
      }
    }
    if (stalest !== undefined) {
      this.sets.delete(stalest);
    }
  }
}

const signatures = new WeakMap<readonly ParsedSpreadConstraint[], string>();

/**
 * What the counts of `constraints` depend on: per constraint its topology key, count
 * key (namespace and selector) and inclusion policies, and, when a policy reads them,
 * the pod's node selector, required node affinity and tolerations. Memoized per
 * constraints array (itself memoized per pod object).
 */
function countsSignature(pod: Pod, constraints: readonly ParsedSpreadConstraint[]): string {
  const known = signatures.get(constraints);
  if (known !== undefined) {
    return known;
  }
  const spec = pod.spec;
  const podInputs = new NodeInclusion(pod).mayExclude(constraints)
    ? [
        spec?.nodeSelector ?? null,
        spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? null,
        spec?.tolerations ?? null,
      ]
    : null;
  const signature = JSON.stringify([
    constraints.map((constraint) => [
      constraint.topologyKey,
      constraint.countKey ?? null,
      constraint.honorNodeAffinity,
      constraint.honorNodeTaints,
    ]),
    podInputs,
  ]);
  signatures.set(constraints, signature);
  return signature;
}

/**
 * PreFilter's source of domain counts: tracked across cycles for snapshots that
 * report their changes (the scheduler's cache), recounted from every node otherwise.
 *
 * Guarantees: the answer equals a recount over `snapshot.nodes`; it is valid until
 * the snapshot changes (the next cycle), and must not be changed by the caller.
 */
export class SpreadCountsSource {
  private readonly tracked = new WeakMap<ClusterSnapshot, TrackedSpreadCounts>();

  /** Counts nodes' domains and pods with `index`. */
  constructor(private readonly index: MatchingPodCounts) {}

  /** The counts of `pod`'s `constraints` over `snapshot`. */
  countsFor(
    snapshot: ClusterSnapshot,
    pod: Pod,
    constraints: readonly ParsedSpreadConstraint[],
  ): SpreadDomainCounts {
    const onNodeInfoChange = snapshot.onNodeInfoChange;
    if (onNodeInfoChange === undefined) {
      const counts = new SpreadDomainCounts({ constraints, pod, index: this.index });
      counts.addAll(snapshot.nodes, false);
      return counts;
    }
    let tracked = this.tracked.get(snapshot);
    if (tracked === undefined) {
      tracked = new TrackedSpreadCounts(snapshot, onNodeInfoChange, this.index);
      this.tracked.set(snapshot, tracked);
    }
    return tracked.countsFor(pod, constraints);
  }
}
