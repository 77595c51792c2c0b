import { describe, expect, it } from '@jest/globals';
import { decodeObject } from '../../../../src/api/codec/index.js';
import { Service, ServiceList } from '../../../../src/api/kinds/core-v1/service.js';
import { expectLeft } from '../../../support/either.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** A ClusterIP service in front of a deployment, as `kubectl get svc -o json` prints it. */
const WEB = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e',
    resourceVersion: '48100',
    creationTimestamp: '2024-05-01T11:58:00Z',
    labels: { app: 'web' },
  },
  spec: {
    clusterIP: '10.96.120.15',
    clusterIPs: ['10.96.120.15'],
    internalTrafficPolicy: 'Cluster',
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    ports: [
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', appProtocol: 'http' },
      { name: 'metrics', port: 9090, protocol: 'TCP', targetPort: 9090 },
    ],
    selector: { app: 'web' },
    sessionAffinity: 'None',
    type: 'ClusterIP',
  },
  status: { loadBalancer: {} },
};

/** A dual-stack LoadBalancer service a cloud controller has provisioned. */
const INGRESS = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {
    name: 'ingress-nginx-controller',
    namespace: 'ingress-nginx',
    uid: '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b',
    resourceVersion: '9120',
    creationTimestamp: '2024-04-30T08:10:00Z',
    annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' },
  },
  spec: {
    allocateLoadBalancerNodePorts: true,
    clusterIP: '10.96.7.201',
    clusterIPs: ['10.96.7.201', 'fd00:10:96::7c9'],
    externalTrafficPolicy: 'Local',
    healthCheckNodePort: 31766,
    internalTrafficPolicy: 'Cluster',
    ipFamilies: ['IPv4', 'IPv6'],
    ipFamilyPolicy: 'PreferDualStack',
    loadBalancerSourceRanges: ['203.0.113.0/24'],
    ports: [
      { name: 'http', nodePort: 30080, port: 80, protocol: 'TCP', targetPort: 'http' },
      { name: 'https', nodePort: 30443, port: 443, protocol: 'TCP', targetPort: 'https' },
    ],
    publishNotReadyAddresses: false,
    selector: { 'app.kubernetes.io/name': 'ingress-nginx' },
    sessionAffinity: 'ClientIP',
    sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
    type: 'LoadBalancer',
  },
  status: {
    loadBalancer: {
      ingress: [
        {
          hostname: 'a1b2c3.elb.eu-west-1.amazonaws.com',
          ipMode: 'Proxy',
          ports: [{ port: 443, protocol: 'TCP', error: 'PortUnavailable' }],
        },
        { ip: '198.51.100.7', ipMode: 'VIP' },
      ],
    },
    conditions: [
      {
        type: 'LoadBalancerReady',
        status: 'True',
        observedGeneration: 1,
        lastTransitionTime: '2024-04-30T08:11:00Z',
        reason: 'Provisioned',
        message: '',
      },
    ],
  },
};

/** An alias for a name outside the cluster. */
const EXTERNAL = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'db', namespace: 'default' },
  spec: { type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' },
  status: { loadBalancer: {} },
};

