/**
 * A pod's topology spread constraints, parsed once per pod object: the selector
 * compiled (with `matchLabelKeys` merged in), the optional fields defaulted as
 * upstream's `filterTopologySpreadConstraints` does.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Pod, TopologySpreadConstraint } from '../../../api/kinds/index.js';
import {
  labelSelectorAsSelector,
  type LabelSelector,
  type LabelSelectorObject,
  type LabelSelectorRequirementObject,
} from '../../../api/selectors/index.js';

/** The node label upstream treats as "one domain per node" (`v1.LabelHostname`). */
export const HOSTNAME_TOPOLOGY_KEY = 'kubernetes.io/hostname';

/** `DoNotSchedule` (filtered) or `ScheduleAnyway` (scored). */
export type UnsatisfiableConstraintAction = TopologySpreadConstraint['whenUnsatisfiable'];

/**
 * One constraint, ready for the hot loops: every field defaulted, the selector
 * compiled, and what the loops would otherwise recompute per node.
 */
export interface ParsedSpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly selector: LabelSelector;
  /** `minDomains`, 1 when absent (as upstream). */
  readonly minDomains: number;
  /** `nodeAffinityPolicy` is `Honor` (the default). */
  readonly honorNodeAffinity: boolean;
  /** `nodeTaintsPolicy` is `Honor` (default `Ignore`). */
  readonly honorNodeTaints: boolean;
  /** 1 when the incoming pod matches its own selector, else 0. */
  readonly selfMatch: 0 | 1;
  /**
   * Identifies "pods of `namespace` matching `selector`" across pods, so that
   * per-node counts can be cached between scheduling cycles; `undefined` when the
   * selector matches nothing.
   */
  readonly countKey: string | undefined;
  /** The pod's namespace: only pods there are counted. */
  readonly namespace: string;
}

/**
 * Parses the `action` constraints among `constraints` for `pod`, as upstream's
 * `filterTopologySpreadConstraints`: `matchLabelKeys` adds `key=<pod's value>` for
 * each key the pod has (a null `labelSelector` plus such keys selects by those
 * labels alone, as upstream's merge does); `minDomains` defaults to 1,
 * `nodeAffinityPolicy` to `Honor`, `nodeTaintsPolicy` to `Ignore`.
 *
 * `selectorOverride`, when given, replaces every constraint's `labelSelector`
 * (default constraints take the pod's workload selector).
 *
 * Errors: `left(message)` naming the first constraint whose selector is invalid,
 * with its field path (`spec.topologySpreadConstraints[0].labelSelector...`).
 */
export function parseSpreadConstraints(args: {
  readonly pod: Pod;
  readonly constraints: readonly TopologySpreadConstraint[];
  readonly action: UnsatisfiableConstraintAction;
  readonly path: string;
  readonly selectorOverride?: LabelSelectorObject;
}): Either<string, readonly ParsedSpreadConstraint[]> {
  const { pod, constraints, action } = args;
  const podLabels = pod.metadata?.labels ?? {};
  const namespace = pod.metadata?.namespace ?? '';
  const parsed: ParsedSpreadConstraint[] = [];
  for (let index = 0; index < constraints.length; index++) {
    const constraint = constraints[index] as TopologySpreadConstraint;
    if (constraint.whenUnsatisfiable !== action) {
      continue;
    }
    const path = `${args.path}[${index}].labelSelector`;
    const selectorObject = mergeMatchLabelKeys(
      args.selectorOverride ?? constraint.labelSelector,
      constraint.matchLabelKeys ?? [],
      podLabels,
    );
    const selector = labelSelectorAsSelector(selectorObject, { path });
    if (selector._tag === 'Left') {
      return left(`invalid topology spread constraint: ${selector.left.message}`);
    }
    parsed.push(
      Object.freeze({
        maxSkew: constraint.maxSkew,
        topologyKey: constraint.topologyKey,
        selector: selector.right,
        minDomains: constraint.minDomains ?? 1,
        honorNodeAffinity: (constraint.nodeAffinityPolicy ?? 'Honor') === 'Honor',
        honorNodeTaints: (constraint.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
        selfMatch: selector.right.matches(podLabels) ? 1 : 0,
        countKey: selector.right.isNothing
          ? undefined
          : `${namespace}\n${selector.right.toString()}`,
        namespace,
      }),
    );
  }
  return right(Object.freeze(parsed));
}

/**
 * The selector with `key In (<pod's value>)` added for each of `keys` the pod has:
 * ANDed with the existing requirements, as upstream merges a label set into a
 * selector (an `=` on a key already constrained narrows, never widens).
 */
function mergeMatchLabelKeys(
  selector: LabelSelectorObject | undefined,
  keys: readonly string[],
  podLabels: Readonly<Record<string, string>>,
): LabelSelectorObject | undefined {
  const added: LabelSelectorRequirementObject[] = [];
  for (const key of keys) {
    const value = Object.hasOwn(podLabels, key) ? podLabels[key] : undefined;
    if (value !== undefined) {
      added.push({ key, operator: 'In', values: [value] });
    }
  }
  if (added.length === 0) {
    return selector;
  }
  return {
    ...(selector?.matchLabels === undefined ? {} : { matchLabels: selector.matchLabels }),
    matchExpressions: [...(selector?.matchExpressions ?? []), ...added],
  };
}
