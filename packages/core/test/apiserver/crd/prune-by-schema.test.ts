import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { JSONSchemaProps } from '../../../src/api/codec/index.js';
import { pruneBySchema } from '../../../src/apiserver/crd/index.js';
import { CRONTAB_SCHEMA, MY_CRONTAB } from './crontab-fixture.js';

describe('pruneBySchema', () => {
  it('drops the fields a crontab schema does not specify and keeps apiVersion, kind and metadata', () => {
    const input = {
      ...MY_CRONTAB,
      metadata: { ...MY_CRONTAB.metadata, notObjectMeta: true },
      spec: { ...MY_CRONTAB.spec, extra: 1 },
      foo: 'bar',
    };
    expect(pruneBySchema(input, CRONTAB_SCHEMA)).toStrictEqual({
      value: { ...MY_CRONTAB, metadata: { ...MY_CRONTAB.metadata, notObjectMeta: true } },
      unknownFields: ['spec.extra', 'foo'],
    });
  });

  it.each<[string, JSONSchemaProps, unknown, unknown, readonly string[]]>([
    [
      'fields of list items',
      {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: { type: 'object', properties: { name: { type: 'string' } } },
          },
        },
      },
      { items: [{ name: 'a', x: 1 }, { name: 'b' }] },
      { items: [{ name: 'a' }, { name: 'b' }] },
      ['items[0].x'],
    ],
    [
      'fields of map values, keeping the keys',
      {
        type: 'object',
        properties: {
          m: {
            type: 'object',
            additionalProperties: { type: 'object', properties: { a: { type: 'string' } } },
          },
        },
      },
      { m: { one: { a: 'x', b: 'y' } } },
      { m: { one: { a: 'x' } } },
      ['m[one].b'],
    ],
    [
      'named fields under preserve-unknown-fields, keeping the others',
      {
        type: 'object',
        properties: {
          values: {
            type: 'object',
            'x-kubernetes-preserve-unknown-fields': true,
            properties: { known: { type: 'object', properties: { a: { type: 'string' } } } },
          },
        },
      },
      { values: { free: { deep: 1 }, known: { a: 'x', b: 'y' } } },
      { values: { free: { deep: 1 }, known: { a: 'x' } } },
      ['values.known.b'],
    ],
    [
      'everything in an object without properties',
      { type: 'object', properties: { spec: { type: 'object' } } },
      { spec: { a: 1, b: { c: 2 } } },
      { spec: {} },
      ['spec.a', 'spec.b'],
    ],
    [
      'nothing where additionalProperties is true',
      { type: 'object', properties: { spec: { type: 'object', additionalProperties: true } } },
      { spec: { a: 1 } },
      { spec: { a: 1 } },
      [],
    ],
    [
      'fields of an embedded resource but its apiVersion, kind and metadata',
      {
        type: 'object',
        properties: {
          template: {
            type: 'object',
            'x-kubernetes-embedded-resource': true,
            properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } },
          },
        },
      },
      {
        template: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'x' },
          spec: { a: 'y', b: 1 },
          other: 1,
        },
      },
      { template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { a: 'y' } } },
      ['template.spec.b', 'template.other'],
    ],
    [
      'fields named like Object methods',
      {
        type: 'object',
        properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } },
      },
      { spec: JSON.parse('{"a":"x","constructor":1,"__proto__":{"polluted":true}}') as unknown },
      { spec: { a: 'x' } },
      ['spec.constructor', 'spec.__proto__'],
    ],
    [
      'nothing in a value of the wrong type',
      { type: 'object', properties: { spec: { type: 'object', properties: {} } } },
      { spec: 'text', status: [1] },
      { spec: 'text' },
      ['status'],
    ],
  ])('prunes %s', (_name, schema, input, value, unknownFields) => {
    expect(pruneBySchema(input, schema)).toStrictEqual({ value, unknownFields });
  });

  it('does not modify its input', () => {
    const input = { spec: { cronSpec: '* * * * *', extra: 1 } };
    const frozen = JSON.stringify(input);
    pruneBySchema(input, CRONTAB_SCHEMA);
    expect(JSON.stringify(input)).toBe(frozen);
  });

  // Random object schemas (properties, maps, lists, preserve-unknown-fields) and
  // random values: every field left is allowed, and every allowed field is left.
  const leaf = fc.constant<JSONSchemaProps>({ type: 'string' });
  const { schema: schemaArbitrary } = fc.letrec<{ schema: JSONSchemaProps }>((tie) => ({
    schema: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({
        type: fc.constant('object' as const),
        properties: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('schema'), { maxKeys: 3 }),
        'x-kubernetes-preserve-unknown-fields': fc.boolean(),
      }),
      fc.record({ type: fc.constant('object' as const), additionalProperties: tie('schema') }),
      fc.record({ type: fc.constant('array' as const), items: tie('schema') }),
    ),
  }));
  const valueArbitrary = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string({ maxLength: 2 }),
      fc.integer(),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  // Whether `output` keeps exactly the fields of `input` that `schema` allows.
  function keepsExactlyTheAllowed(input: unknown, output: unknown, s: JSONSchemaProps): boolean {
    if (Array.isArray(input)) {
      const items = s.items;
      return (
        Array.isArray(output) &&
        output.length === input.length &&
        input.every((item, i) =>
          items === undefined ? item === output[i] : keepsExactlyTheAllowed(item, output[i], items),
        )
      );
    }
    if (typeof input !== 'object' || input === null) {
      return input === output;
    }
    if (typeof output !== 'object' || output === null || Array.isArray(output)) {
      return false;
    }
    const inputRecord = input as Record<string, unknown>;
    const outputRecord = output as Record<string, unknown>;
    const allowed = (key: string): JSONSchemaProps | 'any' | undefined => {
      if (s.properties !== undefined && Object.hasOwn(s.properties, key)) {
        return s.properties[key];
      }
      if (typeof s.additionalProperties === 'object') {
        return s.additionalProperties;
      }
      return s['x-kubernetes-preserve-unknown-fields'] === true ? 'any' : undefined;
    };
    return (
      Object.keys(outputRecord).every(
        (key) => Object.hasOwn(inputRecord, key) && allowed(key) !== undefined,
      ) &&
      Object.keys(inputRecord).every((key) => {
        const schema = allowed(key);
        if (schema === undefined) {
          return !Object.hasOwn(outputRecord, key);
        }
        return schema === 'any'
          ? outputRecord[key] === inputRecord[key]
          : keepsExactlyTheAllowed(inputRecord[key], outputRecord[key], schema);
      })
    );
  }

  it('never leaves a field the schema does not allow and never removes one it allows', () => {
    fc.assert(
      fc.property(schemaArbitrary, valueArbitrary, (properties, spec) => {
        const schema: JSONSchemaProps = { type: 'object', properties: { spec: properties } };
        const { value } = pruneBySchema({ spec }, schema);
        return keepsExactlyTheAllowed({ spec }, value, schema);
      }),
    );
  });

  it('reports exactly the fields it removes', () => {
    fc.assert(
      fc.property(schemaArbitrary, valueArbitrary, (properties, spec) => {
        const schema: JSONSchemaProps = { type: 'object', properties: { spec: properties } };
        const { value, unknownFields } = pruneBySchema({ spec }, schema);
        const removed = pruneBySchema(value, schema).unknownFields;
        return removed.length === 0 && new Set(unknownFields).size === unknownFields.length;
      }),
    );
  });
});
