import { describe, expect, it } from '@jest/globals';
import { validateSecret, validateSecretUpdate } from '../../../src/apiserver/validation/index.js';

const META = { name: 'creds', namespace: 'default' };

describe('validateSecret', () => {
  it.each([
    ['an opaque secret', { metadata: META, type: 'Opaque', data: { password: 'cGFzcw==' } }],
    [
      'a TLS secret',
      { metadata: META, type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } },
    ],
    [
      'basic auth given as string data',
      { metadata: META, type: 'kubernetes.io/basic-auth', stringData: { username: 'u' } },
    ],
    [
      'a service account token with its annotation',
      {
        metadata: { ...META, annotations: { 'kubernetes.io/service-account.name': 'robot' } },
        type: 'kubernetes.io/service-account-token',
      },
    ],
  ])('accepts %s', (_case, secret) => {
    expect(validateSecret(secret)).toStrictEqual([]);
  });

  it.each([
    [
      'a service account token without its annotation',
      { metadata: META, type: 'kubernetes.io/service-account-token' },
      [
        {
          reason: 'FieldValueRequired',
          field: 'metadata.annotations[kubernetes.io/service-account.name]',
          message: 'Required value',
        },
      ],
    ],
    [
      'a TLS secret without its keys',
      { metadata: META, type: 'kubernetes.io/tls', data: {} },
      [
        { reason: 'FieldValueRequired', field: 'data[tls.crt]', message: 'Required value' },
        { reason: 'FieldValueRequired', field: 'data[tls.key]', message: 'Required value' },
      ],
    ],
    [
      'basic auth with neither username nor password',
      { metadata: META, type: 'kubernetes.io/basic-auth' },
      [
        { reason: 'FieldValueRequired', field: 'data[username]', message: 'Required value' },
        { reason: 'FieldValueRequired', field: 'data[password]', message: 'Required value' },
      ],
    ],
    [
      'a dot key in string data',
      { metadata: META, stringData: { '.': 'x' } },
      [
        {
          reason: 'FieldValueInvalid',
          field: 'data[.]',
          message: 'Invalid value: ".": must not be \'.\'',
        },
      ],
    ],
    [
      'data over 1 MiB',
      { metadata: META, stringData: { big: 'x'.repeat(1024 * 1024 + 1) } },
      [
        {
          reason: 'FieldValueTooLong',
          field: 'data',
          message: 'Too long: may not be more than 1048576 bytes',
        },
      ],
    ],
  ] as const)('reports %s', (_case, secret, expected) => {
    expect(validateSecret(secret)).toStrictEqual(expected);
  });
});

describe('validateSecretUpdate', () => {
  it('reports a changed type and changed data of an immutable secret', () => {
    const old = { metadata: META, type: 'Opaque', immutable: true, data: { a: 'YQ==' } };
    expect(
      validateSecretUpdate({ ...old, type: 'example.com/x', data: { a: 'Yg==' } }, old),
    ).toStrictEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'type',
        message: 'Invalid value: "example.com/x": field is immutable',
      },
      {
        reason: 'FieldValueForbidden',
        field: 'data',
        message: 'Forbidden: field is immutable when `immutable` is set',
      },
    ]);
  });
});
