/**
 * `@drydock/core`: drydock's model of a Kubernetes control plane.
 *
 * - `api`: resource quantities, label and field selectors.
 * - `clock`: the one source of time, real or virtual.
 * - `store`: etcd's model, an observable multi-version key-value store.
 *
 * @module
 */
export * from './api/index.js';
export * from './clock/index.js';
export * from './store/index.js';
