import { describe, expect, it } from '@jest/globals';
import { ServiceAccount, ServiceAccountList } from '../../../../src/api/kinds/core-v1/index.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** A service account with a token secret and a pull secret, as `kubectl get sa -o json` prints it. */
const SERVICE_ACCOUNT = {
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: {
    name: 'builder',
    namespace: 'ci',
    uid: 'e2d4f6a8-1b3c-4d5e-8f70-9a1b2c3d4e5f',
    resourceVersion: '3310',
    creationTimestamp: '2024-05-01T12:00:00Z',
  },
  secrets: [
    { name: 'builder-token-x7k2p' },
    { kind: 'Secret', namespace: 'ci', name: 'deploy-key' },
  ],
  imagePullSecrets: [{ name: 'registry-credentials' }],
  automountServiceAccountToken: false,
};

describe('ServiceAccount', () => {
  it('decodes a service account and a list of them to equal values, strictly', () => {
    expectDecodesAsIs(ServiceAccount, SERVICE_ACCOUNT);
    expectDecodesAsIs(ServiceAccountList, { kind: 'ServiceAccountList', items: [SERVICE_ACCOUNT] });
  });

  it('reports an unknown field in an image pull secret with its path when strict', () => {
    const input = { ...SERVICE_ACCOUNT, imagePullSecrets: [{ name: 'r', namespace: 'other' }] };
    expect(strictErrors(ServiceAccount, input)).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'imagePullSecrets[0].namespace' },
    ]);
  });

  it('reports a wrongly typed secret reference and automount flag', () => {
    const input = { secrets: [{ name: 'a' }, 'b'], automountServiceAccountToken: 'false' };
    expect(strictErrors(ServiceAccount, input)).toStrictEqual([
      { reason: 'FieldValueTypeInvalid', field: 'secrets[1]' },
      { reason: 'FieldValueTypeInvalid', field: 'automountServiceAccountToken' },
    ]);
  });

  it('has a schema with secrets as a map list of atomic object references', () => {
    expect(schemaAt(ServiceAccount, 'secrets')).toMatchObject({
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
    });
    expect(schemaAt(ServiceAccount, 'secrets[*]')).toMatchObject({
      type: 'object',
      'x-kubernetes-map-type': 'atomic',
    });
    expect(schemaAt(ServiceAccount, 'secrets[*].fieldPath').type).toBe('string');
    expect(schemaAt(ServiceAccount, 'imagePullSecrets[*].name').type).toBe('string');
  });
});
