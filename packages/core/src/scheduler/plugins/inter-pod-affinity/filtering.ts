/**
 * InterPodAffinity's PreFilter and Filter: required pod affinity and anti-affinity,
 * the incoming pod's and the existing pods' (symmetric), as upstream's `filtering.go`.
 *
 * @module
 */
import type { Pod } from '../../../api/kinds/index.js';
import type {
  CycleContext,
  NodeInfo,
  PluginStatus,
  PreFilterResult,
} from '../../framework/index.js';
import { pluginError, SKIP, StateKey, unresolvable, unschedulable } from '../../framework/index.js';
import {
  affinityTermMatches,
  type NamespaceLabels,
  type ParsedAffinityTerm,
} from './affinity-term.js';
import { podAffinityTermsOf, type PodAffinityTerms } from './pod-affinity-terms.js';
import { TopologyPairCounts } from './topology-pair-counts.js';

/** Upstream's `ErrReasonAffinityRulesNotMatch`. */
export const REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
/** Upstream's `ErrReasonAntiAffinityRulesNotMatch`. */
export const REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
/** Upstream's `ErrReasonExistingAntiAffinityRulesNotMatch`. */
export const REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH =
  "node(s) didn't satisfy existing pods anti-affinity rules";

const frozen = (status: PluginStatus): PluginStatus => {
  Object.freeze(status.reasons);
  return Object.freeze(status);
};
// Shared statuses: Filter allocates nothing, even when it fails.
const AFFINITY_NOT_MATCH = frozen(unresolvable(REASON_AFFINITY_RULES_NOT_MATCH));
const ANTI_AFFINITY_NOT_MATCH = frozen(unschedulable(REASON_ANTI_AFFINITY_RULES_NOT_MATCH));
const EXISTING_ANTI_AFFINITY_NOT_MATCH = frozen(
  unschedulable(REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH),
);

/** What PreFilter computes for Filter. */
interface PreFilterState {
  readonly terms: PodAffinityTerms;
  /** Pods matching all the incoming pod's required affinity terms, per term's pair. */
  readonly affinityCounts: TopologyPairCounts;
  /** Pods matching each of the incoming pod's required anti-affinity terms, per pair. */
  readonly antiAffinityCounts: TopologyPairCounts;
  /** Existing pods' required anti-affinity terms matching the incoming pod, per pair. */
  readonly existingAntiAffinityCounts: TopologyPairCounts;
  /** Whether the incoming pod matches all its own required affinity terms. */
  readonly matchesOwnAffinity: boolean;
}

const PRE_FILTER_STATE = new StateKey<PreFilterState>('InterPodAffinity/preFilter');

/**
 * Counts, per topology pair, the existing pods that the incoming pod's required
 * terms select (every pod of every node, only when the pod has such terms) and the
 * existing pods whose required anti-affinity selects the incoming pod (only the pods
 * of `nodesWithPodsWithRequiredAntiAffinity`). `Skip` when there is nothing to check.
 */
export function preFilterInterPodAffinity(
  cycle: CycleContext,
  namespaceLabels: NamespaceLabels | undefined,
): PreFilterResult {
  const pod = cycle.pod;
  const terms = podAffinityTermsOf(pod);
  if (terms.errors.length > 0) {
    return unresolvable(`parsing pod: ${terms.errors.join('; ')}`);
  }
  const existingAntiAffinityCounts = existingAntiAffinityCountsFor(cycle, namespaceLabels);
  const { requiredAffinity, requiredAntiAffinity } = terms;
  if (
    existingAntiAffinityCounts.size === 0 &&
    requiredAffinity.length === 0 &&
    requiredAntiAffinity.length === 0
  ) {
    return SKIP;
  }
  const affinityCounts = new TopologyPairCounts();
  const antiAffinityCounts = new TopologyPairCounts();
  if (requiredAffinity.length > 0 || requiredAntiAffinity.length > 0) {
    for (const node of cycle.snapshot.nodes) {
      for (const existing of node.pods) {
        if (matchesAll(requiredAffinity, existing.pod, namespaceLabels)) {
          addPairs(affinityCounts, requiredAffinity, node);
        }
        for (const term of requiredAntiAffinity) {
          if (affinityTermMatches(term, existing.pod, namespaceLabels)) {
            addPair(antiAffinityCounts, term, node);
          }
        }
      }
    }
  }
  cycle.state.write(PRE_FILTER_STATE, {
    terms,
    affinityCounts,
    antiAffinityCounts,
    existingAntiAffinityCounts,
    matchesOwnAffinity: matchesAll(requiredAffinity, pod, namespaceLabels),
  });
  return undefined;
}

