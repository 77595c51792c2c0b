import { describe, expect, it } from '@jest/globals';
import { decodeObject } from '../../../../src/api/codec/index.js';
import { ConfigMap, ConfigMapList } from '../../../../src/api/kinds/core-v1/index.js';
import { expectLeft } from '../../../support/either.js';
import { expectDecodesAsIs, schemaAt, strictErrors } from '../kind-test-support.js';

/** The cluster's root CA bundle and a binary blob, as `kubectl get cm -o json` prints them. */
const CONFIG_MAP = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name: 'app-config',
    namespace: 'default',
    uid: '0b8e2c8f-3c8e-4b7e-9a51-7f0c2a1d9e44',
    resourceVersion: '1042',
    creationTimestamp: '2024-05-01T12:00:00Z',
  },
  data: { 'app.properties': 'color=blue\nsize=3\n', LOG_LEVEL: 'debug' },
  binaryData: { 'logo.png': 'iVBORw0KGgo=' },
  immutable: true,
};

describe('ConfigMap', () => {
  it('decodes a config map and a list of them to equal values, strictly', () => {
    expectDecodesAsIs(ConfigMap, CONFIG_MAP);
    expectDecodesAsIs(ConfigMapList, {
      apiVersion: 'v1',
      kind: 'ConfigMapList',
      metadata: { resourceVersion: '1050', continue: 'eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ' },
      items: [CONFIG_MAP, { metadata: { name: 'empty' } }],
    });
  });

  it('reports an unknown top-level field when strict', () => {
    expect(strictErrors(ConfigMap, { ...CONFIG_MAP, stringData: { a: 'b' } })).toStrictEqual([
      { reason: 'FieldValueUnknown', field: 'stringData' },
    ]);
  });

  it('reports a data value that is not a string, and binary data that is not base64', () => {
    const input = {
      ...CONFIG_MAP,
      data: { replicas: 3 },
      binaryData: { 'logo.png': 'not base64!' },
    };
    expect(expectLeft(decodeObject(ConfigMap, input))).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'data[replicas]',
        message: 'Invalid value: "integer": must be of type string',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'binaryData[logo.png]',
        message: 'Invalid value: "not base64!": must be standard, padded base64',
      },
    ]);
  });

  it('has a schema with data as a string map and binaryData as a byte map', () => {
    expect(schemaAt(ConfigMap, 'data')).toMatchObject({
      type: 'object',
      additionalProperties: { type: 'string' },
    });
    expect(schemaAt(ConfigMap, 'binaryData[*]')).toStrictEqual({ type: 'string', format: 'byte' });
    expect(schemaAt(ConfigMap, 'immutable').type).toBe('boolean');
    expect(schemaAt(ConfigMapList, 'items[*].data[*]')).toStrictEqual({ type: 'string' });
  });

  it('types apiVersion and kind as optional literals', () => {
    const typed: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } };
    // @ts-expect-error: a ConfigMap's kind is 'ConfigMap'
    const mistyped: ConfigMap = { kind: 'Secret' };
    const bare: ConfigMap = {};
    expect([typed.kind, mistyped.kind, bare.kind]).toStrictEqual([
      'ConfigMap',
      'Secret',
      undefined,
    ]);
  });
});
