/**
 * Whether a node's pods count toward a constraint's domains, by the constraint's
 * `nodeAffinityPolicy` and `nodeTaintsPolicy` (upstream's `matchNodeInclusionPolicies`).
 *
 * @module
 */
import type { Pod, Taint } from '../../../api/kinds/index.js';
import { findUntoleratedTaint, podMatchesNodeConstraints } from '../../../api/scheduling/index.js';
import type { NodeInfo } from '../../framework/index.js';
import type { ParsedSpreadConstraint } from './spread-constraint.js';

const doNotScheduleTaints = (taint: Taint): boolean =>
  taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';

/**
 * Answers the two inclusion questions for one node, each computed at most once
 * however many constraints ask (reset with {@link NodeInclusion.reset} per node).
 */
export class NodeInclusion {
  private node: NodeInfo | undefined;
  private affinity: boolean | undefined;
  private taints: boolean | undefined;

  /** Whether the pod has a node selector or required node affinity at all. */
  private readonly podHasNodeConstraints: boolean;

  /** For `pod`, whose node selector and required node affinity `Honor` applies. */
  constructor(private readonly pod: Pod) {
    const spec = pod.spec;
    this.podHasNodeConstraints =
      spec?.nodeSelector !== undefined ||
      spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution !== undefined;
  }

  /**
   * Whether {@link NodeInclusion.includes} can answer other than true for these
   * constraints: a fast path for the common pod without node constraints.
   */
  mayExclude(constraints: readonly ParsedSpreadConstraint[]): boolean {
    return constraints.some(
      (constraint) =>
        constraint.honorNodeTaints || (constraint.honorNodeAffinity && this.podHasNodeConstraints),
    );
  }

  /** Starts answering for `node`. */
  reset(node: NodeInfo): void {
    this.node = node;
    this.affinity = undefined;
    this.taints = undefined;
  }

  /** Whether `constraint` counts the current node's pods. */
  includes(constraint: ParsedSpreadConstraint): boolean {
    const node = this.node;
    if (node === undefined) {
      return false;
    }
    if (constraint.honorNodeAffinity && this.podHasNodeConstraints) {
      this.affinity ??= podMatchesNodeConstraints(this.pod, node.node);
      if (!this.affinity) {
        return false;
      }
    }
    if (constraint.honorNodeTaints) {
      this.taints ??=
        findUntoleratedTaint({
          taints: node.node.spec?.taints ?? [],
          tolerations: this.pod.spec?.tolerations ?? [],
          filter: doNotScheduleTaints,
        }) === undefined;
      if (!this.taints) {
        return false;
      }
    }
    return true;
  }
}
