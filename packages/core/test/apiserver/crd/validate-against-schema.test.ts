import { describe, expect, it } from '@jest/globals';
import type { FieldError, JSONSchemaProps } from '../../../src/api/codec/index.js';
import { validateAgainstSchema } from '../../../src/apiserver/crd/index.js';
import { CRONTAB_SCHEMA, MY_CRONTAB } from './crontab-fixture.js';

function errorOf(reason: FieldError['reason'], field: string, message: string): FieldError {
  return { reason, field, message };
}

describe('validateAgainstSchema', () => {
  it('accepts a valid crontab, with and without replicas', () => {
    expect(validateAgainstSchema(MY_CRONTAB, CRONTAB_SCHEMA)).toStrictEqual([]);
    expect(
      validateAgainstSchema(
        { ...MY_CRONTAB, spec: { ...MY_CRONTAB.spec, replicas: 10 } },
        CRONTAB_SCHEMA,
      ),
    ).toStrictEqual([]);
  });

  it('reports every bad field of a crontab with its path', () => {
    const bad = { ...MY_CRONTAB, spec: { cronSpec: 'every minute', image: 7, replicas: 11 } };
    expect(validateAgainstSchema(bad, CRONTAB_SCHEMA)).toStrictEqual([
      errorOf(
        'FieldValueInvalid',
        'spec.cronSpec',
        `Invalid value: "every minute": should match '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'`,
      ),
      errorOf(
        'FieldValueTypeInvalid',
        'spec.image',
        'Invalid value: "integer": must be of type string',
      ),
      errorOf(
        'FieldValueInvalid',
        'spec.replicas',
        'Invalid value: 11: should be less than or equal to 10',
      ),
    ]);
  });

  it('prefixes the path it is given', () => {
    expect(
      validateAgainstSchema('x', { type: 'integer' }, { path: 'spec.replicas' }),
    ).toStrictEqual([
      errorOf(
        'FieldValueTypeInvalid',
        'spec.replicas',
        'Invalid value: "string": must be of type integer',
      ),
    ]);
  });

  it.each<[string, JSONSchemaProps, unknown, readonly FieldError[]]>([
    [
      'a fraction for an integer',
      { type: 'integer' },
      1.5,
      [errorOf('FieldValueTypeInvalid', '', 'Invalid value: "number": must be of type integer')],
    ],
    [
      'null for a non-nullable string',
      { type: 'string' },
      null,
      [errorOf('FieldValueTypeInvalid', '', 'Invalid value: "null": must be of type string')],
    ],
    [
      'a list for an object',
      { type: 'object' },
      [],
      [errorOf('FieldValueTypeInvalid', '', 'Invalid value: "array": must be of type object')],
    ],
    [
      'a boolean for an int-or-string',
      { 'x-kubernetes-int-or-string': true },
      true,
      [
        errorOf(
          'FieldValueTypeInvalid',
          '',
          'Invalid value: "boolean": must be of type integer or string',
        ),
      ],
    ],
    [
      'a missing required field',
      {
        type: 'object',
        required: ['image', 'cronSpec'],
        properties: { image: { type: 'string' } },
      },
      { image: 'x' },
      [errorOf('FieldValueRequired', 'cronSpec', 'Required value')],
    ],
    [
      'a value outside the enum',
      { type: 'string', enum: ['Always', 'Never'] },
      'Sometimes',
      [
        errorOf(
          'FieldValueNotSupported',
          '',
          'Unsupported value: "Sometimes": supported values: "Always", "Never"',
        ),
      ],
    ],
    [
      'a value below the minimum',
      { type: 'integer', minimum: 1 },
      0,
      [errorOf('FieldValueInvalid', '', 'Invalid value: 0: should be greater than or equal to 1')],
    ],
    [
      'a value at an exclusive minimum',
      { type: 'number', minimum: 1, exclusiveMinimum: true },
      1,
      [errorOf('FieldValueInvalid', '', 'Invalid value: 1: should be greater than 1')],
    ],
    [
      'a value at an exclusive maximum',
      { type: 'number', maximum: 1, exclusiveMaximum: true },
      1,
      [errorOf('FieldValueInvalid', '', 'Invalid value: 1: should be less than 1')],
    ],
    [
      'a value that is not a multiple',
      { type: 'integer', multipleOf: 5 },
      7,
      [errorOf('FieldValueInvalid', '', 'Invalid value: 7: should be a multiple of 5')],
    ],
    [
      'a string too short',
      { type: 'string', minLength: 2 },
      'a',
      [errorOf('FieldValueInvalid', '', 'Invalid value: "a": should be at least 2 chars long')],
    ],
    [
      'a string too long',
      { type: 'string', maxLength: 3 },
      'abcd',
      [errorOf('FieldValueTooLong', '', 'Too long: may not be more than 3 bytes')],
    ],
    [
      'a list too short',
      { type: 'array', minItems: 1 },
      [],
      [errorOf('FieldValueInvalid', '', 'Invalid value: []: should have at least 1 items')],
    ],
    [
      'a list too long',
      { type: 'array', maxItems: 1 },
      [1, 2],
      [errorOf('FieldValueTooMany', '', 'Too many: 2: must have at most 1 items')],
    ],
    [
      'too few and too many properties',
      {
        type: 'object',
        properties: {
          a: { type: 'object', minProperties: 1 },
          b: { type: 'object', maxProperties: 1 },
        },
      },
      { a: {}, b: { x: 1, y: 2 } },
      [
        errorOf('FieldValueInvalid', 'a', 'Invalid value: {}: should have at least 1 properties'),
        errorOf('FieldValueTooMany', 'b', 'Too many: 2: must have at most 1 items'),
      ],
    ],
    [
      'an int32 out of range',
      { type: 'integer', format: 'int32' },
      2 ** 31,
      [errorOf('FieldValueInvalid', '', 'Invalid value: 2147483648: must be of type int32')],
    ],
    [
      'a bad date-time',
      { type: 'string', format: 'date-time' },
      '2024-05-01',
      [errorOf('FieldValueInvalid', '', 'Invalid value: "2024-05-01": must be of type date-time')],
    ],
    [
      'a bad date',
      { type: 'string', format: 'date' },
      '2024-02-30',
      [errorOf('FieldValueInvalid', '', 'Invalid value: "2024-02-30": must be of type date')],
    ],
    [
      'bad base64',
      { type: 'string', format: 'byte' },
      'abc',
      [errorOf('FieldValueInvalid', '', 'Invalid value: "abc": must be of type byte')],
    ],
    [
      'duplicates in a set list',
      { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
      ['a', 'b', 'a'],
      [errorOf('FieldValueDuplicate', '[2]', 'Duplicate value: "a"')],
    ],
    [
      'duplicate keys in a map list',
      {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name', 'protocol'],
        items: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            protocol: { type: 'string' },
            port: { type: 'integer' },
          },
        },
      },
      [
        { name: 'http', protocol: 'TCP', port: 80 },
        { name: 'http', protocol: 'UDP', port: 80 },
        { name: 'http', protocol: 'TCP', port: 8080 },
      ],
      [errorOf('FieldValueDuplicate', '[2]', 'Duplicate value: {"name":"http","protocol":"TCP"}')],
    ],
    [
      'duplicates under uniqueItems',
      { type: 'array', uniqueItems: true },
      [{ a: 1 }, { a: 1 }],
      [errorOf('FieldValueDuplicate', '[1]', 'Duplicate value: {"a":1}')],
    ],
    [
      'a bad map value',
      {
        type: 'object',
        properties: { limits: { type: 'object', additionalProperties: { type: 'string' } } },
      },
      { limits: { cpu: '1', memory: 2 } },
      [
        errorOf(
          'FieldValueTypeInvalid',
          'limits[memory]',
          'Invalid value: "integer": must be of type string',
        ),
      ],
    ],
    [
      'a field where additionalProperties is false',
      { type: 'object', additionalProperties: false },
      { a: 1 },
      [errorOf('FieldValueForbidden', 'a', 'Forbidden: is a forbidden property')],
    ],
    [
      'a value matching no anyOf member',
      { type: 'object', anyOf: [{ required: ['a'] }, { required: ['b'] }] },
      { c: 1 },
      [
        errorOf(
          'FieldValueInvalid',
          '',
          'Invalid value: {"c":1}: must validate at least one schema (anyOf)',
        ),
      ],
    ],
    [
      'a value matching two oneOf members',
      { type: 'object', oneOf: [{ required: ['a'] }, { required: ['b'] }] },
      { a: 1, b: 2 },
      [
        errorOf(
          'FieldValueInvalid',
          '',
          'Invalid value: {"a":1,"b":2}: must validate one and only one schema (oneOf)',
        ),
      ],
    ],
    [
      'a value matching not',
      { type: 'string', not: { enum: ['root'] } },
      'root',
      [
        errorOf(
          'FieldValueInvalid',
          '',
          'Invalid value: "root": must not validate the schema (not)',
        ),
      ],
    ],
    [
      'the errors of every allOf member',
      { type: 'integer', allOf: [{ minimum: 5 }, { maximum: 1 }] },
      3,
      [
        errorOf('FieldValueInvalid', '', 'Invalid value: 3: should be greater than or equal to 5'),
        errorOf('FieldValueInvalid', '', 'Invalid value: 3: should be less than or equal to 1'),
      ],
    ],
    [
      'an embedded resource without kind',
      {
        type: 'object',
        'x-kubernetes-embedded-resource': true,
        'x-kubernetes-preserve-unknown-fields': true,
      },
      { apiVersion: 'v1' },
      [errorOf('FieldValueRequired', 'kind', 'Required value: must not be empty')],
    ],
    [
      'a string against an invalid pattern',
      { type: 'string', pattern: '([a-z' },
      'a',
      [
        errorOf(
          'FieldValueInvalid',
          '',
          'Invalid value: "a": pattern \'([a-z\' is not a valid regular expression',
        ),
      ],
    ],
    [
      'a bad list item',
      {
        type: 'array',
        items: { type: 'object', properties: { name: { type: 'string', minLength: 1 } } },
      },
      [{ name: 'a' }, { name: '' }],
      [
        errorOf(
          'FieldValueInvalid',
          '[1].name',
          'Invalid value: "": should be at least 1 chars long',
        ),
      ],
    ],
  ])('reports %s', (_name, schema, value, expected) => {
    expect(validateAgainstSchema(value, schema)).toStrictEqual(expected);
  });

  it.each<[string, JSONSchemaProps, unknown]>([
    ['null where nullable', { type: 'string', nullable: true, minLength: 3 }, null],
    [
      'an int-or-string integer',
      { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
      8080,
    ],
    ['an int-or-string string', { 'x-kubernetes-int-or-string': true }, '25%'],
    ['an integer where a number is expected', { type: 'number', maximum: 2 }, 2],
    ['unknown fields (pruning removes them)', { type: 'object', properties: {} }, { extra: 1 }],
    [
      'anything under preserve-unknown-fields',
      { 'x-kubernetes-preserve-unknown-fields': true },
      [{ any: 'thing' }],
    ],
    ['an unknown format', { type: 'string', format: 'password' }, 'hunter2'],
    [
      'a multibyte string within maxLength (characters, not bytes)',
      { type: 'string', maxLength: 2 },
      'éé',
    ],
    ['a valid int64', { type: 'integer', format: 'int64' }, 2 ** 40],
    [
      'a valid uuid, date-time and byte string',
      { type: 'array', items: { type: 'string', format: 'uuid' } },
      ['9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'],
    ],
    [
      'a field named like an Object method',
      { type: 'object', properties: { a: { type: 'string' } } },
      { constructor: 1, toString: 'x' },
    ],
  ])('accepts %s', (_name, schema, value) => {
    expect(validateAgainstSchema(value, schema)).toStrictEqual([]);
  });
});
