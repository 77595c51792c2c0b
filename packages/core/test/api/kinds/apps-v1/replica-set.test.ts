import { describe, expect, it } from '@jest/globals';
import { decodeObject } from '../../../../src/api/codec/index.js';
import { ReplicaSet, ReplicaSetList } from '../../../../src/api/kinds/apps-v1/replica-set.js';
import { expectLeft } from '../../../support/either.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** The current replica set of a deployment, as `kubectl get rs -o json` prints it. */
const WEB = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: 'web-7d4b9c8f6',
    namespace: 'default',
    uid: '9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
    resourceVersion: '48238',
    generation: 1,
    creationTimestamp: '2024-05-01T12:00:00Z',
    labels: { app: 'web', 'pod-template-hash': '7d4b9c8f6' },
    annotations: {
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '2',
    },
    ownerReferences: [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: '8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b',
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c8f6' } },
    template: {
      metadata: {
        creationTimestamp: null,
        labels: { app: 'web', 'pod-template-hash': '7d4b9c8f6' },
      },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'registry.example.com/web:1.4.2',
            imagePullPolicy: 'IfNotPresent',
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        terminationGracePeriodSeconds: 30,
      },
    },
  },
  status: {
    availableReplicas: 3,
    fullyLabeledReplicas: 3,
    observedGeneration: 1,
    readyReplicas: 3,
    replicas: 3,
  },
};

/** A replica set whose pods the quota refuses. */
const QUOTA_EXCEEDED = {
  ...WEB,
  spec: { ...WEB.spec, minReadySeconds: 10 },
  status: {
    replicas: 1,
    terminatingReplicas: 0,
    conditions: [
      {
        type: 'ReplicaFailure',
        status: 'True',
        lastTransitionTime: '2024-05-01T12:00:03Z',
        reason: 'FailedCreate',
        message: 'pods "web-7d4b9c8f6-abcde" is forbidden: exceeded quota: compute',
      },
    ],
  },
};

describe('ReplicaSet', () => {
  it('decodes replica sets strictly as is', () => {
    expectDecodesAsIs(ReplicaSet, WEB);
    expectDecodesAsIs(ReplicaSet, QUOTA_EXCEEDED);
    expectDecodesAsIs(ReplicaSet, { spec: { selector: {} }, status: { replicas: 0 } });
  });

  it('decodes a list of replica sets strictly as is', () => {
    expectDecodesAsIs(ReplicaSetList, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSetList',
      metadata: { resourceVersion: '48250' },
      items: [WEB, QUOTA_EXCEEDED],
    });
  });

  it('requires the selector of its spec and the replicas of its status', () => {
    expect(
      expectLeft(decodeObject(ReplicaSet, { spec: { replicas: 2 }, status: {} })),
    ).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'spec.selector', message: 'Required value' },
      { reason: 'FieldValueRequired', field: 'status.replicas', message: 'Required value' },
    ]);
  });

  it('reports unknown fields when strict', () => {
    const input = {
      ...WEB,
      spec: { ...WEB.spec, strategy: { type: 'Recreate' } },
      status: { ...WEB.status, updatedReplicas: 3 },
    };
    expect(strictErrors(ReplicaSet, input)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'spec.strategy' },
      { reason: 'FieldValueUnknown', field: 'status.updatedReplicas' },
    ]);
  });

  it('reports bad values with their paths', () => {
    const input = {
      spec: {
        replicas: 2 ** 31,
        selector: { matchLabels: { app: ['web'] } },
        template: { spec: { containers: [{ image: 'web' }] } },
      },
      status: {
        replicas: 'three',
        conditions: [{ type: 'ReplicaFailure', status: 'Maybe', lastTransitionTime: 'now' }],
      },
    };
    expect(strictErrors(ReplicaSet, input)).toStrictEqual([
      { reason: 'FieldValueInvalid', field: 'spec.replicas' },
      { reason: 'FieldValueTypeInvalid', field: 'spec.selector.matchLabels[app]' },
      { reason: 'FieldValueRequired', field: 'spec.template.spec.containers[0].name' },
      { reason: 'FieldValueTypeInvalid', field: 'status.replicas' },
      { reason: 'FieldValueNotSupported', field: 'status.conditions[0].status' },
      { reason: 'FieldValueInvalid', field: 'status.conditions[0].lastTransitionTime' },
    ]);
  });

  it("has upstream's schema: required selector and replicas, conditions keyed by type", () => {
    expect(schemaAt(ReplicaSet, 'spec').required).toStrictEqual(['selector']);
    expect(schemaAt(ReplicaSet, 'spec.minReadySeconds').format).toBe('int32');
    expect(schemaAt(ReplicaSet, 'spec.template.metadata.labels').type).toBe('object');
    expect(schemaAt(ReplicaSet, 'status').required).toStrictEqual(['replicas']);
    expect(schemaAt(ReplicaSet, 'status.observedGeneration').format).toBe('int64');
    expect(schemaAt(ReplicaSet, 'status.conditions')).toMatchObject({
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['type'],
    });
    expect(schemaAt(ReplicaSet, 'status.conditions[*].status').enum).toStrictEqual([
      'True',
      'False',
      'Unknown',
    ]);
    expect(schemaAt(ReplicaSetList, 'items[*].status.terminatingReplicas').format).toBe('int32');
  });

  it('types apiVersion and kind as optional literals', () => {
    const typed: ReplicaSet = { apiVersion: 'apps/v1', kind: 'ReplicaSet', spec: { selector: {} } };
    // @ts-expect-error: a ReplicaSet's kind is 'ReplicaSet'
    const mistyped: ReplicaSet = { kind: 'Deployment' };
    const bare: ReplicaSet = {};
    expect([typed.kind, mistyped.kind, bare.kind]).toStrictEqual([
      'ReplicaSet',
      'Deployment',
      undefined,
    ]);
  });
});
