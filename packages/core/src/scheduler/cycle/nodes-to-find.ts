/**
 * How many feasible nodes a scheduling cycle looks for before it stops filtering
 * (upstream's `numFeasibleNodesToFind` and `percentageOfNodesToScore`).
 *
 * @module
 */

/** Below this many nodes, every node is filtered; never fewer are looked for (upstream's 100). */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;

/** The smallest adaptive percentage (upstream's 5). */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * How many feasible nodes to find among `nodeCount`: all of them below
 * {@link MIN_FEASIBLE_NODES_TO_FIND} nodes or with a `percentage` of 100 or more;
 * otherwise `percentage` of them (when not given or 0, the adaptive
 * `max(5, 50 - nodeCount / 125)` percent), and at least 100.
 */
export function numFeasibleNodesToFind(nodeCount: number, percentage = 0): number {
  if (nodeCount < MIN_FEASIBLE_NODES_TO_FIND || percentage >= 100) {
    return nodeCount;
  }
  let share = percentage;
  if (share <= 0) {
    share = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(nodeCount / 125));
  }
  const count = Math.trunc((nodeCount * share) / 100);
  return Math.max(count, MIN_FEASIBLE_NODES_TO_FIND);
}
