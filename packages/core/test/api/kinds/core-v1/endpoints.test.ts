import { describe, expect, it } from '@jest/globals';
import { decodeObject } from '../../../../src/api/codec/index.js';
import { Endpoints, EndpointsList } from '../../../../src/api/kinds/core-v1/endpoints.js';
import { expectLeft } from '../../../support/either.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** The endpoints of a service with one ready and one starting pod, as `kubectl get ep -o json` prints them. */
const WEB = {
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: '6c7d8e9f-0a1b-4c2d-9e3f-4a5b6c7d8e9f',
    resourceVersion: '48215',
    creationTimestamp: '2024-05-01T11:58:00Z',
    labels: { app: 'web' },
    annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2024-05-01T12:00:05Z' },
  },
  subsets: [
    {
      addresses: [
        {
          ip: '10.244.1.17',
          nodeName: 'node-1',
          targetRef: {
            kind: 'Pod',
            namespace: 'default',
            name: 'web-7d4b9c8f6-x2x9z',
            uid: '3f1c2a9e-8b1d-4c55-9a0e-1f2b3c4d5e6f',
          },
        },
      ],
      notReadyAddresses: [
        {
          ip: '10.244.2.9',
          hostname: 'web-1',
          nodeName: 'node-2',
          targetRef: {
            kind: 'Pod',
            namespace: 'default',
            name: 'web-7d4b9c8f6-q8w7e',
            uid: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d',
          },
        },
      ],
      ports: [
        { name: 'http', port: 8080, protocol: 'TCP', appProtocol: 'http' },
        { name: 'metrics', port: 9090, protocol: 'TCP' },
      ],
    },
  ],
};

describe('Endpoints', () => {
  it('decodes endpoints, and endpoints without subsets, strictly as is', () => {
    expectDecodesAsIs(Endpoints, WEB);
    expectDecodesAsIs(Endpoints, {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'idle' },
    });
  });

  it('decodes a list of endpoints strictly as is', () => {
    expectDecodesAsIs(EndpointsList, {
      apiVersion: 'v1',
      kind: 'EndpointsList',
      metadata: { resourceVersion: '48230' },
      items: [WEB],
    });
  });

  it('reports unknown fields when strict', () => {
    const input = {
      ...WEB,
      subsets: [{ addresses: [{ ip: '10.244.1.17', zone: 'zone-a' }], ready: true }],
    };
    expect(strictErrors(Endpoints, input)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'subsets[0].addresses[0].zone' },
      { reason: 'FieldValueUnknown', field: 'subsets[0].ready' },
    ]);
  });

  it('requires the ip of an address and the number of a port', () => {
    const input = {
      subsets: [{ notReadyAddresses: [{ hostname: 'web-1' }], ports: [{ name: 'http' }] }],
    };
    expect(strictErrors(Endpoints, input)).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'subsets[0].notReadyAddresses[0].ip' },
      { reason: 'FieldValueRequired', field: 'subsets[0].ports[0].port' },
    ]);
  });

  it('reports a port that is not a number and a protocol it does not support', () => {
    const input = { subsets: [{ ports: [{ port: 'abc', protocol: 'ICMP' }] }] };
    expect(expectLeft(decodeObject(Endpoints, input))).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'subsets[0].ports[0].port',
        message: 'Invalid value: "string": must be of type integer',
      },
      {
        reason: 'FieldValueNotSupported',
        field: 'subsets[0].ports[0].protocol',
        message: 'Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"',
      },
    ]);
  });

  it("has upstream's schema: atomic lists, atomic addresses and ports", () => {
    expect(schemaAt(Endpoints, 'subsets')['x-kubernetes-list-type']).toBe('atomic');
    expect(schemaAt(Endpoints, 'subsets[*].addresses')['x-kubernetes-list-type']).toBe('atomic');
    expect(schemaAt(Endpoints, 'subsets[*].addresses[*]')).toMatchObject({
      required: ['ip'],
      'x-kubernetes-map-type': 'atomic',
    });
    expect(schemaAt(Endpoints, 'subsets[*].notReadyAddresses[*].targetRef.uid').type).toBe(
      'string',
    );
    expect(schemaAt(Endpoints, 'subsets[*].ports[*]')).toMatchObject({
      required: ['port'],
      'x-kubernetes-map-type': 'atomic',
    });
    expect(schemaAt(EndpointsList, 'items[*].subsets[*].ports[*].port').format).toBe('int32');
  });

  it('types apiVersion and kind as optional literals', () => {
    const typed: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', subsets: [] };
    // @ts-expect-error: an Endpoints' kind is 'Endpoints'
    const mistyped: Endpoints = { kind: 'Endpoint' };
    const bare: Endpoints = {};
    expect([typed.kind, mistyped.kind, bare.kind]).toStrictEqual([
      'Endpoints',
      'Endpoint',
      undefined,
    ]);
  });
});