describe('Service', () => {
  it('decodes ClusterIP, LoadBalancer and ExternalName services strictly as is', () => {
    expectDecodesAsIs(Service, WEB);
    expectDecodesAsIs(Service, INGRESS);
    expectDecodesAsIs(Service, EXTERNAL);
    expectDecodesAsIs(Service, { spec: { ports: [{ port: 53, protocol: 'UDP' }] } });
  });

  it('decodes a list of services strictly as is', () => {
    expectDecodesAsIs(ServiceList, {
      apiVersion: 'v1',
      kind: 'ServiceList',
      metadata: { resourceVersion: '48230' },
      items: [WEB, INGRESS, EXTERNAL],
    });
  });

  it('reports unknown fields when strict, in the spec and in a port', () => {
    const input = {
      ...WEB,
      spec: { ...WEB.spec, ports: [{ port: 80, containerPort: 8080 }], topologyKeys: ['*'] },
    };
    expect(strictErrors(Service, input)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'spec.ports[0].containerPort' },
      { reason: 'FieldValueUnknown', field: 'spec.topologyKeys' },
    ]);
  });

  it('reports a port that is not a number, and a type it does not support', () => {
    const input = { spec: { type: 'Foo', ports: [{ name: 'http', port: 'abc' }] } };
    expect(expectLeft(decodeObject(Service, input))).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'spec.ports[0].port',
        message: 'Invalid value: "string": must be of type integer',
      },
      {
        reason: 'FieldValueNotSupported',
        field: 'spec.type',
        message:
          'Unsupported value: "Foo": supported values: "ClusterIP", "NodePort", "LoadBalancer", "ExternalName"',
      },
    ]);
  });

  it('requires a port number, and checks protocols, target ports and policies', () => {
    const input = {
      spec: {
        ports: [
          { name: 'http', targetPort: 8080 },
          { port: 80, protocol: 'HTTP', targetPort: 1.5 },
        ],
        ipFamilies: ['IPv5'],
        externalTrafficPolicy: 'Global',
        sessionAffinity: 'Cookie',
      },
      status: { loadBalancer: { ingress: [{ ip: '198.51.100.7', ports: [{ port: 443 }] }] } },
    };
    expect(strictErrors(Service, input)).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'spec.ports[0].port' },
      { reason: 'FieldValueNotSupported', field: 'spec.ports[1].protocol' },
      { reason: 'FieldValueTypeInvalid', field: 'spec.ports[1].targetPort' },
      { reason: 'FieldValueNotSupported', field: 'spec.sessionAffinity' },
      { reason: 'FieldValueNotSupported', field: 'spec.externalTrafficPolicy' },
      { reason: 'FieldValueNotSupported', field: 'spec.ipFamilies[0]' },
      { reason: 'FieldValueRequired', field: 'status.loadBalancer.ingress[0].ports[0].protocol' },
    ]);
  });

  it('checks its conditions as metav1 conditions', () => {
    const input = { status: { conditions: [{ type: 'LoadBalancerReady', status: 'True' }] } };
    expect(strictErrors(Service, input)).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'status.conditions[0].lastTransitionTime' },
      { reason: 'FieldValueRequired', field: 'status.conditions[0].reason' },
      { reason: 'FieldValueRequired', field: 'status.conditions[0].message' },
    ]);
  });

  it("has upstream's schema for ports, selector, type and conditions", () => {
    expect(schemaAt(Service, 'spec.ports')).toMatchObject({
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['port', 'protocol'],
    });
    expect(schemaAt(Service, 'spec.ports[*]').required).toStrictEqual(['port']);
    expect(schemaAt(Service, 'spec.ports[*].targetPort')).toMatchObject({
      'x-kubernetes-int-or-string': true,
    });
    expect(schemaAt(Service, 'spec.ports[*].nodePort').format).toBe('int32');
    expect(schemaAt(Service, 'spec.selector')).toMatchObject({
      type: 'object',
      additionalProperties: { type: 'string' },
      'x-kubernetes-map-type': 'atomic',
    });
    expect(schemaAt(Service, 'spec.type').enum).toStrictEqual([
      'ClusterIP',
      'NodePort',
      'LoadBalancer',
      'ExternalName',
    ]);
    expect(schemaAt(Service, 'spec.clusterIPs')['x-kubernetes-list-type']).toBe('atomic');
    expect(schemaAt(Service, 'spec.ipFamilies[*]').enum).toStrictEqual(['IPv4', 'IPv6']);
    expect(schemaAt(Service, 'status.conditions')).toMatchObject({
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['type'],
    });
    expect(schemaAt(Service, 'status.conditions[*]').required).toHaveLength(5);
    expect(schemaAt(Service, 'status.loadBalancer.ingress[*].ports[*]').required).toStrictEqual([
      'port',
      'protocol',
    ]);
    expect(schemaAt(ServiceList, 'items[*].spec.healthCheckNodePort').format).toBe('int32');
  });

  it('types apiVersion and kind as optional literals', () => {
    const typed: Service = { apiVersion: 'v1', kind: 'Service', spec: { type: 'NodePort' } };
    // @ts-expect-error: a Service's kind is 'Service'
    const mistyped: Service = { kind: 'Endpoints' };
    const bare: Service = {};
    expect([typed.kind, mistyped.kind, bare.kind]).toStrictEqual([
      'Service',
      'Endpoints',
      undefined,
    ]);
  });
});
