/**
 * The NodeName plugin: a pod that names its node (`spec.nodeName`) fits only there.
 *
 * @module
 */
import type { SchedulerPlugin } from '../../framework/plugin.js';
import { SKIP, unresolvable } from '../../framework/plugin-status.js';

/** The plugin's name, as upstream. */
export const NODE_NAME = 'NodeName';

/** Upstream's reason: `node(s) didn't match the requested node name`. */
export const NODE_NAME_MISMATCH = "node(s) didn't match the requested node name";

const MISMATCH = Object.freeze(unresolvable(NODE_NAME_MISMATCH));

/**
 * NodeName: filters out every node but `spec.nodeName` when the pod sets it
 * (`UnschedulableAndUnresolvable`, {@link NODE_NAME_MISMATCH}); PreFilter skips the
 * Filter for the others.
 *
 * Caveat: the scheduler only schedules pods without `spec.nodeName`, so this matters
 * for plugins and profiles that reuse the filter (as upstream keeps it for preemption).
 */
export function nodeName(): SchedulerPlugin {
  return {
    name: NODE_NAME,
    // Without a node name the Filter passes every node: skipping it changes nothing.
    preFilter: ({ pod }) => ((pod.spec?.nodeName ?? '') === '' ? SKIP : undefined),
    filter: ({ pod }, node) => {
      const wanted = pod.spec?.nodeName;
      return wanted === undefined || wanted === '' || wanted === node.name ? undefined : MISMATCH;
    },
  };
}
