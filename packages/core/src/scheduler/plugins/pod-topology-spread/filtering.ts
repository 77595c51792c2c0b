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
import { NodeInclusion } from './node-inclusion.js';
import type { PodSpreadConstraints } from './pod-spread-constraints.js';
import type { ParsedSpreadConstraint } from './spread-constraint.js';

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
 * constraint matches, in one pass over every node: a node counts when it has every
 * constraint's topology key and passes the constraint's inclusion policies.
 */
export function preFilterSpread(
  cycle: CycleContext,
  constraintsOf: PodSpreadConstraints,
  index: MatchingPodCounts,
): PreFilterResult {
  const parsed = constraintsOf.of(cycle.pod, 'DoNotSchedule');
  if (parsed._tag === 'Left') {
    return pluginError(parsed.left);
  }
  const constraints = parsed.right;
  if (constraints.length === 0) {
    return SKIP;
  }
  const size = constraints.length;
  const keyIds = new Int32Array(size);
  const countIds = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const constraint = constraints[i] as ParsedSpreadConstraint;
    keyIds[i] = index.keyId(constraint.topologyKey);
    countIds[i] = index.countId(constraint.countKey);
  }
  // Domain ids may grow during the pass (new label values): counts grow with them.
  let domainCounts = constraints.map(
    (_, i) => new Float64Array(index.domainCount(keyIds[i] as number)),
  );
  let present = constraints.map((_, i) => new Uint8Array(index.domainCount(keyIds[i] as number)));
  const domainsSeen = new Int32Array(size);
  const domains = new Int32Array(size);
  const inclusion = new NodeInclusion(cycle.pod);
  const mayExclude = inclusion.mayExclude(constraints);
  const nodes = cycle.snapshot.nodes;
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n] as NodeInfo;
    const entry = index.entry(node);
    let hasAllKeys = true;
    for (let i = 0; i < size && hasAllKeys; i++) {
      const domain = index.domain(entry, node, keyIds[i] as number);
      domains[i] = domain;
      hasAllKeys = domain !== NO_DOMAIN;
    }
    if (!hasAllKeys) {
      continue;
    }
    if (mayExclude) {
      inclusion.reset(node);
    }
    for (let i = 0; i < size; i++) {
      const constraint = constraints[i] as ParsedSpreadConstraint;
      if (mayExclude && !inclusion.includes(constraint)) {
        continue;
      }
      const domain = domains[i] as number;
      if (domain >= (domainCounts[i] as Float64Array).length) {
        domainCounts = domainCounts.map((counts, j) =>
          grown(counts, index.domainCount(keyIds[j] as number)),
        );
        present = present.map((seen, j) => grown(seen, index.domainCount(keyIds[j] as number)));
      }
      const seen = present[i] as Uint8Array;
      if (seen[domain] === 0) {
        seen[domain] = 1;
        domainsSeen[i] = (domainsSeen[i] as number) + 1;
      }
      const counts = domainCounts[i] as Float64Array;
      counts[domain] =
        (counts[domain] as number) + index.countIn(entry, node, constraint, countIds[i] as number);
    }
  }
  const minMatch = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const constraint = constraints[i] as ParsedSpreadConstraint;
    let least = Number.POSITIVE_INFINITY;
    const counts = domainCounts[i] as Float64Array;
    const seen = present[i] as Uint8Array;
    for (let d = 0; d < counts.length; d++) {
      if (seen[d] === 1 && (counts[d] as number) < least) {
        least = counts[d] as number;
      }
    }
    minMatch[i] = (domainsSeen[i] as number) < constraint.minDomains ? 0 : least;
  }
  cycle.state.write(PRE_FILTER_STATE, { constraints, keyIds, domainCounts, minMatch });
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
  const entry = index.entry(node);
  for (let i = 0; i < constraints.length; i++) {
    const constraint = constraints[i] as ParsedSpreadConstraint;
    const domain = index.domain(entry, node, keyIds[i] as number);
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

function grown<T extends Float64Array | Uint8Array>(array: T, length: number): T {
  if (array.length >= length) {
    return array;
  }
  const copy = new (array.constructor as new (length: number) => T)(
    Math.max(length, array.length * 2),
  );
  copy.set(array);
  return copy;
}
