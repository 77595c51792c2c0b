import { describe, expect, it } from '@jest/globals';
import { PodTemplateSpec } from '../../../../src/api/kinds/core-v1/pod-template.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** A deployment's pod template, as `kubectl get deploy -o json` prints it. */
const TEMPLATE = {
  metadata: {
    creationTimestamp: null,
    labels: { app: 'web' },
    annotations: { 'kubectl.kubernetes.io/restartedAt': '2024-05-01T11:00:00Z' },
  },
  spec: {
    containers: [
      {
        name: 'web',
        image: 'registry.example.com/web:1.4.2',
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        resources: { requests: { cpu: '250m', memory: '256Mi' } },
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        imagePullPolicy: 'IfNotPresent',
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
  },
};

describe('PodTemplateSpec', () => {
  it('decodes a template with a null creationTimestamp, and an empty one, strictly as is', () => {
    expectDecodesAsIs(PodTemplateSpec, TEMPLATE);
    expectDecodesAsIs(PodTemplateSpec, {});
  });

  it('reports an unknown field at the top and in the pod spec when strict', () => {
    const input = { ...TEMPLATE, status: {}, spec: { ...TEMPLATE.spec, replicas: 2 } };
    expect(strictErrors(PodTemplateSpec, input)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'spec.replicas' },
      { reason: 'FieldValueUnknown', field: 'status' },
    ]);
  });

  it('requires containers in its spec and reports bad values with their paths', () => {
    const input = {
      metadata: { labels: { app: 7 } },
      spec: { restartPolicy: 'Sometimes' },
    };
    expect(strictErrors(PodTemplateSpec, input)).toStrictEqual([
      { reason: 'FieldValueTypeInvalid', field: 'metadata.labels[app]' },
      { reason: 'FieldValueRequired', field: 'spec.containers' },
      { reason: 'FieldValueNotSupported', field: 'spec.restartPolicy' },
    ]);
  });

  it('has a schema with object metadata and the pod spec', () => {
    expect(schemaAt(PodTemplateSpec, '').required).toBeUndefined();
    expect(schemaAt(PodTemplateSpec, 'spec').required).toStrictEqual(['containers']);
    expect(schemaAt(PodTemplateSpec, 'spec.containers')).toMatchObject({
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
    });
    expect(schemaAt(PodTemplateSpec, 'metadata.creationTimestamp').nullable).toBe(true);
  });

  it('types metadata and spec as optional', () => {
    const typed: PodTemplateSpec = { spec: { containers: [{ name: 'web' }] } };
    // @ts-expect-error: a template's spec needs its containers
    const mistyped: PodTemplateSpec = { spec: {} };
    expect([typed.spec?.containers.length, mistyped.metadata]).toStrictEqual([1, undefined]);
  });
});
