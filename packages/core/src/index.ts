/**
 * `@drydock/core`: drydock's model of a Kubernetes control plane.
 *
 * - `api`: codecs of the built-in kinds, metadata, `Status` errors, resource
 *   quantities, label and field selectors, the resource registry.
 * - `apiserver`: the admission pipeline over the store, RBAC, patches, CRD schemas.
 * - `client`: the typed `Client` reconcilers read and write through, in process.
 * - `clock`: the one source of time, real or virtual.
 * - `cluster`: the local cluster, composing every component on one clock.
 * - `controllers`: kube-controller-manager's controllers (workloads, nodes, services,
 *   garbage collection, namespaces, RBAC aggregation).
 * - `kubelet`: the node agent, the container runtime interface and a simulated runtime.
 * - `proxy`: kube-proxy's model: Services to ready endpoints.
 * - `reconcile`: the building blocks of controllers: work queue, watcher, cache,
 *   `Action`, and the reconcile helpers.
 * - `scheduler`: kube-scheduler: the scheduling queue, plugin framework and default plugins.
 * - `store`: etcd's model, an observable multi-version key-value store.
 *
 * @module
 */
export * from './api/index.js';
export * from './apiserver/index.js';
export * from './client/index.js';
export * from './clock/index.js';
export * from './cluster/index.js';
export * from './controllers/index.js';
export * from './kubelet/index.js';
export * from './proxy/index.js';
export * from './reconcile/index.js';
export * from './scheduler/index.js';
export * from './store/index.js';
