/**
 * Upstream's defaults for a node (`SetDefaults_NodeStatus`).
 *
 * @module
 */
import type { Node } from '../../api/kinds/core-v1/index.js';

/**
 * The node with `status.allocatable` defaulting to `status.capacity` when only the
 * capacity is reported.
 *
 * Guarantees: never changes its argument; idempotent; returns the argument itself when
 * nothing is missing.
 */
export function defaultNode(node: Node): Node {
  const status = node.status;
  if (status?.capacity === undefined || status.allocatable !== undefined) {
    return node;
  }
  return { ...node, status: { ...status, allocatable: { ...status.capacity } } };
}
