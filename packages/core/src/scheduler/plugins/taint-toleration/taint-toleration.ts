/**
 * The TaintToleration plugin: a pod fits a node only if it tolerates the node's
 * `NoSchedule` and `NoExecute` taints, and prefers nodes with fewer untolerated
 * `PreferNoSchedule` taints.
 *
 * @module
 */
import type { Taint, Toleration } from '../../../api/kinds/index.js';
import { findUntoleratedTaint, tolerationToleratesTaint } from '../../../api/scheduling/index.js';
import type { NodeInfo } from '../../framework/node-info.js';
import type { SchedulerPlugin } from '../../framework/plugin.js';
import { SKIP, unresolvable } from '../../framework/plugin-status.js';
import { defaultNormalizeScore } from '../normalize-score.js';

/** The plugin's name, as upstream. */
export const TAINT_TOLERATION = 'TaintToleration';

/** Upstream's reason: `node(s) had untolerated taint {key: value}`. */
export function untoleratedTaintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

const NO_TOLERATIONS: readonly Toleration[] = Object.freeze([]);

function hasPreferNoSchedule(taints: readonly Taint[] | undefined): boolean {
  if (taints === undefined) {
    return false;
  }
  for (let i = 0; i < taints.length; i++) {
    if ((taints[i] as Taint).effect === 'PreferNoSchedule') {
      return true;
    }
  }
  return false;
}

function blocksScheduling(taint: Taint): boolean {
  return taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';
}

/**
 * How many of the node's `PreferNoSchedule` taints none of the pod's tolerations with
 * an empty or `PreferNoSchedule` effect tolerates.
 */
export function countIntolerablePreferNoSchedule(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
): number {
  let count = 0;
  for (const taint of taints) {
    if (taint.effect !== 'PreferNoSchedule') {
      continue;
    }
    const tolerated = tolerations.some(
      (toleration) =>
        (toleration.effect === undefined || toleration.effect === 'PreferNoSchedule') &&
        tolerationToleratesTaint(toleration, taint),
    );
    if (!tolerated) {
      count++;
    }
  }
  return count;
}

/**
 * TaintToleration: Filter is `UnschedulableAndUnresolvable` with
 * {@link untoleratedTaintReason} for the first untolerated `NoSchedule` or `NoExecute`
 * taint; Score counts untolerated `PreferNoSchedule` taints, normalized in reverse
 * (fewest is 100). PreScore skips the Score when no feasible node has such a taint
 * (every node would score 100, which changes no choice); PreFilter skips the Filter
 * when the snapshot counts no tainted node.
 */
export function taintToleration(): SchedulerPlugin {
  return {
    name: TAINT_TOLERATION,
    // No tainted node: the Filter would pass every node.
    preFilter: ({ snapshot }) => (snapshot.taintedNodeCount === 0 ? SKIP : undefined),
    filter: ({ pod }, node) => {
      const taints = node.taints ?? node.node.spec?.taints;
      if (taints === undefined || taints.length === 0) {
        return undefined;
      }
      const taint = findUntoleratedTaint({
        taints,
        tolerations: pod.spec?.tolerations ?? NO_TOLERATIONS,
        filter: blocksScheduling,
      });
      return taint === undefined ? undefined : unresolvable(untoleratedTaintReason(taint));
    },
    // Without PreferNoSchedule taints every node scores 100: skipping changes no choice.
    preScore: ({ snapshot }, nodes) => {
      if (snapshot.taintedNodeCount === 0) {
        return SKIP;
      }
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i] as NodeInfo;
        if (hasPreferNoSchedule(node.taints ?? node.node.spec?.taints)) {
          return undefined;
        }
      }
      return SKIP;
    },
    score: ({ pod }, node) => {
      const taints = node.taints ?? node.node.spec?.taints;
      if (taints === undefined || taints.length === 0) {
        return 0;
      }
      return countIntolerablePreferNoSchedule(taints, pod.spec?.tolerations ?? NO_TOLERATIONS);
    },
    normalizeScores: (_cycle, scores) => defaultNormalizeScore(scores, true),
  };
}
