/**
 * What the node lifecycle controller remembers of each node between its passes: when
 * it last heard from the kubelet (upstream's `nodeHealthData`).
 *
 * @module
 */
import type { Lease, Node, NodeCondition } from '../../api/kinds/index.js';
import { findCondition } from '../../reconcile/helpers/index.js';

/**
 * One node's health record. Mutable, owned by one controller: it is updated in place
 * at each pass so that a pass over thousands of quiet nodes allocates nothing.
 */
export interface NodeHealth {
  /** The node's name (the name of its Lease too). */
  readonly name: string;
  /** The key of its Lease in a cache, `kube-node-lease/<name>`. */
  readonly leaseKey: string;
  /** The node as last observed (from the watch, or as the controller last wrote it). */
  node: Node;
  /**
   * When the controller last heard from the kubelet, in clock milliseconds: the local
   * time it saw a new `Ready` heartbeat or a renewed Lease, as upstream.
   */
  probeTimestamp: number;
  /** Whether a pass has observed the node yet. */
  observed: boolean;
  /** The `Ready` condition's `lastHeartbeatTime` last observed (`undefined` without one). */
  readyHeartbeat: string | null | undefined;
  /** Whether the node had a `Ready` condition when last observed. */
  hadReady: boolean;
  /** The Lease object last looked at (by reference: unchanged means nothing to do). */
  leaseSeen: Lease | undefined;
  /** Whether a Lease has counted as a probe; its `renewTime` then (ms, NaN if unreadable). */
  leaseCounted: boolean;
  leaseRenewMillis: number;
  /** The node object whose taints were last checked (by reference). */
  taintsCheckedFor: Node | undefined;
  /** Whether a write for this node is in flight (one at a time per node). */
  writing: boolean;
  /** Whether the node's pods still have to be marked not ready (a failed attempt). */
  podsToMarkNotReady: boolean;
}

/** A health record for a node seen for the first time: not yet observed by a pass. */
export function newNodeHealth(node: Node): NodeHealth {
  const name = node.metadata?.name ?? '';
  return {
    name,
    leaseKey: `kube-node-lease/${name}`,
    node,
    probeTimestamp: 0,
    observed: false,
    readyHeartbeat: undefined,
    hadReady: false,
    leaseSeen: undefined,
    leaseCounted: false,
    leaseRenewMillis: Number.NaN,
    taintsCheckedFor: undefined,
    writing: false,
    podsToMarkNotReady: false,
  };
}

/** The grace periods a pass needs, in milliseconds. */
export interface GracePeriods {
  /** For a node that has posted a `Ready` condition. */
  readonly monitorGraceMillis: number;
  /** For a node that never has. */
  readonly startupGraceMillis: number;
}

/**
 * Updates `health.probeTimestamp` from what the node and its Lease show now, as
 * upstream's `tryUpdateNodeHealth`, and answers the grace period that applies:
 * - first observation: `now`, or the node's creation time if it never posted `Ready`
 *   (then the startup grace period applies);
 * - a `Ready` condition appearing, disappearing, or with a new `lastHeartbeatTime`:
 *   `now`;
 * - the first Lease seen, or one whose `renewTime` is later than the last counted:
 *   `now`.
 *
 * Guarantees: allocates nothing; an unreadable `renewTime` never counts as a renewal
 * (a first Lease counts whatever its `renewTime`, as upstream; unlike upstream, a
 * readable `renewTime` after an unreadable one counts).
 */
export function observeNodeHealth(options: {
  readonly health: NodeHealth;
  readonly lease: Lease | undefined;
  readonly now: number;
  readonly grace: GracePeriods;
}): number {
  const { health, lease, now, grace } = options;
  const ready = readyConditionOf(health.node);
  if (!health.observed) {
    health.observed = true;
    health.probeTimestamp = ready === undefined ? (creationMillis(health.node) ?? now) : now;
  } else if (health.hadReady !== (ready !== undefined)) {
    health.probeTimestamp = now;
  } else if (ready !== undefined && ready.lastHeartbeatTime !== health.readyHeartbeat) {
    health.probeTimestamp = now;
  }
  health.hadReady = ready !== undefined;
  health.readyHeartbeat = ready?.lastHeartbeatTime;
  if (lease !== undefined && lease !== health.leaseSeen) {
    health.leaseSeen = lease;
    const renewed = timeMillis(lease.spec?.renewTime);
    const laterRenewal =
      renewed > health.leaseRenewMillis ||
      (Number.isNaN(health.leaseRenewMillis) && !Number.isNaN(renewed));
    if (!health.leaseCounted || laterRenewal) {
      health.leaseCounted = true;
      health.leaseRenewMillis = renewed;
      health.probeTimestamp = now;
    }
  }
  return ready === undefined ? grace.startupGraceMillis : grace.monitorGraceMillis;
}

/** The node's `Ready` condition, if it has one. */
export function readyConditionOf(node: Node): NodeCondition | undefined {
  return findCondition(node.status?.conditions, 'Ready');
}

function creationMillis(node: Node): number | undefined {
  const millis = timeMillis(node.metadata?.creationTimestamp);
  return Number.isNaN(millis) ? undefined : millis;
}

/** A metav1.Time or MicroTime in milliseconds; NaN when absent or unreadable. */
function timeMillis(time: string | null | undefined): number {
  return typeof time === 'string' ? Date.parse(time) : Number.NaN;
}
