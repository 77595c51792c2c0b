import { describe, expect, it } from '@jest/globals';
import {
  validateConfigMap,
  validateConfigMapUpdate,
} from '../../../src/apiserver/validation/index.js';

const META = { name: 'app-config', namespace: 'default' };

describe('validateConfigMap', () => {
  it('accepts text and binary data under distinct config keys', () => {
    expect(
      validateConfigMap({
        metadata: META,
        data: { 'app.properties': 'a=1' },
        binaryData: { 'logo.png': 'iVBORw0KGgo=' },
      }),
    ).toStrictEqual([]);
  });

  it('reports bad keys and a key in both data and binaryData', () => {
    expect(
      validateConfigMap({
        metadata: META,
        data: { 'a/b': '', both: '' },
        binaryData: { both: 'AA==' },
      }),
    ).toStrictEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'data[a/b]',
        message:
          "Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      },
      {
        reason: 'FieldValueInvalid',
        field: 'data[both]',
        message: 'Invalid value: "both": duplicate of key present in binaryData',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'binaryData[both]',
        message: 'Invalid value: "both": duplicate of key present in data',
      },
    ]);
  });

  it('reports data over 1 MiB in all', () => {
    const half = 'x'.repeat(512 * 1024);
    expect(validateConfigMap({ metadata: META, data: { a: half, b: `${half}!` } })).toStrictEqual([
      {
        reason: 'FieldValueTooLong',
        field: '',
        message: 'Too long: may not be more than 1048576 bytes',
      },
    ]);
  });
});

describe('validateConfigMapUpdate', () => {
  const old = { metadata: META, immutable: true, data: { a: '1' }, binaryData: { b: 'AA==' } };

  it('accepts a metadata change of an immutable config map', () => {
    expect(
      validateConfigMapUpdate({ ...old, metadata: { ...META, labels: { x: 'y' } } }, old),
    ).toStrictEqual([]);
  });

  it('forbids changing data or lifting immutability once immutable', () => {
    expect(
      validateConfigMapUpdate({ metadata: META, immutable: false, data: { a: '2' } }, old),
    ).toStrictEqual([
      {
        reason: 'FieldValueForbidden',
        field: 'immutable',
        message: 'Forbidden: field is immutable when `immutable` is set',
      },
      {
        reason: 'FieldValueForbidden',
        field: 'data',
        message: 'Forbidden: field is immutable when `immutable` is set',
      },
      {
        reason: 'FieldValueForbidden',
        field: 'binaryData',
        message: 'Forbidden: field is immutable when `immutable` is set',
      },
    ]);
  });

  it('lets a mutable config map change its data', () => {
    expect(
      validateConfigMapUpdate(
        { metadata: META, data: { a: '2' } },
        { metadata: META, data: { a: '1' } },
      ),
    ).toStrictEqual([]);
  });
});
