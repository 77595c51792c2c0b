/**
 * Which pods upstream's pod garbage collector (`podgc`) deletes, as pure functions.
 *
 * @module
 */
import type { Node, Pod } from '../../api/kinds/index.js';

/** The taint that lets pods on a lost node be deleted: `node.kubernetes.io/out-of-service`. */
export const TAINT_NODE_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

/**
 * Whether the pod has terminated, as upstream's podgc reads it: its phase is neither
 * `Pending`, `Running` nor `Unknown` (so `Succeeded`, `Failed`, or none at all).
 */
export function isPodTerminated(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Pending' && phase !== 'Running' && phase !== 'Unknown';
}

/** Whether the pod is being deleted (has a `deletionTimestamp`). */
export function isPodTerminating(pod: Pod): boolean {
  return (pod.metadata?.deletionTimestamp ?? null) !== null;
}

/**
 * Whether terminating pods on `node` may be force-deleted: the node is not `Ready`
 * and has the {@link TAINT_NODE_OUT_OF_SERVICE} taint (any effect), as upstream.
 */
export function isNodeOutOfService(node: Node): boolean {
  const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready');
  return (
    ready?.status !== 'True' &&
    (node.spec?.taints ?? []).some((taint) => taint.key === TAINT_NODE_OUT_OF_SERVICE)
  );
}

/**
 * The terminated pods to delete so that at most `threshold` remain: evicted ones
 * (`Failed` with reason `Evicted`) first, then the oldest by `creationTimestamp`, then
 * by name, as upstream's `byEvictionAndCreationTimestamp`.
 *
 * Guarantees: pure; answers nothing when `threshold` is 0 or less (disabled) or not
 * exceeded.
 */
export function terminatedPodsOverThreshold(terminated: readonly Pod[], threshold: number): Pod[] {
  const excess = terminated.length - threshold;
  if (threshold <= 0 || excess <= 0) {
    return [];
  }
  return [...terminated].sort(byEvictionAndCreation).slice(0, excess);
}

function byEvictionAndCreation(a: Pod, b: Pod): number {
  const evictedA = isEvicted(a);
  const evictedB = isEvicted(b);
  if (evictedA !== evictedB) {
    return evictedA ? -1 : 1;
  }
  const createdA = a.metadata?.creationTimestamp ?? '';
  const createdB = b.metadata?.creationTimestamp ?? '';
  if (createdA !== createdB) {
    return createdA < createdB ? -1 : 1;
  }
  const nameA = `${a.metadata?.namespace ?? ''}/${a.metadata?.name ?? ''}`;
  const nameB = `${b.metadata?.namespace ?? ''}/${b.metadata?.name ?? ''}`;
  return nameA < nameB ? -1 : nameA > nameB ? 1 : 0;
}

function isEvicted(pod: Pod): boolean {
  return pod.status?.phase === 'Failed' && pod.status.reason === 'Evicted';
}
