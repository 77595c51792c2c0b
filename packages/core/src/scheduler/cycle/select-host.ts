/**
 * Picking the node with the highest total score, ties broken at random (upstream's
 * `selectHost`).
 *
 * @module
 */
import type { NodeInfo } from '../framework/node-info.js';

/**
 * The node of `nodes` with the highest `totals[i]`; among equal ones each has the same
 * chance, drawn one at a time as reservoir sampling does (the i-th tie replaces the
 * choice when `random() × i < 1`), so a seeded `random` makes the choice repeatable.
 *
 * Caveat: `nodes` must not be empty.
 */
export function selectHost(
  nodes: readonly NodeInfo[],
  totals: ArrayLike<number>,
  random: () => number,
): NodeInfo {
  let selected = nodes[0] as NodeInfo;
  let best = totals[0] ?? 0;
  let ties = 1;
  for (let i = 1; i < nodes.length; i++) {
    const total = totals[i] ?? 0;
    if (total > best) {
      best = total;
      selected = nodes[i] as NodeInfo;
      ties = 1;
    } else if (total === best) {
      ties++;
      if (Math.floor(random() * ties) === 0) {
        selected = nodes[i] as NodeInfo;
      }
    }
  }
  return selected;
}
