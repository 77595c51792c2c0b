/**
 * `coordinationv1.Lease`: a lease, for leader election and node heartbeats.
 *
 * @module
 */
import * as t from 'io-ts';
import { DateTime, Int32, withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { listOf, typeMetaOf } from '../kind-codec.js';

/**
 * The codec of `coordinationv1.LeaseSpec`: every field is optional, as upstream.
 * `acquireTime` and `renewTime` are `MicroTime`s ({@link DateTime} with fractional
 * seconds); `strategy` is a string (`OldestEmulationVersion` today, behind the
 * alpha `CoordinatedLeaderElection` gate, as is `preferredHolder`).
 */
export const LeaseSpec = withSchema(
  t.partial({
    holderIdentity: withSchema(t.string, {
      description:
        'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader ' +
        'Election is used, it must equal the elected LeaseCandidate.metadata.name.',
    }),
    leaseDurationSeconds: withSchema(Int32, {
      description:
        'leaseDurationSeconds is a duration that candidates for a lease need to wait to force acquire it. ' +
        'This is measured against the time of last observed renewTime.',
    }),
    acquireTime: withSchema(DateTime, {
      description: 'acquireTime is a time when the current lease was acquired.',
    }),
    renewTime: withSchema(DateTime, {
      description:
        'renewTime is a time when the current holder of a lease has last updated the lease.',
    }),
    leaseTransitions: withSchema(Int32, {
      description: 'leaseTransitions is the number of transitions of a lease between holders.',
    }),
    strategy: withSchema(t.string, {
      description:
        'Strategy indicates the strategy for picking the leader for coordinated leader election. ' +
        'If unset, there is no active coordination for this lease. (Alpha.)',
    }),
    preferredHolder: withSchema(t.string, {
      description:
        'PreferredHolder signals to a lease holder that the lease has a more optimal holder and should ' +
        'be given up. Can only be set if Strategy is also set.',
    }),
  }),
  { description: 'LeaseSpec is a specification of a Lease.' },
  'LeaseSpec',
);

/** A lease's spec, as {@link LeaseSpec} decodes it. */
export type LeaseSpec = t.TypeOf<typeof LeaseSpec>;

/**
 * The codec of `coordinationv1.Lease` (`coordination.k8s.io/v1`, namespaced):
 * `metadata` and `spec`, both optional. `apiVersion` and `kind` are the literals
 * `coordination.k8s.io/v1` and `Lease`, optional in request bodies.
 *
 * (Not the store's lease: that is etcd's TTL lease, `LeaseGrant`; this is the API
 * object that leader election and kubelet heartbeats write.)
 */
export const Lease = withSchema(
  t.partial({
    ...typeMetaOf('coordination.k8s.io/v1', 'Lease'),
    metadata: ObjectMeta,
    spec: LeaseSpec,
  }),
  { description: 'Lease defines a lease concept.' },
  'Lease',
);

/** A lease, as {@link Lease} decodes it. */
export type Lease = t.TypeOf<typeof Lease>;

/** The codec of `coordinationv1.LeaseList`. */
export const LeaseList = listOf({
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'LeaseList',
  item: Lease,
  description: 'LeaseList is a list of Lease objects.',
});

/** A list of leases, as {@link LeaseList} decodes it. */
export type LeaseList = t.TypeOf<typeof LeaseList>;

/** The namespace of the nodes' heartbeat Leases (upstream's `corev1.NamespaceNodeLease`). */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
