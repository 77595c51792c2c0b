import { describe, expect, it } from '@jest/globals';
import { decodeObject } from '../../../../src/api/codec/index.js';
import {
  EndpointSlice,
  EndpointSliceList,
} from '../../../../src/api/kinds/discovery-v1/endpoint-slice.js';
import { expectLeft } from '../../../support/either.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** A service's slice with a ready and a terminating pod, as `kubectl get endpointslice -o json` prints it. */
const WEB = {
  addressType: 'IPv4',
  apiVersion: 'discovery.k8s.io/v1',
  endpoints: [
    {
      addresses: ['10.244.1.17'],
      conditions: { ready: true, serving: true, terminating: false },
      nodeName: 'node-1',
      targetRef: {
        kind: 'Pod',
        name: 'web-7d4b9c8f6-x2x9z',
        namespace: 'default',
        uid: '3f1c2a9e-8b1d-4c55-9a0e-1f2b3c4d5e6f',
      },
      zone: 'zone-a',
      hints: { forZones: [{ name: 'zone-a' }] },
    },
    {
      addresses: ['10.244.2.9'],
      conditions: { ready: false, serving: true, terminating: true },
      hostname: 'web-1',
      nodeName: 'node-2',
      targetRef: {
        kind: 'Pod',
        name: 'web-7d4b9c8f6-q8w7e',
        namespace: 'default',
        uid: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d',
      },
      zone: 'zone-b',
      hints: { forZones: [{ name: 'zone-b' }], forNodes: [{ name: 'node-2' }] },
    },
  ],
  kind: 'EndpointSlice',
  metadata: {
    name: 'web-abc12',
    generateName: 'web-',
    namespace: 'default',
    uid: '7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a',
    resourceVersion: '48216',
    generation: 5,
    creationTimestamp: '2024-05-01T11:58:00Z',
    labels: {
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'web',
    },
    annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2024-05-01T12:00:05Z' },
    ownerReferences: [
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'web',
        uid: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e',
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  },
  ports: [
    { name: 'http', port: 8080, protocol: 'TCP', appProtocol: 'http' },
    { name: 'metrics', port: 9090, protocol: 'TCP' },
  ],
};

/** The slice of a headless service without pods or ports: Go writes the empty lists as null. */
const IDLE = {
  addressType: 'IPv6',
  apiVersion: 'discovery.k8s.io/v1',
  endpoints: null,
  kind: 'EndpointSlice',
  metadata: { name: 'idle-x7k2p', namespace: 'default' },
  ports: null,
};

describe('EndpointSlice', () => {
  it('decodes a slice, and one with null endpoints and ports, strictly as is', () => {
    expectDecodesAsIs(EndpointSlice, WEB);
    expectDecodesAsIs(EndpointSlice, IDLE);
    expectDecodesAsIs(EndpointSlice, { ...IDLE, ports: [{ name: '', port: 53, protocol: 'UDP' }] });
    expectDecodesAsIs(EndpointSlice, {
      addressType: 'FQDN',
      endpoints: [{ addresses: ['db.example.com'] }],
      ports: [{}],
    });
  });

  it('decodes a list of slices strictly as is', () => {
    expectDecodesAsIs(EndpointSliceList, {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSliceList',
      metadata: { resourceVersion: '48230' },
      items: [WEB],
    });
  });

  it('requires addressType, endpoints and the addresses of each endpoint', () => {
    expect(strictErrors(EndpointSlice, { metadata: { name: 'x' } })).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'addressType' },
      { reason: 'FieldValueRequired', field: 'endpoints' },
    ]);
    const input = { addressType: 'IPv4', endpoints: [{ nodeName: 'node-1' }] };
    expect(strictErrors(EndpointSlice, input)).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'endpoints[0].addresses' },
    ]);
  });

  it('reports unknown fields when strict, in endpoints, conditions and hints', () => {
    const input = {
      ...WEB,
      endpoints: [
        {
          addresses: ['10.244.1.17'],
          conditions: { ready: true, healthy: true },
          hints: { forZones: [{ name: 'zone-a', weight: 1 }] },
          topology: {},
        },
      ],
    };
    expect(strictErrors(EndpointSlice, input)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'endpoints[0].conditions.healthy' },
      { reason: 'FieldValueUnknown', field: 'endpoints[0].hints.forZones[0].weight' },
      { reason: 'FieldValueUnknown', field: 'endpoints[0].topology' },
    ]);
  });

  it('reports an address type it does not support and a port that is not a number', () => {
    const input = {
      addressType: 'IPv5',
      endpoints: [{ addresses: ['10.0.0.1'], conditions: { ready: 'yes' } }],
      ports: [{ port: 'abc' }],
    };
    expect(expectLeft(decodeObject(EndpointSlice, input))).toStrictEqual([
      {
        reason: 'FieldValueNotSupported',
        field: 'addressType',
        message: 'Unsupported value: "IPv5": supported values: "IPv4", "IPv6", "FQDN"',
      },
      {
        reason: 'FieldValueTypeInvalid',
        field: 'endpoints[0].conditions.ready',
        message: 'Invalid value: "string": must be of type boolean',
      },
      {
        reason: 'FieldValueTypeInvalid',
        field: 'ports[0].port',
        message: 'Invalid value: "string": must be of type integer',
      },
    ]);
  });

  it("has upstream's schema: required fields, atomic lists and a set of addresses", () => {
    expect(schemaAt(EndpointSlice, '').required).toStrictEqual(['addressType', 'endpoints']);
    expect(schemaAt(EndpointSlice, 'addressType').enum).toStrictEqual(['IPv4', 'IPv6', 'FQDN']);
    expect(schemaAt(EndpointSlice, 'endpoints')).toMatchObject({
      type: 'array',
      nullable: true,
      'x-kubernetes-list-type': 'atomic',
    });
    expect(schemaAt(EndpointSlice, 'endpoints[*]').required).toStrictEqual(['addresses']);
    expect(schemaAt(EndpointSlice, 'endpoints[*].addresses')['x-kubernetes-list-type']).toBe('set');
    expect(schemaAt(EndpointSlice, 'endpoints[*].conditions.terminating').type).toBe('boolean');
    expect(schemaAt(EndpointSlice, 'endpoints[*].hints.forNodes[*]').required).toStrictEqual([
      'name',
    ]);
    expect(schemaAt(EndpointSlice, 'ports').nullable).toBe(true);
    expect(schemaAt(EndpointSlice, 'ports[*]')).toMatchObject({
      'x-kubernetes-map-type': 'atomic',
    });
    expect(schemaAt(EndpointSlice, 'ports[*]').required).toBeUndefined();
    expect(schemaAt(EndpointSliceList, 'items[*].ports[*].port').format).toBe('int32');
  });

  it('types apiVersion and kind as optional literals, and addressType and endpoints as required', () => {
    const typed: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      addressType: 'IPv4',
      endpoints: [],
    };
    // @ts-expect-error: an EndpointSlice's kind is 'EndpointSlice'
    const mistyped: EndpointSlice = { kind: 'Endpoints', addressType: 'IPv4', endpoints: null };
    // @ts-expect-error: addressType and endpoints are required
    const bare: EndpointSlice = {};
    expect([typed.kind, mistyped.kind, bare.kind]).toStrictEqual([
      'EndpointSlice',
      'Endpoints',
      undefined,
    ]);
  });
});
