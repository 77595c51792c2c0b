/**
 * What a plugin answers at an extension point: nothing (`undefined`) for success, or a
 * {@link PluginStatus} naming why the pod cannot go there.
 *
 * @module
 */

/**
 * The outcomes other than success, as upstream's framework codes:
 * - `Unschedulable`: not on this node now; preemption or a cluster change may help;
 * - `UnschedulableAndUnresolvable`: not on this node, and evicting pods will not help;
 * - `Skip`: (PreFilter, PreScore, Bind) this plugin has nothing to do for this pod;
 * - `Error`: the plugin failed; the pod is retried with backoff.
 */
export type PluginCode = 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Skip' | 'Error';

/** A plugin's answer other than success: its code and the reasons shown to users. */
export interface PluginStatus {
  readonly code: PluginCode;
  /**
   * The reasons, in upstream's words: `FailedScheduling` events count them across
   * nodes (`0/3 nodes are available: 3 Insufficient cpu.`).
   */
  readonly reasons: readonly string[];
}

/** `Unschedulable` with `reasons`. */
export function unschedulable(...reasons: readonly string[]): PluginStatus {
  return { code: 'Unschedulable', reasons };
}

/** `UnschedulableAndUnresolvable` with `reasons`. */
export function unresolvable(...reasons: readonly string[]): PluginStatus {
  return { code: 'UnschedulableAndUnresolvable', reasons };
}

/** The `Skip` status. */
export const SKIP: PluginStatus = Object.freeze({ code: 'Skip', reasons: Object.freeze([]) });

/** `Error` with `message` as its reason. */
export function pluginError(message: string): PluginStatus {
  return { code: 'Error', reasons: [message] };
}
