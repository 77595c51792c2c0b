import { describe, expect, it } from '@jest/globals';
import { Secret, SecretList } from '../../../../src/api/kinds/core-v1/index.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** A TLS secret, as `kubectl get secret web-tls -o json` prints it. */
const TLS_SECRET = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: {
    name: 'web-tls',
    namespace: 'default',
    uid: 'c3a9f1d2-7e4b-4a6c-8d2e-5b1f0a9c3e77',
    resourceVersion: '2211',
    creationTimestamp: '2024-05-01T12:00:00Z',
    annotations: { 'cert-manager.io/issuer-name': 'letsencrypt' },
  },
  type: 'kubernetes.io/tls',
  data: { 'tls.crt': 'LS0tLS1CRUdJTg==', 'tls.key': 'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t' },
  immutable: false,
};

describe('Secret', () => {
  it('decodes a TLS secret, a list, and a request body with stringData, strictly', () => {
    expectDecodesAsIs(Secret, TLS_SECRET);
    expectDecodesAsIs(SecretList, {
      apiVersion: 'v1',
      kind: 'SecretList',
      metadata: {},
      items: [TLS_SECRET],
    });
    expectDecodesAsIs(Secret, { metadata: { name: 'db' }, stringData: { password: 's3cret' } });
  });

  it('reports an unknown field in metadata when strict', () => {
    expect(
      strictErrors(Secret, { ...TLS_SECRET, metadata: { name: 'x', selfLink: '/x' } }),
    ).toStrictEqual([{ reason: 'FieldValueUnknown', field: 'metadata.selfLink' }]);
  });

  it('reports data that is not base64 and a type that is not a string', () => {
    expect(strictErrors(Secret, { data: { password: 's3cret!' }, type: 1 })).toStrictEqual([
      { reason: 'FieldValueInvalid', field: 'data[password]' },
      { reason: 'FieldValueTypeInvalid', field: 'type' },
    ]);
  });

  it('has a schema whose data values have format byte and stringData values are strings', () => {
    expect(schemaAt(Secret, 'data')).toMatchObject({
      type: 'object',
      additionalProperties: { type: 'string', format: 'byte' },
    });
    expect(schemaAt(Secret, 'stringData[*]')).toStrictEqual({ type: 'string' });
    expect(schemaAt(Secret, 'type').type).toBe('string');
    expect(schemaAt(SecretList, 'items[*].kind').enum).toStrictEqual(['Secret']);
  });
});
