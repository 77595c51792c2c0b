import { describe, expect, it } from '@jest/globals';
import { decodeObject } from '../../../../src/api/codec/index.js';
import { Deployment, DeploymentList } from '../../../../src/api/kinds/apps-v1/deployment.js';
import { expectLeft } from '../../../support/either.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** A rolled-out deployment of three pods, as `kubectl get deploy -o json` prints it. */
const WEB = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: '8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b',
    resourceVersion: '48240',
    generation: 2,
    creationTimestamp: '2024-05-01T11:58:00Z',
    labels: { app: 'web' },
    annotations: { 'deployment.kubernetes.io/revision': '2' },
  },
  spec: {
    progressDeadlineSeconds: 600,
    replicas: 3,
    revisionHistoryLimit: 10,
    selector: { matchLabels: { app: 'web' } },
    strategy: {
      rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 },
      type: 'RollingUpdate',
    },
    template: {
      metadata: { creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'registry.example.com/web:1.4.2',
            imagePullPolicy: 'IfNotPresent',
            ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
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
    conditions: [
      {
        lastTransitionTime: '2024-05-01T11:58:10Z',
        lastUpdateTime: '2024-05-01T11:58:10Z',
        message: 'Deployment has minimum availability.',
        reason: 'MinimumReplicasAvailable',
        status: 'True',
        type: 'Available',
      },
      {
        lastTransitionTime: '2024-05-01T11:58:00Z',
        lastUpdateTime: '2024-05-01T12:00:12Z',
        message: 'ReplicaSet "web-7d4b9c8f6" has successfully progressed.',
        reason: 'NewReplicaSetAvailable',
        status: 'True',
        type: 'Progressing',
      },
    ],
    observedGeneration: 2,
    readyReplicas: 3,
    replicas: 3,
    updatedReplicas: 3,
  },
};

describe('Deployment', () => {
  it('decodes a deployment strictly as is, and a recreating, paused one', () => {
    expectDecodesAsIs(Deployment, WEB);
    expectDecodesAsIs(Deployment, {
      ...WEB,
      spec: { ...WEB.spec, paused: true, minReadySeconds: 5, strategy: { type: 'Recreate' } },
      status: {
        observedGeneration: 3,
        replicas: 4,
        updatedReplicas: 1,
        unavailableReplicas: 1,
        terminatingReplicas: 1,
        collisionCount: 1,
      },
    });
  });

  it('decodes a list of deployments strictly as is', () => {
    expectDecodesAsIs(DeploymentList, {
      apiVersion: 'apps/v1',
      kind: 'DeploymentList',
      metadata: { resourceVersion: '48250' },
      items: [WEB],
    });
  });

  it('requires the selector and the template of its spec', () => {
    const { selector: _, ...withoutSelector } = WEB.spec;
    expect(expectLeft(decodeObject(Deployment, { ...WEB, spec: withoutSelector }))).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'spec.selector', message: 'Required value' },
    ]);
    expect(strictErrors(Deployment, { spec: { replicas: 1 } })).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'spec.selector' },
      { reason: 'FieldValueRequired', field: 'spec.template' },
    ]);
  });

  it('reports unknown fields when strict, in the spec, the strategy and the template', () => {
    const input = {
      ...WEB,
      spec: {
        ...WEB.spec,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, partition: 2 } },
        template: { ...WEB.spec.template, replicas: 2 },
        rollbackTo: { revision: 1 },
      },
    };
    expect(strictErrors(Deployment, input)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'spec.strategy.rollingUpdate.partition' },
      { reason: 'FieldValueUnknown', field: 'spec.template.replicas' },
      { reason: 'FieldValueUnknown', field: 'spec.rollbackTo' },
    ]);
  });

  it('reports bad values with their paths and upstream messages', () => {
    const input = {
      spec: {
        ...WEB.spec,
        replicas: '3',
        strategy: { type: 'BlueGreen', rollingUpdate: { maxSurge: true } },
        selector: { matchExpressions: [{ key: 'app', operator: 'Equals' }] },
      },
      status: { replicas: -0.5, conditions: [{ type: 'Available' }] },
    };
    expect(expectLeft(decodeObject(Deployment, input))).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'spec.replicas',
        message: 'Invalid value: "string": must be of type integer',
      },
      {
        reason: 'FieldValueNotSupported',
        field: 'spec.selector.matchExpressions[0].operator',
        message:
          'Unsupported value: "Equals": supported values: "In", "NotIn", "Exists", "DoesNotExist"',
      },
      {
        reason: 'FieldValueNotSupported',
        field: 'spec.strategy.type',
        message: 'Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate"',
      },
      {
        reason: 'FieldValueTypeInvalid',
        field: 'spec.strategy.rollingUpdate.maxSurge',
        message: 'Invalid value: "boolean": must be of type integer or string',
      },
      {
        reason: 'FieldValueTypeInvalid',
        field: 'status.replicas',
        message: 'Invalid value: "number": must be of type integer',
      },
      {
        reason: 'FieldValueRequired',
        field: 'status.conditions[0].status',
        message: 'Required value',
      },
    ]);
  });

  it("has upstream's schema: required selector and template, int-or-string surge", () => {
    expect(schemaAt(Deployment, 'spec').required).toStrictEqual(['selector', 'template']);
    expect(schemaAt(Deployment, 'spec.replicas').format).toBe('int32');
    expect(schemaAt(Deployment, 'spec.selector')['x-kubernetes-map-type']).toBe('atomic');
    expect(schemaAt(Deployment, 'spec.strategy.type').enum).toStrictEqual([
      'Recreate',
      'RollingUpdate',
    ]);
    expect(schemaAt(Deployment, 'spec.strategy.rollingUpdate.maxSurge')).toMatchObject({
      'x-kubernetes-int-or-string': true,
    });
    expect(schemaAt(Deployment, 'spec.template.spec.containers[*].name').type).toBe('string');
    expect(schemaAt(Deployment, 'status.observedGeneration').format).toBe('int64');
    expect(schemaAt(Deployment, 'status.conditions')).toMatchObject({
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['type'],
    });
    expect(schemaAt(Deployment, 'status.conditions[*]').required).toStrictEqual(['type', 'status']);
    expect(schemaAt(Deployment, 'status.conditions[*].lastUpdateTime')).toMatchObject({
      format: 'date-time',
      nullable: true,
    });
    expect(schemaAt(DeploymentList, 'items[*].status.collisionCount').format).toBe('int32');
  });

  it('types apiVersion and kind as optional literals', () => {
    const typed: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      spec: { selector: {}, template: {} },
    };
    // @ts-expect-error: a Deployment's kind is 'Deployment'
    const mistyped: Deployment = { kind: 'ReplicaSet' };
    const bare: Deployment = {};
    expect([typed.kind, mistyped.kind, bare.kind]).toStrictEqual([
      'Deployment',
      'ReplicaSet',
      undefined,
    ]);
  });
});