/**
 * Whether the pod may go on `node`: its affinity terms each have a matching pod in the
 * node's domain (or no pod anywhere matches and the pod matches its own terms: the
 * first of a group), no pod its anti-affinity selects is in the node's domains, and
 * no existing pod's anti-affinity selecting it is in the node's domains.
 *
 * Guarantees: O(terms + distinct topology keys), no allocation.
 */
export function filterInterPodAffinity(
  cycle: CycleContext,
  node: NodeInfo,
): PluginStatus | undefined {
  const state = cycle.state.read(PRE_FILTER_STATE);
  if (state === undefined) {
    return pluginError('InterPodAffinity: Filter ran without its PreFilter state');
  }
  const labels = node.labels;
  if (!satisfiesPodAffinity(state, labels)) {
    return AFFINITY_NOT_MATCH;
  }
  const anti = state.terms.requiredAntiAffinity;
  if (state.antiAffinityCounts.size > 0) {
    for (let i = 0; i < anti.length; i++) {
      const key = (anti[i] as ParsedAffinityTerm).topologyKey;
      const value = labels[key];
      if (typeof value === 'string' && state.antiAffinityCounts.get(key, value) > 0) {
        return ANTI_AFFINITY_NOT_MATCH;
      }
    }
  }
  if (state.existingAntiAffinityCounts.anyPositive(labels)) {
    return EXISTING_ANTI_AFFINITY_NOT_MATCH;
  }
  return undefined;
}

function satisfiesPodAffinity(
  state: PreFilterState,
  labels: Readonly<Record<string, string>>,
): boolean {
  const affinity = state.terms.requiredAffinity;
  let podsExist = true;
  for (let i = 0; i < affinity.length; i++) {
    const key = (affinity[i] as ParsedAffinityTerm).topologyKey;
    const value = labels[key];
    if (typeof value !== 'string') {
      return false;
    }
    if (state.affinityCounts.get(key, value) <= 0) {
      podsExist = false;
    }
  }
  // The first pod of a group with affinity to itself: no pod anywhere matches yet.
  return podsExist || (state.affinityCounts.size === 0 && state.matchesOwnAffinity);
}

function existingAntiAffinityCountsFor(
  cycle: CycleContext,
  namespaceLabels: NamespaceLabels | undefined,
): TopologyPairCounts {
  const counts = new TopologyPairCounts();
  for (const node of cycle.snapshot.nodesWithPodsWithRequiredAntiAffinity) {
    for (const existing of node.podsWithRequiredAntiAffinity) {
      for (const term of podAffinityTermsOf(existing.pod).requiredAntiAffinity) {
        if (affinityTermMatches(term, cycle.pod, namespaceLabels)) {
          addPair(counts, term, node);
        }
      }
    }
  }
  return counts;
}

/** Upstream's `podMatchesAllAffinityTerms`: false for no terms. */
function matchesAll(
  terms: readonly ParsedAffinityTerm[],
  pod: Pod,
  namespaceLabels: NamespaceLabels | undefined,
): boolean {
  if (terms.length === 0) {
    return false;
  }
  for (const term of terms) {
    if (!affinityTermMatches(term, pod, namespaceLabels)) {
      return false;
    }
  }
  return true;
}

function addPairs(
  counts: TopologyPairCounts,
  terms: readonly ParsedAffinityTerm[],
  node: NodeInfo,
): void {
  for (const term of terms) {
    addPair(counts, term, node);
  }
}

function addPair(counts: TopologyPairCounts, term: ParsedAffinityTerm, node: NodeInfo): void {
  const value = node.labels[term.topologyKey];
  if (typeof value === 'string') {
    counts.add(term.topologyKey, value, 1);
  }
}
