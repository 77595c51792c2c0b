/**
 * Which spread constraints apply to a pod: its own, or else the plugin's default
 * constraints with the pod's workload selector, parsed once per pod object.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { right } from 'fp-ts/lib/Either.js';
import type { Pod, TopologySpreadConstraint } from '../../../api/kinds/index.js';
import type { LabelSelectorObject } from '../../../api/selectors/index.js';
import {
  HOSTNAME_TOPOLOGY_KEY,
  parseSpreadConstraints,
  type ParsedSpreadConstraint,
  type UnsatisfiableConstraintAction,
} from './spread-constraint.js';

/**
 * Upstream's system default constraints (`DefaultingType: System`): zones with
 * maxSkew 5 and hosts with maxSkew 3, both `ScheduleAnyway`. Passing this very array
 * as `defaultConstraints` also turns on upstream's leniency for system defaults:
 * scoring does not ignore nodes that miss a topology label.
 */
export const SYSTEM_DEFAULT_SPREAD_CONSTRAINTS: readonly TopologySpreadConstraint[] = Object.freeze(
  [
    Object.freeze({
      topologyKey: 'topology.kubernetes.io/zone',
      maxSkew: 5,
      whenUnsatisfiable: 'ScheduleAnyway' as const,
    }),
    Object.freeze({
      topologyKey: HOSTNAME_TOPOLOGY_KEY,
      maxSkew: 3,
      whenUnsatisfiable: 'ScheduleAnyway' as const,
    }),
  ],
);

/**
 * The selector default constraints count with when the pod has no constraints of
 * its own. Upstream merges the selectors of the Services, ReplicationControllers,
 * ReplicaSets and StatefulSets selecting the pod; the scheduler has no such listers
 * here, so the default is the pod's own labels when it has a controller owner (pods
 * of one ReplicaSet share their template's labels, `pod-template-hash` included) and
 * none otherwise.
 */
export type DefaultSpreadSelector = (pod: Pod) => LabelSelectorObject | undefined;

/** The default {@link DefaultSpreadSelector}: the labels of a controller-owned pod. */
export const controllerOwnedPodLabels: DefaultSpreadSelector = (pod) => {
  const labels = pod.metadata?.labels;
  const owned = (pod.metadata?.ownerReferences ?? []).some((owner) => owner.controller === true);
  return owned && labels !== undefined && Object.keys(labels).length > 0
    ? { matchLabels: labels }
    : undefined;
};

/** The constraints of one kind for a pod, or why they could not be read. */
export type SpreadConstraintsResult = Either<string, readonly ParsedSpreadConstraint[]>;

const NONE: SpreadConstraintsResult = right(Object.freeze([]));

/**
 * Reads the constraints of either kind that apply to a pod, remembered for the pod
 * object asked about last (pods are frozen): the scheduling cycle's pod.
 */
export class PodSpreadConstraints {
  // The constraints of the pod asked about last: PreFilter and PreScore ask about the
  // cycle's pod in turn (a WeakMap entry per pod would outlive its use by far).
  private lastPod: Pod | undefined;
  private lastEntry: Partial<Record<UnsatisfiableConstraintAction, SpreadConstraintsResult>> = {};

  /** `defaults` apply to pods without constraints of their own, with `defaultSelector`. */
  constructor(
    private readonly defaults: readonly TopologySpreadConstraint[],
    private readonly defaultSelector: DefaultSpreadSelector,
  ) {}

  /** Whether the defaults are upstream's system defaults (scoring is then lenient). */
  get systemDefaulted(): boolean {
    return this.defaults === SYSTEM_DEFAULT_SPREAD_CONSTRAINTS;
  }

  /**
   * The `action` constraints for `pod` (its own when it has any, else the defaults),
   * computed once per pod object and action while it is the pod asked about.
   */
  of(pod: Pod, action: UnsatisfiableConstraintAction): SpreadConstraintsResult {
    if (this.lastPod !== pod) {
      this.lastPod = pod;
      this.lastEntry = {};
    }
    const entry = this.lastEntry;
    const known = entry[action];
    if (known !== undefined) {
      return known;
    }
    const computed = this.compute(pod, action);
    entry[action] = computed;
    return computed;
  }

  private compute(pod: Pod, action: UnsatisfiableConstraintAction): SpreadConstraintsResult {
    const own = pod.spec?.topologySpreadConstraints ?? [];
    if (own.length > 0) {
      return parseSpreadConstraints({
        pod,
        constraints: own,
        action,
        path: 'spec.topologySpreadConstraints',
      });
    }
    if (!this.defaults.some((constraint) => constraint.whenUnsatisfiable === action)) {
      return NONE;
    }
    const selector = this.defaultSelector(pod);
    // Upstream: an empty workload selector means no default spreading.
    if (selector === undefined || isEmptySelector(selector)) {
      return NONE;
    }
    return parseSpreadConstraints({
      pod,
      constraints: this.defaults,
      action,
      path: 'defaultConstraints',
      selectorOverride: selector,
    });
  }
}

function isEmptySelector(selector: LabelSelectorObject): boolean {
  return (
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0
  );
}

/** Whether `labels` has every constraint's topology key (upstream's `nodeLabelsMatchSpreadConstraints`). */
export function hasAllTopologyKeys(
  labels: Readonly<Record<string, string>>,
  constraints: readonly ParsedSpreadConstraint[],
): boolean {
  for (let i = 0; i < constraints.length; i++) {
    if (typeof labels[(constraints[i] as ParsedSpreadConstraint).topologyKey] !== 'string') {
      return false;
    }
  }
  return true;
}
