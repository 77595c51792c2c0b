/**
 * `@drydock/core`: drydock's model of a Kubernetes control plane.
 *
 * - `api`: codecs of the built-in kinds, metadata, `Status` errors, resource
 *   quantities, label and field selectors, the resource registry.
 * - `apiserver`: the admission pipeline over the store, RBAC, patches, CRD schemas.
 * - `clock`: the one source of time, real or virtual.
 * - `store`: etcd's model, an observable multi-version key-value store.
 *
 * @module
 */
export * from './api/index.js';
export * from './apiserver/index.js';
export * from './clock/index.js';
export * from './store/index.js';
