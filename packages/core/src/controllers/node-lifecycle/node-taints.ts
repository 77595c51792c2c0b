/**
 * The taints the node lifecycle controller keeps on a node so that they say what its
 * conditions and `spec.unschedulable` say (upstream's `doNoScheduleTaintingPass` and
 * `doNoExecuteTaintingPass`, without their rate limiting).
 *
 * @module
 */
import type { Node, NodeCondition, Taint } from '../../api/kinds/index.js';

/** `node.kubernetes.io/not-ready`: the node's `Ready` condition is `False`. */
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
/** `node.kubernetes.io/unreachable`: the node's `Ready` condition is `Unknown`. */
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
/** `node.kubernetes.io/unschedulable`: the node's `spec.unschedulable` is `true`. */
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
/** `node.kubernetes.io/memory-pressure`: `MemoryPressure` is `True`. */
export const TAINT_NODE_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
/** `node.kubernetes.io/disk-pressure`: `DiskPressure` is `True`. */
export const TAINT_NODE_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
/** `node.kubernetes.io/pid-pressure`: `PIDPressure` is `True`. */
export const TAINT_NODE_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
/** `node.kubernetes.io/network-unavailable`: `NetworkUnavailable` is `True`. */
export const TAINT_NODE_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

/** One taint the controller manages: its key, effect, and when the node should have it. */
interface ManagedTaint {
  readonly key: string;
  readonly effect: 'NoSchedule' | 'NoExecute';
  readonly wanted: (node: Node) => boolean;
}

const conditionIs =
  (type: string, status: NodeCondition['status']) =>
  (node: Node): boolean =>
    conditionStatus(node, type) === status;

const MANAGED_TAINTS: readonly ManagedTaint[] = [
  { key: TAINT_NODE_NOT_READY, effect: 'NoSchedule', wanted: conditionIs('Ready', 'False') },
  { key: TAINT_NODE_UNREACHABLE, effect: 'NoSchedule', wanted: conditionIs('Ready', 'Unknown') },
  {
    key: TAINT_NODE_MEMORY_PRESSURE,
    effect: 'NoSchedule',
    wanted: conditionIs('MemoryPressure', 'True'),
  },
  {
    key: TAINT_NODE_DISK_PRESSURE,
    effect: 'NoSchedule',
    wanted: conditionIs('DiskPressure', 'True'),
  },
  {
    key: TAINT_NODE_PID_PRESSURE,
    effect: 'NoSchedule',
    wanted: conditionIs('PIDPressure', 'True'),
  },
  {
    key: TAINT_NODE_NETWORK_UNAVAILABLE,
    effect: 'NoSchedule',
    wanted: conditionIs('NetworkUnavailable', 'True'),
  },
  {
    key: TAINT_NODE_UNSCHEDULABLE,
    effect: 'NoSchedule',
    wanted: (node) => node.spec?.unschedulable === true,
  },
  { key: TAINT_NODE_NOT_READY, effect: 'NoExecute', wanted: conditionIs('Ready', 'False') },
  { key: TAINT_NODE_UNREACHABLE, effect: 'NoExecute', wanted: conditionIs('Ready', 'Unknown') },
];

/**
 * The taints the node should have, or `undefined` when it has them already:
 * - `Ready=False` → `not-ready` NoSchedule and NoExecute; `Ready=Unknown` →
 *   `unreachable` NoSchedule and NoExecute; `Ready=True` → neither;
 * - `MemoryPressure`, `DiskPressure`, `PIDPressure`, `NetworkUnavailable` `True` → the
 *   matching `*-pressure` / `network-unavailable` NoSchedule taint;
 * - `spec.unschedulable: true` → `unschedulable` NoSchedule.
 *
 * Guarantees: pure; taints the controller does not manage, and managed ones that stay,
 * are kept as they are and in their order (a NoExecute taint keeps its `timeAdded`);
 * new ones come last, NoExecute ones with `timeAdded` = `now`. Allocates nothing when
 * the node's taints are already right.
 *
 * Caveats: a node without a `Ready` condition gets no readiness taint (as upstream, the
 * node has not reported yet: the kubelet registers with its own `not-ready` taint).
 */
export function taintsForNodeState(node: Node, now: string): Taint[] | undefined {
  const current = node.spec?.taints ?? [];
  if (!taintsNeedChange(node, current)) {
    return undefined;
  }
  const next: Taint[] = current.filter((taint) => {
    const managed = managedTaintOf(taint);
    return managed === undefined || managed.wanted(node);
  });
  for (const managed of MANAGED_TAINTS) {
    if (managed.wanted(node) && !hasTaint(next, managed)) {
      next.push(
        managed.effect === 'NoExecute'
          ? { key: managed.key, effect: managed.effect, timeAdded: now }
          : { key: managed.key, effect: managed.effect },
      );
    }
  }
  return next;
}

/** The status of the node's condition of `type`, or `undefined` without one. */
export function conditionStatus(node: Node, type: string): NodeCondition['status'] | undefined {
  const conditions = node.status?.conditions;
  if (conditions === undefined) {
    return undefined;
  }
  for (const condition of conditions) {
    if (condition.type === type) {
      return condition.status;
    }
  }
  return undefined;
}

function taintsNeedChange(node: Node, current: readonly Taint[]): boolean {
  for (const taint of current) {
    const managed = managedTaintOf(taint);
    if (managed !== undefined && !managed.wanted(node)) {
      return true;
    }
  }
  for (const managed of MANAGED_TAINTS) {
    if (managed.wanted(node) && !hasTaint(current, managed)) {
      return true;
    }
  }
  return false;
}

function managedTaintOf(taint: Taint): ManagedTaint | undefined {
  for (const managed of MANAGED_TAINTS) {
    if (managed.key === taint.key && managed.effect === taint.effect) {
      return managed;
    }
  }
  return undefined;
}

function hasTaint(taints: readonly Taint[], managed: ManagedTaint): boolean {
  for (const taint of taints) {
    if (taint.key === managed.key && taint.effect === managed.effect) {
      return true;
    }
  }
  return false;
}
