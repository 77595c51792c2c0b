/**
 * The kubelet: node registration, lease and status, the pods bound to the node run
 * through a CRI-shaped container runtime, and that runtime's simulated implementation.
 *
 * @module
 */
export * from './admission.js';
export * from './backoff.js';
export * from './container-record.js';
export * from './container-start.js';
export * from './cri/index.js';
export * from './ip-allocation.js';
export * from './kubelet-event.js';
export * from './kubelet.js';
export * from './node-lease.js';
export * from './node-object.js';
export * from './node-registration.js';
export * from './node-status.js';
export * from './partitionable-client.js';
export * from './pod-source.js';
export * from './pod-status.js';
export * from './pod-termination.js';
export * from './pod-worker-context.js';
export * from './pod-worker.js';
export * from './probes.js';
export * from './retry-timer.js';
export * from './status-manager.js';
