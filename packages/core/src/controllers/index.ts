/**
 * The built-in controllers of the control plane (kube-controller-manager's), written
 * with drydock's own SDK:
 * - workloads: the Deployment controller (rollouts, history, conditions) and the
 *   ReplicaSet controller (pods to match `replicas`, adoption, status);
 * - nodes: the node lifecycle controller (lost nodes become `Unknown` and tainted),
 *   taint-based eviction (NoExecute), and the pod garbage collector;
 * - services: the Endpoints and EndpointSlice controllers;
 * - the garbage collector (owner references, propagation policies), the namespace
 *   controller (deleting a namespace empties it) and ClusterRole aggregation.
 *
 * @module
 */
export * from './cluster-role-aggregation/index.js';
export * from './deployment/index.js';
export * from './endpoint-slice/index.js';
export * from './endpoints/index.js';
export * from './garbage-collector/index.js';
export * from './namespace/index.js';
export * from './node-lifecycle/index.js';
export * from './pod-gc/index.js';
export * from './replica-set/index.js';
export * from './taint-eviction/index.js';
