/**
 * The node lifecycle controller: marks nodes whose kubelet stopped heartbeating
 * `Unknown`, marks their pods not ready, and keeps the `node.kubernetes.io/*` taints
 * in step with each node's conditions and `spec.unschedulable`.
 *
 * @module
 */
export {
  nodeLifecycleController,
  type NodeLifecycleController,
  type NodeLifecycleControllerOptions,
  type NodeLifecycleEvent,
} from './node-lifecycle-controller.js';
export {
  CONDITIONS_SET_UNKNOWN,
  conditionsOfLostNode,
  NODE_STATUS_NEVER_UPDATED_MESSAGE,
  NODE_STATUS_NEVER_UPDATED_REASON,
  NODE_STATUS_UNKNOWN_MESSAGE,
  NODE_STATUS_UNKNOWN_REASON,
} from './node-conditions.js';
export {
  conditionStatus,
  TAINT_NODE_DISK_PRESSURE,
  TAINT_NODE_MEMORY_PRESSURE,
  TAINT_NODE_NETWORK_UNAVAILABLE,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_PID_PRESSURE,
  TAINT_NODE_UNREACHABLE,
  TAINT_NODE_UNSCHEDULABLE,
  taintsForNodeState,
} from './node-taints.js';
export { markPodsNotReady, type MarkPodsNotReadyResult } from './mark-pods-not-ready.js';
