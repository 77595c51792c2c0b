/**
 * The built-in controllers of the control plane, written with drydock's own SDK:
 * the ReplicaSet controller (pods to match `replicas`, adoption, status), the
 * namespace controller (deleting a namespace empties it) and the garbage collector
 * (owner references, propagation policies).
 *
 * @module
 */
export * from './garbage-collector/index.js';
export * from './namespace/index.js';
export * from './replica-set/index.js';
