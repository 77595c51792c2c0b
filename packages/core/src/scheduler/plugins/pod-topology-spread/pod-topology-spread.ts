/**
 * The PodTopologySpread plugin: spreads pods across topology domains (zones, hosts)
 * by the pod's `spec.topologySpreadConstraints`, as upstream's plugin of that name.
 *
 * @module
 */
import type { TopologySpreadConstraint } from '../../../api/kinds/index.js';
import type { SchedulerPlugin } from '../../framework/index.js';
import { filterSpread, preFilterSpread } from './filtering.js';
import { MatchingPodCounts } from './matching-pod-counts.js';
import {
  controllerOwnedPodLabels,
  PodSpreadConstraints,
  type DefaultSpreadSelector,
} from './pod-spread-constraints.js';
import { normalizeSpreadScores, preScoreSpread, scoreSpread } from './scoring.js';
import { SpreadCountsSource } from './tracked-spread-counts.js';

/** The plugin's name in profiles and events. */
export const POD_TOPOLOGY_SPREAD = 'PodTopologySpread';

/** Options of {@link podTopologySpread}. */
export interface PodTopologySpreadOptions {
  /**
   * Constraints for pods that have none of their own (upstream's `defaultConstraints`
   * with `defaultingType: List`); none by default. Their `labelSelector` is ignored:
   * they count the pod's workload (see `defaultSelector`). Pass
   * `SYSTEM_DEFAULT_SPREAD_CONSTRAINTS` for upstream's `defaultingType: System`.
   */
  readonly defaultConstraints?: readonly TopologySpreadConstraint[];
  /**
   * The selector default constraints count with, from the pod; `undefined` (or an
   * empty selector) means no default spreading for that pod. Default: the pod's
   * labels when it has a controller owner.
   */
  readonly defaultSelector?: DefaultSpreadSelector;
}

/**
 * The PodTopologySpread plugin (PreFilter, Filter, PreScore, Score, NormalizeScore).
 *
 * Filter (`DoNotSchedule` constraints): PreFilter counts, once per pod and in one
 * pass over every node, the pods each constraint's selector matches in the pod's
 * namespace (terminating pods left out; `matchLabelKeys` ANDed in) per topology
 * domain, over the nodes that have every constraint's topology key and pass its
 * inclusion policies (`nodeAffinityPolicy: Honor` by default: the pod's nodeSelector
 * and required node affinity; `nodeTaintsPolicy: Ignore` by default, `Honor` leaves out
 * nodes with untolerated NoSchedule/NoExecute taints). A node fails when
 * `count(its domain) + (1 if the pod matches the selector) - global minimum > maxSkew`,
 * the global minimum being 0 while there are fewer domains than `minDomains`:
 * `Unschedulable`, `node(s) didn't match pod topology spread constraints`; a node
 * without a topology key fails `UnschedulableAndUnresolvable` with
 * `... (missing required label)`. Per-node counts are cached per `NodeInfo.generation`;
 * on a snapshot that reports its changes (`onNodeInfoChange`, the scheduler's cache)
 * the domain counts of each constraint set are kept across cycles and PreFilter only
 * recounts the nodes changed since (else it reads every node). Filter is
 * O(constraints) and allocates nothing.
 *
 * Score (`ScheduleAnyway` constraints): as upstream, each domain's count weighted by
 * `ln(domains + 2)` plus `maxSkew - 1`, reversed and normalized to 0..100 (fewest
 * matching pods best); feasible nodes missing a key score 0; `kubernetes.io/hostname`
 * domains are counted per node.
 *
 * The pod's own constraints win over the defaults; a pod without constraints of a
 * kind skips that half (`Skip` from PreFilter or PreScore).
 *
 * Errors: an invalid selector gives an `Error` status naming the field, as upstream.
 *
 * Caveats: no PreFilter AddPod/RemovePod extensions (the framework has no preemption);
 * default constraints use `defaultSelector` instead of upstream's Service / ReplicaSet /
 * StatefulSet selectors; upstream's count-by-owner shortcut in scoring is left out
 * (counts always go by selector); no events-to-register / queueing hints.
 */
export function podTopologySpread(options: PodTopologySpreadOptions = {}): SchedulerPlugin {
  const constraintsOf = new PodSpreadConstraints(
    options.defaultConstraints ?? [],
    options.defaultSelector ?? controllerOwnedPodLabels,
  );
  const counts = new MatchingPodCounts();
  const countsSource = new SpreadCountsSource(counts);
  return {
    name: POD_TOPOLOGY_SPREAD,
    preFilter: (cycle) => preFilterSpread(cycle, constraintsOf, countsSource),
    filter: (cycle, node) => filterSpread(cycle, node, counts),
    preScore: (cycle, nodes) => preScoreSpread(cycle, nodes, constraintsOf, counts),
    score: (cycle, node) => scoreSpread(cycle, node, counts),
    normalizeScores: normalizeSpreadScores,
  };
}
