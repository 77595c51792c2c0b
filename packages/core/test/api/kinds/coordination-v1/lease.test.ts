import { describe, expect, it } from '@jest/globals';
import { Lease, LeaseList } from '../../../../src/api/kinds/coordination-v1/index.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** A node heartbeat lease, as `kubectl get lease -n kube-node-lease node-1 -o json` prints it. */
const NODE_LEASE = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: {
    name: 'node-1',
    namespace: 'kube-node-lease',
    uid: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    resourceVersion: '77120',
    creationTimestamp: '2024-05-01T12:00:00Z',
    ownerReferences: [
      {
        apiVersion: 'v1',
        kind: 'Node',
        name: 'node-1',
        uid: '1a2b3c4d-0000-4000-8000-000000000002',
      },
    ],
  },
  spec: {
    holderIdentity: 'node-1',
    leaseDurationSeconds: 40,
    renewTime: '2024-05-01T13:02:10.482311Z',
  },
};

/** A leader election lease, with every field of the spec. */
const LEADER_LEASE = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: { name: 'kube-controller-manager', namespace: 'kube-system' },
  spec: {
    holderIdentity: 'cp-1_5e0a3f9c-2b7d-4c1e-9f8a-6d4b2c0e1a3f',
    leaseDurationSeconds: 15,
    acquireTime: '2024-05-01T12:00:03.000000Z',
    renewTime: '2024-05-01T13:02:11.250000Z',
    leaseTransitions: 2,
    strategy: 'OldestEmulationVersion',
    preferredHolder: 'cp-2',
  },
};

describe('Lease', () => {
  it('decodes a node lease, a leader lease and a list of them to equal values, strictly', () => {
    expectDecodesAsIs(Lease, NODE_LEASE);
    expectDecodesAsIs(Lease, LEADER_LEASE);
    expectDecodesAsIs(LeaseList, {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'LeaseList',
      metadata: { resourceVersion: '77200' },
      items: [NODE_LEASE, LEADER_LEASE],
    });
  });

  it('reports an unknown field in the spec when strict', () => {
    const input = { ...NODE_LEASE, spec: { ...NODE_LEASE.spec, holder: 'node-1' } };
    expect(strictErrors(Lease, input)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'spec.holder' },
    ]);
  });

  it('reports a duration given as a string and a duration out of the int32 range', () => {
    expect(strictErrors(Lease, { spec: { leaseDurationSeconds: '40' } })).toStrictEqual([
      { reason: 'FieldValueTypeInvalid', field: 'spec.leaseDurationSeconds' },
    ]);
    expect(strictErrors(Lease, { spec: { leaseTransitions: 2 ** 31 } })).toStrictEqual([
      { reason: 'FieldValueInvalid', field: 'spec.leaseTransitions' },
    ]);
  });

  it('rejects the apiVersion of another group', () => {
    expect(strictErrors(Lease, { apiVersion: 'v1' })).toStrictEqual([
      { reason: 'FieldValueNotSupported', field: 'apiVersion' },
    ]);
  });

  it('has a schema with int32 durations and date-time renewals', () => {
    expect(schemaAt(Lease, 'spec.leaseDurationSeconds')).toMatchObject({
      type: 'integer',
      format: 'int32',
    });
    expect(schemaAt(Lease, 'spec.leaseTransitions')).toMatchObject({
      type: 'integer',
      format: 'int32',
    });
    expect(schemaAt(Lease, 'spec.renewTime')).toMatchObject({
      type: 'string',
      format: 'date-time',
    });
    expect(schemaAt(Lease, 'apiVersion').enum).toStrictEqual(['coordination.k8s.io/v1']);
    expect(schemaAt(LeaseList, 'items[*].spec.holderIdentity').type).toBe('string');
  });
});
