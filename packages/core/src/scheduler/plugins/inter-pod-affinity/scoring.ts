/**
 * InterPodAffinity's PreScore, Score and NormalizeScore: preferred pod affinity and
 * anti-affinity, the incoming pod's and the existing pods', as upstream's `scoring.go`.
 *
 * @module
 */
import type { Pod } from '../../../api/kinds/index.js';
import type { CycleContext, NodeInfo, NodeScore, PluginStatus } from '../../framework/index.js';
import { MAX_NODE_SCORE, pluginError, SKIP, StateKey } from '../../framework/index.js';
import {
  affinityTermMatches,
  type NamespaceLabels,
  type ParsedAffinityTerm,
} from './affinity-term.js';
import { podAffinityTermsOf, type PodAffinityTerms } from './pod-affinity-terms.js';
import { TopologyPairCounts } from './topology-pair-counts.js';

const PRE_SCORE_STATE = new StateKey<TopologyPairCounts>('InterPodAffinity/preScore');

/** What scoring needs besides the cycle. */
export interface AffinityScoringOptions {
  readonly hardPodAffinityWeight: number;
  readonly namespaceLabels: NamespaceLabels | undefined;
}

/**
 * Sums weights per topology pair: for each existing pod (every pod when the incoming
 * pod has preferred terms, else only pods with affinity terms), + the weight of each
 * of the incoming pod's preferred affinity terms it matches and − for anti-affinity;
 * and, for each of the existing pod's terms the incoming pod matches,
 * + `hardPodAffinityWeight` for required affinity, + weight for preferred affinity,
 * − weight for preferred anti-affinity. `Skip` when no pair was touched.
 */
export function preScoreInterPodAffinity(
  cycle: CycleContext,
  feasible: readonly NodeInfo[],
  options: AffinityScoringOptions,
): PluginStatus | undefined {
  if (feasible.length === 0) {
    return SKIP;
  }
  const incoming = podAffinityTermsOf(cycle.pod);
  if (incoming.errors.length > 0) {
    return pluginError(`failed to parse pod: ${incoming.errors.join('; ')}`);
  }
  const hasPreferredTerms =
    incoming.preferredAffinity.length > 0 || incoming.preferredAntiAffinity.length > 0;
  const snapshot = cycle.snapshot;
  const nodes = hasPreferredTerms ? snapshot.nodes : snapshot.nodesWithPodsWithAffinity;
  const scores = new TopologyPairCounts();
  for (const node of nodes) {
    const pods = hasPreferredTerms ? node.pods : node.podsWithAffinity;
    for (const existing of pods) {
      scoreExistingPod({ cycle, incoming, existing: existing.pod, node, scores, options });
    }
  }
  if (scores.size === 0) {
    return SKIP;
  }
  cycle.state.write(PRE_SCORE_STATE, scores);
  return undefined;
}

function scoreExistingPod(args: {
  readonly cycle: CycleContext;
  readonly incoming: PodAffinityTerms;
  readonly existing: Pod;
  readonly node: NodeInfo;
  readonly scores: TopologyPairCounts;
  readonly options: AffinityScoringOptions;
}): void {
  const { cycle, incoming, existing, node, scores, options } = args;
  const add = (
    terms: readonly ParsedAffinityTerm[],
    target: Pod,
    sign: 1 | -1,
    weight?: number,
  ) => {
    for (const term of terms) {
      const value = node.labels[term.topologyKey];
      if (typeof value === 'string' && affinityTermMatches(term, target, options.namespaceLabels)) {
        scores.add(term.topologyKey, value, sign * (weight ?? term.weight));
      }
    }
  };
  add(incoming.preferredAffinity, existing, 1);
  add(incoming.preferredAntiAffinity, existing, -1);
  const own = podAffinityTermsOf(existing);
  if (options.hardPodAffinityWeight > 0) {
    add(own.requiredAffinity, cycle.pod, 1, options.hardPodAffinityWeight);
  }
  add(own.preferredAffinity, cycle.pod, 1);
  add(own.preferredAntiAffinity, cycle.pod, -1);
}

/** The node's raw score: the sums of the pairs of its labels. */
export function scoreInterPodAffinity(cycle: CycleContext, node: NodeInfo): number {
  return cycle.state.read(PRE_SCORE_STATE)?.sumFor(node.labels) ?? 0;
}

/**
 * Maps raw scores linearly onto 0..{@link MAX_NODE_SCORE}, lowest to highest
 * (truncated); all 0 when every node scored the same.
 */
export function normalizeInterPodAffinityScores(cycle: CycleContext, scores: NodeScore[]): void {
  if (cycle.state.read(PRE_SCORE_STATE) === undefined || scores.length === 0) {
    return;
  }
  let least = Number.POSITIVE_INFINITY;
  let most = Number.NEGATIVE_INFINITY;
  for (const entry of scores) {
    least = Math.min(least, entry.score);
    most = Math.max(most, entry.score);
  }
  const spread = most - least;
  for (const entry of scores) {
    entry.score = spread > 0 ? Math.trunc(MAX_NODE_SCORE * ((entry.score - least) / spread)) : 0;
  }
}
