/**
 * What the node lifecycle controller writes into a node's conditions when its kubelet
 * has been silent longer than the grace period (upstream's `tryUpdateNodeHealth`).
 *
 * @module
 */
import type { Node, NodeCondition } from '../../api/kinds/index.js';

/** The conditions the controller turns `Unknown` (not `NetworkUnavailable`, as upstream). */
export const CONDITIONS_SET_UNKNOWN: readonly string[] = Object.freeze([
  'Ready',
  'MemoryPressure',
  'DiskPressure',
  'PIDPressure',
]);

/** The reason of a condition the controller turned `Unknown`. */
export const NODE_STATUS_UNKNOWN_REASON = 'NodeStatusUnknown';
/** The message of a condition the controller turned `Unknown`. */
export const NODE_STATUS_UNKNOWN_MESSAGE = 'Kubelet stopped posting node status.';
/** The reason of a condition the kubelet never posted, added as `Unknown`. */
export const NODE_STATUS_NEVER_UPDATED_REASON = 'NodeStatusNeverUpdated';
/** The message of a condition the kubelet never posted, added as `Unknown`. */
export const NODE_STATUS_NEVER_UPDATED_MESSAGE = 'Kubelet never posted node status.';

/**
 * The node's conditions once it is deemed lost: each of {@link CONDITIONS_SET_UNKNOWN}
 * that is not `Unknown` becomes `Unknown` (reason `NodeStatusUnknown`, message
 * `Kubelet stopped posting node status.`, `lastTransitionTime` = `now`,
 * `lastHeartbeatTime` kept); a missing one is added as `Unknown` (reason
 * `NodeStatusNeverUpdated`, its heartbeat the node's creation time). Other conditions
 * are kept as they are.
 *
 * Answers `undefined` when the `Ready` condition would not change: as upstream, the
 * status is written only when `Ready` changes.
 *
 * Guarantees: pure; `node` is not modified.
 */
export function conditionsOfLostNode(node: Node, now: string): NodeCondition[] | undefined {
  const conditions = node.status?.conditions ?? [];
  const ready = conditions.find((condition) => condition.type === 'Ready');
  if (ready?.status === 'Unknown') {
    return undefined;
  }
  const created = node.metadata?.creationTimestamp ?? now;
  const next: NodeCondition[] = conditions.map((condition) =>
    CONDITIONS_SET_UNKNOWN.includes(condition.type) && condition.status !== 'Unknown'
      ? {
          ...condition,
          status: 'Unknown',
          reason: NODE_STATUS_UNKNOWN_REASON,
          message: NODE_STATUS_UNKNOWN_MESSAGE,
          lastTransitionTime: now,
        }
      : condition,
  );
  for (const type of CONDITIONS_SET_UNKNOWN) {
    if (!conditions.some((condition) => condition.type === type)) {
      next.push({
        type,
        status: 'Unknown',
        reason: NODE_STATUS_NEVER_UPDATED_REASON,
        message: NODE_STATUS_NEVER_UPDATED_MESSAGE,
        lastHeartbeatTime: created,
        lastTransitionTime: now,
      });
    }
  }
  return next;
}
