/**
 * The message of a pod that fits no node, in upstream's `FitError` form:
 * `0/3 nodes are available: 1 node(s) had untolerated taint {a: b}, 2 Insufficient cpu.`
 *
 * @module
 */

/** Upstream's message when the cluster has no node at all. */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** Why a pod fits no node: how many nodes there are, and the reasons counted across them. */
export interface FitFailure {
  readonly numAllNodes: number;
  /** How many nodes gave each reason (a node may give several). */
  readonly reasons: ReadonlyMap<string, number>;
  /** The message of a PreFilter that failed the pod on every node, when one did. */
  readonly preFilterMessage?: string;
}

/**
 * `0/<n> nodes are available: <count> <reason>, ....`: the reasons' counts as
 * `"<count> <reason>"` strings, sorted, joined with `, `; a failed PreFilter's message
 * instead when there is one. {@link NO_NODES_AVAILABLE} without nodes.
 *
 * Caveat: upstream appends the preemption outcome (`preemption: ...`); there is no
 * preemption here.
 */
export function fitErrorMessage(failure: FitFailure): string {
  if (failure.numAllNodes === 0 && failure.preFilterMessage === undefined) {
    return NO_NODES_AVAILABLE;
  }
  const head = `0/${failure.numAllNodes} nodes are available:`;
  if (failure.preFilterMessage !== undefined) {
    return `${head} ${failure.preFilterMessage}.`;
  }
  const counted: string[] = [];
  for (const [reason, count] of failure.reasons) {
    counted.push(`${count} ${reason}`);
  }
  counted.sort();
  return `${head} ${counted.join(', ')}.`;
}
