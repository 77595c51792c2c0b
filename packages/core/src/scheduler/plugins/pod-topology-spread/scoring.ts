/**
 * PodTopologySpread's PreScore, Score and NormalizeScore: the `ScheduleAnyway`
 * constraints, as upstream's `scoring.go`.
 *
 * @module
 */
import type { CycleContext, NodeInfo, NodeScore, PluginStatus } from '../../framework/index.js';
import { MAX_NODE_SCORE, pluginError, SKIP, StateKey } from '../../framework/index.js';
import type { MatchingPodCounts } from './matching-pod-counts.js';
import { NodeInclusion } from './node-inclusion.js';
import { hasAllTopologyKeys, type PodSpreadConstraints } from './pod-spread-constraints.js';
import { HOSTNAME_TOPOLOGY_KEY, type ParsedSpreadConstraint } from './spread-constraint.js';

/** What PreScore computes for Score and NormalizeScore. */
interface PreScoreState {
  readonly constraints: readonly ParsedSpreadConstraint[];
  /** Feasible nodes missing a topology key: scored 0. */
  readonly ignoredNodes: ReadonlySet<string>;
  /** Per constraint (hostname ones left empty): matching pods per topology value. */
  readonly domainCounts: readonly ReadonlyMap<string, number>[];
  /** Per constraint: `ln(domains + 2)`, so small topologies are not watered down. */
  readonly weights: readonly number[];
}

const PRE_SCORE_STATE = new StateKey<PreScoreState>('PodTopologySpread/preScore');

/**
 * Counts, per `ScheduleAnyway` constraint, the matching pods of each topology
 * domain that a feasible node is in (hostname domains are counted per node, in
 * Score), over every node of the cluster.
 *
 * Caveats (as upstream): with the system default constraints, nodes missing a key
 * are not ignored, and their pods count toward the empty topology value.
 */
export function preScoreSpread(
  cycle: CycleContext,
  feasible: readonly NodeInfo[],
  constraintsOf: PodSpreadConstraints,
  counts: MatchingPodCounts,
): PluginStatus | undefined {
  const allNodes = cycle.snapshot.nodes;
  if (allNodes.length === 0) {
    return SKIP;
  }
  const parsed = constraintsOf.of(cycle.pod, 'ScheduleAnyway');
  if (parsed._tag === 'Left') {
    return pluginError(parsed.left);
  }
  const constraints = parsed.right;
  if (constraints.length === 0) {
    return SKIP;
  }
  const requireAllTopologies =
    (cycle.pod.spec?.topologySpreadConstraints ?? []).length > 0 || !constraintsOf.systemDefaulted;

  const ignoredNodes = new Set<string>();
  const domainCounts = constraints.map(() => new Map<string, number>());
  for (const node of feasible) {
    if (requireAllTopologies && !hasAllTopologyKeys(node.labels, constraints)) {
      ignoredNodes.add(node.name);
      continue;
    }
    constraints.forEach((constraint, i) => {
      if (constraint.topologyKey !== HOSTNAME_TOPOLOGY_KEY) {
        const domains = domainCounts[i] as Map<string, number>;
        const value = node.labels[constraint.topologyKey] ?? '';
        if (!domains.has(value)) {
          domains.set(value, 0);
        }
      }
    });
  }
  const weights = constraints.map((constraint, i) =>
    Math.log(
      (constraint.topologyKey === HOSTNAME_TOPOLOGY_KEY
        ? feasible.length - ignoredNodes.size
        : (domainCounts[i] as Map<string, number>).size) + 2,
    ),
  );

  const inclusion = new NodeInclusion(cycle.pod);
  for (let n = 0; n < allNodes.length; n++) {
    const node = allNodes[n] as NodeInfo;
    if (requireAllTopologies && !hasAllTopologyKeys(node.labels, constraints)) {
      continue;
    }
    inclusion.reset(node);
    for (let i = 0; i < constraints.length; i++) {
      const constraint = constraints[i] as ParsedSpreadConstraint;
      const domains = domainCounts[i] as Map<string, number>;
      const value = node.labels[constraint.topologyKey] ?? '';
      // Domains no feasible node is in, and hostname domains, are not counted here.
      const sofar = domains.get(value);
      if (sofar === undefined || !inclusion.includes(constraint)) {
        continue;
      }
      domains.set(value, sofar + counts.count(node, constraint));
    }
  }
  cycle.state.write(PRE_SCORE_STATE, { constraints, ignoredNodes, domainCounts, weights });
  return undefined;
}

/**
 * The raw score of `node`: per constraint whose key the node has, its domain's
 * matching count times the constraint's weight, plus `maxSkew - 1`; rounded. Lower is
 * better until {@link normalizeSpreadScores} reverses it.
 */
export function scoreSpread(
  cycle: CycleContext,
  node: NodeInfo,
  counts: MatchingPodCounts,
): number {
  const state = cycle.state.read(PRE_SCORE_STATE);
  if (state === undefined || state.ignoredNodes.has(node.name)) {
    return 0;
  }
  let score = 0;
  state.constraints.forEach((constraint, i) => {
    const value = node.labels[constraint.topologyKey];
    if (typeof value !== 'string') {
      return;
    }
    const matching =
      constraint.topologyKey === HOSTNAME_TOPOLOGY_KEY
        ? counts.count(node, constraint)
        : ((state.domainCounts[i] as ReadonlyMap<string, number>).get(value) ?? 0);
    score += matching * (state.weights[i] as number) + (constraint.maxSkew - 1);
  });
  return Math.round(score);
}

/**
 * Maps raw scores to 0..{@link MAX_NODE_SCORE}, fewest matching pods highest:
 * `MAX * (max + min - score) / max` (integer division), every node `MAX` when all
 * raw scores are 0, ignored nodes 0.
 */
export function normalizeSpreadScores(cycle: CycleContext, scores: NodeScore[]): void {
  const state = cycle.state.read(PRE_SCORE_STATE);
  if (state === undefined) {
    return;
  }
  let minScore = Number.POSITIVE_INFINITY;
  let maxScore = 0;
  for (const entry of scores) {
    if (!state.ignoredNodes.has(entry.name)) {
      minScore = Math.min(minScore, entry.score);
      maxScore = Math.max(maxScore, entry.score);
    }
  }
  for (const entry of scores) {
    if (state.ignoredNodes.has(entry.name)) {
      entry.score = 0;
    } else if (maxScore === 0) {
      entry.score = MAX_NODE_SCORE;
    } else {
      entry.score = Math.trunc((MAX_NODE_SCORE * (maxScore + minScore - entry.score)) / maxScore);
    }
  }
}
