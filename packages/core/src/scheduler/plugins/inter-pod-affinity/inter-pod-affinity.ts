/**
 * The InterPodAffinity plugin: `spec.affinity.podAffinity` and `podAntiAffinity`,
 * required and preferred, as upstream's plugin of that name.
 *
 * @module
 */
import type { SchedulerPlugin } from '../../framework/index.js';
import type { NamespaceLabels } from './affinity-term.js';
import { filterInterPodAffinity, preFilterInterPodAffinity } from './filtering.js';
import {
  normalizeInterPodAffinityScores,
  preScoreInterPodAffinity,
  scoreInterPodAffinity,
} from './scoring.js';

/** The plugin's name in profiles and events. */
export const INTER_POD_AFFINITY = 'InterPodAffinity';

/** Options of {@link interPodAffinity}. */
export interface InterPodAffinityOptions {
  /**
   * The score an existing pod's required affinity term adds to its domain when the
   * incoming pod matches it (upstream's `hardPodAffinityWeight`, 0 to 100); default 1,
   * 0 turns it off.
   */
  readonly hardPodAffinityWeight?: number;
  /**
   * A namespace's labels, for terms' `namespaceSelector`; `undefined` for an unknown
   * namespace. Without it, a namespace selector selects every namespace when it is
   * empty (`{}`) and none otherwise.
   */
  readonly namespaceLabels?: NamespaceLabels;
}

/**
 * The InterPodAffinity plugin (PreFilter, Filter, PreScore, Score, NormalizeScore).
 *
 * Filter, from counts PreFilter makes once per pod:
 * - each required affinity term needs a pod matching all the terms in the node's
 *   domain of the term's `topologyKey` (a node without the key fails); when no pod
 *   in the cluster matches and the pod matches its own terms, any node with the keys
 *   passes. Failing: `UnschedulableAndUnresolvable`, `node(s) didn't match pod affinity rules`;
 * - no pod matching a required anti-affinity term in the node's domain:
 *   `Unschedulable`, `node(s) didn't match pod anti-affinity rules`;
 * - no existing pod whose required anti-affinity selects the incoming pod in the
 *   node's domain (read only from `nodesWithPodsWithRequiredAntiAffinity`):
 *   `Unschedulable`, `node(s) didn't satisfy existing pods anti-affinity rules`.
 * `Skip` when the pod has no required terms and no existing anti-affinity selects it.
 *
 * Score: per topology pair, + / − the weights of the incoming pod's preferred
 * affinity / anti-affinity terms each existing pod matches, + `hardPodAffinityWeight`
 * per existing pod's required affinity term and + / − its preferred terms' weights
 * when the incoming pod matches them (only nodes with affinity pods are read when
 * the pod has no preferred terms); a node's score sums its labels' pairs, normalized
 * linearly onto 0..100.
 *
 * Terms: `namespaces` (default: the declaring pod's namespace when `namespaceSelector`
 * is absent too), `namespaceSelector` through `namespaceLabels`, `matchLabelKeys` /
 * `mismatchLabelKeys` merged into the selector as the apiserver does (the scheduler
 * does it, since drydock's apiserver does not). Parsed terms are memoized per pod object.
 *
 * Errors: throws a `RangeError` at construction when `hardPodAffinityWeight` is not
 * an integer in 0..100 (upstream rejects such a configuration). An incoming pod with an invalid selector is `UnschedulableAndUnresolvable`
 * with `parsing pod: <field>: <problem>` (as upstream); an existing pod's invalid term
 * matches nothing.
 *
 * Caveats: no PreFilter AddPod/RemovePod extensions (no preemption);
 * `ignorePreferredTermsOfExistingPods` and queueing hints are left out.
 */
export function interPodAffinity(options: InterPodAffinityOptions = {}): SchedulerPlugin {
  const namespaceLabels = options.namespaceLabels;
  const hardPodAffinityWeight = options.hardPodAffinityWeight ?? 1;
  if (
    !Number.isInteger(hardPodAffinityWeight) ||
    hardPodAffinityWeight < 0 ||
    hardPodAffinityWeight > 100
  ) {
    throw new RangeError(
      `hardPodAffinityWeight: Invalid value: ${hardPodAffinityWeight}: not in valid range [0-100]`,
    );
  }
  const scoring = { hardPodAffinityWeight, namespaceLabels };
  return {
    name: INTER_POD_AFFINITY,
    preFilter: (cycle) => preFilterInterPodAffinity(cycle, namespaceLabels),
    filter: filterInterPodAffinity,
    preScore: (cycle, nodes) => preScoreInterPodAffinity(cycle, nodes, scoring),
    score: scoreInterPodAffinity,
    normalizeScores: normalizeInterPodAffinityScores,
  };
}
