/**
 * `@drydock/core`: drydock's model of a Kubernetes control plane.
 *
 * - `api`: codecs of the built-in kinds, metadata, `Status` errors, resource
 *   quantities, label and field selectors, the resource registry.
 * - `apiserver`: the admission pipeline over the store, RBAC, patches, CRD schemas.
 * - `client`: the typed `Client` reconcilers read and write through, in process.
 * - `clock`: the one source of time, real or virtual.
 * - `controllers`: the built-in controllers (namespace, garbage collector).
 * - `reconcile`: the building blocks of controllers: work queue, watcher, cache,
 *   `Action`, and the reconcile helpers.
 * - `store`: etcd's model, an observable multi-version key-value store.
 *
 * @module
 */
export * from './api/index.js';
export * from './apiserver/index.js';
export * from './client/index.js';
export * from './clock/index.js';
export * from './controllers/index.js';
export * from './reconcile/index.js';
export * from './store/index.js';
