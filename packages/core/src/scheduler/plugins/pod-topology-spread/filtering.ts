/**
 * PodTopologySpread's PreFilter and Filter: the `DoNotSchedule` constraints.
 *
 * @module
 */
import type {
  CycleContext,
  NodeInfo,
  PluginStatus,
  PreFilterResult,
} from '../../framework/index.js';
import { pluginError, SKIP, StateKey, unresolvable, unschedulable } from '../../framework/index.js';
import { NO_DOMAIN, type MatchingPodCounts } from './matching-pod-counts.js';
import type { PodSpreadConstraints } from './pod-spread-constraints.js';
import type { ParsedSpreadConstraint } from './spread-constraint.js';
import type { SpreadCountsSource } from './tracked-spread-counts.js';

/** Upstream's `ErrReasonConstraintsNotMatch`. */
export const REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";

/** Upstream's `ErrReasonNodeLabelNotMatch`. */
export const REASON_NODE_LABEL_NOT_MATCH = `${REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

// Shared, frozen statuses: Filter allocates nothing, even when it fails.
const CONSTRAINTS_NOT_MATCH = deepFreeze(unschedulable(REASON_CONSTRAINTS_NOT_MATCH));
const NODE_LABEL_NOT_MATCH = deepFreeze(unresolvable(REASON_NODE_LABEL_NOT_MATCH));

function deepFreeze(status: PluginStatus): PluginStatus {
  Object.freeze(status.reasons);
  return Object.freeze(status);
}

/** What PreFilter computes for Filter. */
interface PreFilterState {
  readonly constraints: readonly ParsedSpreadConstraint[];
  /** Per constraint: its topology key's id in the node index. */
  readonly keyIds: Int32Array;
  /** Per constraint: matching pods per domain id, over the eligible nodes. */
  readonly domainCounts: readonly Float64Array[];
  /** Per constraint: the global minimum skew is measured from (0 below `minDomains`). */
  readonly minMatch: Float64Array;
}

const PRE_FILTER_STATE = new StateKey<PreFilterState>('PodTopologySpread/preFilter');

/**
 * Counts, per `DoNotSchedule` constraint and topology domain, the pods the
 * constraint matches over the nodes that have every constraint's topology key and
 * pass the constraint's inclusion policies; the counts come from `countsSource`
 * (kept up to date across cycles when the snapshot reports its changes).
 */
export function preFilterSpread(
  cycle: CycleContext,
  constraintsOf: PodSpreadConstraints,
  countsSource: SpreadCountsSource,
): PreFilterResult {
  const parsed = constraintsOf.of(cycle.pod, 'DoNotSchedule');
  if (parsed._tag === 'Left') {
    return pluginError(parsed.left);
  }
  const constraints = parsed.right;
  if (constraints.length === 0) {
    return SKIP;
  }
  const counts = countsSource.countsFor(cycle.snapshot, cycle.pod, constraints);
  cycle.state.write(PRE_FILTER_STATE, {
    constraints,
    keyIds: counts.keyIds,
    // The arrays themselves: they do not change during the cycle.
    domainCounts: counts.podCounts.slice(),
    minMatch: counts.minMatch(),
  });
  return undefined;
}

/**
 * Whether `node` keeps every `DoNotSchedule` constraint: its domain's count, plus 1
 * when the pod matches the selector, minus the global minimum, is at most `maxSkew`.
 *
 * Guarantees: O(constraints), no allocation (PreFilter has cached every node).
 */
export function filterSpread(
  cycle: CycleContext,
  node: NodeInfo,
  index: MatchingPodCounts,
): PluginStatus | undefined {
  const state = cycle.state.read(PRE_FILTER_STATE);
  if (state === undefined) {
    return pluginError('PodTopologySpread: Filter ran without its PreFilter state');
  }
  const { constraints, keyIds, domainCounts, minMatch } = state;
  for (let i = 0; i < constraints.length; i++) {
    const constraint = constraints[i] as ParsedSpreadConstraint;
    const domain = index.domainOf(node, keyIds[i] as number);
    if (domain === NO_DOMAIN) {
      return NODE_LABEL_NOT_MATCH;
    }
    const matching = (domainCounts[i] as Float64Array)[domain] ?? 0;
    const skew = matching + constraint.selfMatch - (minMatch[i] as number);
    if (skew > constraint.maxSkew) {
      return CONSTRAINTS_NOT_MATCH;
    }
  }
  return undefined;
}
