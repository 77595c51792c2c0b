import { describe, expect, it } from '@jest/globals';
import { decodeObject } from '../../../../src/api/codec/index.js';
import { Namespace, NamespaceList } from '../../../../src/api/kinds/core-v1/index.js';
import { expectLeft } from '../../../support/either.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** A namespace being deleted, as `kubectl get namespace team-a -o json` prints it. */
const TERMINATING = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name: 'team-a',
    uid: '6c1f3a52-9d0e-4b7a-8f51-2e4d6c8a0b13',
    resourceVersion: '90211',
    creationTimestamp: '2024-05-01T12:00:00Z',
    deletionTimestamp: '2024-05-02T08:30:00Z',
    labels: { 'kubernetes.io/metadata.name': 'team-a' },
  },
  spec: { finalizers: ['kubernetes'] },
  status: {
    phase: 'Terminating',
    conditions: [
      {
        type: 'NamespaceContentRemaining',
        status: 'True',
        lastTransitionTime: '2024-05-02T08:30:05Z',
        reason: 'SomeResourcesRemain',
        message: 'Some resources are remaining: pods. has 2 resource instances',
      },
    ],
  },
};

describe('Namespace', () => {
  it('decodes a terminating namespace to an equal value, strictly', () => {
    expectDecodesAsIs(Namespace, TERMINATING);
  });

  it('decodes a list of namespaces, and a bare request body without apiVersion and kind', () => {
    expectDecodesAsIs(NamespaceList, {
      apiVersion: 'v1',
      kind: 'NamespaceList',
      metadata: { resourceVersion: '90300' },
      items: [TERMINATING],
    });
    expectDecodesAsIs(Namespace, { metadata: { name: 'team-b' } });
  });

  it('reports an unknown field in a condition with its path when strict', () => {
    const input = {
      ...TERMINATING,
      status: {
        conditions: [{ type: 'NamespaceDeletionDiscoveryFailure', status: 'False', since: 1 }],
      },
    };
    expect(strictErrors(Namespace, input)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'status.conditions[0].since' },
    ]);
  });

  it('reports a phase outside Active and Terminating, and a finalizer that is not a string', () => {
    const input = { status: { phase: 'Pending' }, spec: { finalizers: [7] } };
    expect(strictErrors(Namespace, input)).toStrictEqual([
      { reason: 'FieldValueTypeInvalid', field: 'spec.finalizers[0]' },
      { reason: 'FieldValueNotSupported', field: 'status.phase' },
    ]);
  });

  it('rejects another kind', () => {
    expect(expectLeft(decodeObject(Namespace, { kind: 'ConfigMap' }))).toStrictEqual([
      {
        reason: 'FieldValueNotSupported',
        field: 'kind',
        message: 'Unsupported value: "ConfigMap": supported values: "Namespace"',
      },
    ]);
  });

  it('has a schema with the phase enum and conditions as a map list keyed by type', () => {
    expect(schemaAt(Namespace, 'status.phase')).toMatchObject({
      type: 'string',
      enum: ['Active', 'Terminating'],
    });
    expect(schemaAt(Namespace, 'status.conditions')).toMatchObject({
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['type'],
    });
    expect(schemaAt(Namespace, 'status.conditions[*]').required).toStrictEqual(['type', 'status']);
    expect(schemaAt(Namespace, 'kind')).toMatchObject({ type: 'string', enum: ['Namespace'] });
    expect(schemaAt(NamespaceList, 'items[*].spec.finalizers[*]')).toMatchObject({
      type: 'string',
    });
    expect(schemaAt(NamespaceList, '').required).toStrictEqual(['items']);
  });
});
