import { describe, expect, it } from '@jest/globals';
import type { JSONSchemaProps } from '../../../src/api/codec/index.js';
import { structuralSchemaErrors } from '../../../src/apiserver/crd/index.js';
import { CRONTAB_SCHEMA } from './crontab-fixture.js';

const ROOT = 'spec.versions[0].schema.openAPIV3Schema';

function messages(schema: JSONSchemaProps): readonly string[] {
  return structuralSchemaErrors(schema, ROOT).map((error) => `${error.field}: ${error.message}`);
}

describe('structuralSchemaErrors', () => {
  it.each<[string, JSONSchemaProps]>([
    ['the crontab schema', CRONTAB_SCHEMA],
    [
      'an int-or-string without a type',
      { type: 'object', properties: { port: { 'x-kubernetes-int-or-string': true } } },
    ],
    [
      'an int-or-string with anyOf integer and string, as controller-gen writes it',
      {
        type: 'object',
        properties: {
          port: {
            'x-kubernetes-int-or-string': true,
            anyOf: [{ type: 'integer' }, { type: 'string' }],
          },
        },
      },
    ],
    [
      'a free-form field',
      { type: 'object', properties: { values: { 'x-kubernetes-preserve-unknown-fields': true } } },
    ],
    [
      'a map',
      {
        type: 'object',
        properties: { labels: { type: 'object', additionalProperties: { type: 'string' } } },
      },
    ],
    [
      'metadata restricting only the name',
      {
        type: 'object',
        properties: {
          metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 10 } } },
        },
      },
    ],
    [
      'anyOf restricting values only',
      {
        type: 'object',
        properties: { a: { type: 'string' } },
        anyOf: [{ required: ['a'] }, { properties: { a: { minLength: 2 } } }],
      },
    ],
    [
      'a map list with its keys',
      {
        type: 'object',
        properties: {
          ports: {
            type: 'array',
            'x-kubernetes-list-type': 'map',
            'x-kubernetes-list-map-keys': ['name'],
            items: { type: 'object', properties: { name: { type: 'string' } } },
          },
        },
      },
    ],
  ])('accepts %s', (_name, schema) => {
    expect(messages(schema)).toStrictEqual([]);
  });

  it.each<[string, JSONSchemaProps, readonly string[]]>([
    [
      'a field without a type',
      { type: 'object', properties: { spec: { properties: { a: { type: 'string' } } } } },
      [
        `${ROOT}.properties[spec].type: Required value: must not be empty for specified object fields`,
      ],
    ],
    [
      'a root without a type',
      { properties: {} },
      [`${ROOT}.type: Required value: must not be empty at the root`],
    ],
    [
      'a root that is not an object',
      { type: 'string' },
      [`${ROOT}.type: Invalid value: "string": must be object at the root`],
    ],
    [
      'items without a type, and an array without items',
      { type: 'object', properties: { a: { type: 'array', items: {} }, b: { type: 'array' } } },
      [
        `${ROOT}.properties[a].items.type: Required value: must not be empty for specified array items`,
        `${ROOT}.properties[b].items: Required value: must be specified`,
      ],
    ],
    [
      'additionalProperties with properties, and at the root',
      {
        type: 'object',
        additionalProperties: { type: 'string' },
        properties: {
          a: { type: 'object', properties: { b: { type: 'string' } }, additionalProperties: false },
        },
      },
      [
        `${ROOT}.additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive`,
        `${ROOT}.additionalProperties: Forbidden: must not be used at the root`,
        `${ROOT}.properties[a].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive`,
      ],
    ],
    [
      'metadata restricting labels',
      {
        type: 'object',
        properties: { metadata: { type: 'object', properties: { labels: { type: 'object' } } } },
      },
      [
        `${ROOT}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified`,
      ],
    ],
    [
      'kind and metadata of the wrong types',
      { type: 'object', properties: { kind: { type: 'integer' }, metadata: { type: 'string' } } },
      [
        `${ROOT}.properties[kind].type: Invalid value: "integer": must be string`,
        `${ROOT}.properties[metadata].type: Invalid value: "string": must be object`,
      ],
    ],
    [
      'a type, a default and metadata under anyOf',
      {
        type: 'object',
        properties: { a: { type: 'string' } },
        anyOf: [{ type: 'object' }, { properties: { a: { default: 'x' }, metadata: {} } }],
      },
      [
        `${ROOT}.anyOf[0].type: Forbidden: must be empty to be structural`,
        `${ROOT}.anyOf[1].properties[a].default: Forbidden: must be undefined to be structural`,
        `${ROOT}.anyOf[1].properties[metadata]: Forbidden: must not be specified in a nested context`,
      ],
    ],
    [
      'preserve-unknown-fields set to false, and together with int-or-string',
      {
        type: 'object',
        properties: {
          a: { type: 'object', 'x-kubernetes-preserve-unknown-fields': false },
          b: { 'x-kubernetes-int-or-string': true, 'x-kubernetes-preserve-unknown-fields': true },
        },
      },
      [
        `${ROOT}.properties[a].x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined`,
        `${ROOT}.properties[b].x-kubernetes-preserve-unknown-fields: Invalid value: true: must be false if x-kubernetes-int-or-string is true`,
      ],
    ],
    [
      'an embedded resource without a type or properties',
      { type: 'object', properties: { template: { 'x-kubernetes-embedded-resource': true } } },
      [
        `${ROOT}.properties[template].properties: Required value: must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields`,
        `${ROOT}.properties[template].type: Required value: must be object if x-kubernetes-embedded-resource is true`,
      ],
    ],
    [
      'uniqueItems, a bad pattern and a map list without keys',
      {
        type: 'object',
        properties: {
          tags: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: '([a-z' } },
          ports: { type: 'array', 'x-kubernetes-list-type': 'map', items: { type: 'object' } },
          flags: { type: 'string', 'x-kubernetes-list-type': 'set' },
        },
      },
      [
        `${ROOT}.properties[flags].type: Invalid value: "string": must be array if x-kubernetes-list-type is specified`,
        `${ROOT}.properties[ports].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map`,
        `${ROOT}.properties[tags].items.pattern: Invalid value: "([a-z": must be a valid regular expression, but isn't: Invalid regular expression: /([a-z/: Unterminated character class`,
        `${ROOT}.properties[tags].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic`,
      ],
    ],
  ])('reports %s', (_name, schema, expected) => {
    expect(messages(schema)).toStrictEqual(expected);
  });

  it('gives each error its reason', () => {
    expect(structuralSchemaErrors({ type: 'object', properties: { a: {} } }, '')).toStrictEqual([
      {
        reason: 'FieldValueRequired',
        field: 'properties[a].type',
        message: 'Required value: must not be empty for specified object fields',
      },
    ]);
  });
});
