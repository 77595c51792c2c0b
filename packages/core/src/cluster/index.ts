/**
 * The local cluster: {@link createCluster} composes the store, the apiserver, the
 * controllers, the scheduler, kubelets with simulated runtimes and kube-proxy; every
 * component can be left out, replaced or joined by your own.
 *
 * @module
 */
export * from './built-in-components.js';
export * from './cluster-component.js';
export * from './cluster-node.js';
export * from './create-cluster.js';
export * from './node-addressing.js';
