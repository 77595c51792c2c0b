/**
 * The `coordination.k8s.io/v1` API group as codecs: {@link Lease}, its
 * {@link LeaseSpec} and {@link LeaseList}.
 *
 * @module
 */
export { Lease, LeaseList, LeaseSpec, NODE_LEASE_NAMESPACE } from './lease.js';
