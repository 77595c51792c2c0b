/**
 * The `coordination.k8s.io/v1` API group as codecs: {@link Lease}, its
 * {@link LeaseSpec} and {@link LeaseList}.
 *
 * @module
 */
export { Lease, LeaseList, LeaseSpec } from './lease.js';
