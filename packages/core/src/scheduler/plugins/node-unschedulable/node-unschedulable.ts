/**
 * The NodeUnschedulable plugin: cordoned nodes (`spec.unschedulable`) take no pods,
 * except those tolerating the `node.kubernetes.io/unschedulable:NoSchedule` taint.
 *
 * @module
 */
import type { Taint } from '../../../api/kinds/index.js';
import { tolerationToleratesTaint } from '../../../api/scheduling/index.js';
import type { SchedulerPlugin } from '../../framework/plugin.js';
import { SKIP, unresolvable } from '../../framework/plugin-status.js';

/** The plugin's name, as upstream. */
export const NODE_UNSCHEDULABLE = 'NodeUnschedulable';

/** Upstream's reason: `node(s) were unschedulable`. */
export const NODE_WAS_UNSCHEDULABLE = 'node(s) were unschedulable';

const UNSCHEDULABLE_TAINT: Taint = Object.freeze({
  key: 'node.kubernetes.io/unschedulable',
  effect: 'NoSchedule',
});

const CORDONED = Object.freeze(unresolvable(NODE_WAS_UNSCHEDULABLE));

/**
 * NodeUnschedulable: a node with `spec.unschedulable: true` fits only pods with a
 * toleration of `node.kubernetes.io/unschedulable` (effect `NoSchedule`);
 * `UnschedulableAndUnresolvable`, {@link NODE_WAS_UNSCHEDULABLE}, for the others.
 * PreFilter skips the Filter when the snapshot counts no cordoned node.
 */
export function nodeUnschedulable(): SchedulerPlugin {
  return {
    name: NODE_UNSCHEDULABLE,
    // No cordoned node: the Filter would pass every node.
    preFilter: ({ snapshot }) => (snapshot.unschedulableNodeCount === 0 ? SKIP : undefined),
    filter: ({ pod }, node) => {
      if (!(node.unschedulable ?? node.node.spec?.unschedulable === true)) {
        return undefined;
      }
      const tolerations = pod.spec?.tolerations ?? [];
      return tolerations.some((toleration) =>
        tolerationToleratesTaint(toleration, UNSCHEDULABLE_TAINT),
      )
        ? undefined
        : CORDONED;
    },
  };
}
