/**
 * `@drydock/core`: drydock's model of a Kubernetes control plane.
 *
 * - `clock`: the one source of time, real or virtual.
 * - `store`: etcd's model, an observable multi-version key-value store.
 *
 * @module
 */
export * from './clock/index.js';
export * from './store/index.js';
