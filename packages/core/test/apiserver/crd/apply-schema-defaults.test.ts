import { describe, expect, it } from '@jest/globals';
import type { JSONSchemaProps } from '../../../src/api/codec/index.js';
import { applySchemaDefaults } from '../../../src/apiserver/crd/index.js';
import { CRONTAB_SCHEMA, MY_CRONTAB } from './crontab-fixture.js';

const PORTS: JSONSchemaProps = {
  type: 'array',
  items: {
    type: 'object',
    properties: { protocol: { type: 'string', default: 'TCP' }, port: { type: 'integer' } },
  },
};

describe('applySchemaDefaults', () => {
  it('sets the replicas of a crontab that has none, and keeps those it has', () => {
    expect(applySchemaDefaults(MY_CRONTAB, CRONTAB_SCHEMA)).toStrictEqual({
      ...MY_CRONTAB,
      spec: { ...MY_CRONTAB.spec, replicas: 1 },
    });
    const three = { ...MY_CRONTAB, spec: { ...MY_CRONTAB.spec, replicas: 3 } };
    expect(applySchemaDefaults(three, CRONTAB_SCHEMA)).toStrictEqual(three);
  });

  it.each<[string, JSONSchemaProps, unknown, unknown]>([
    [
      'nothing under a parent that is absent',
      {
        type: 'object',
        properties: {
          spec: { type: 'object', properties: { a: { type: 'string', default: 'x' } } },
        },
      },
      {},
      {},
    ],
    [
      'the defaults inside a defaulted object',
      {
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            default: { a: 'given' },
            properties: { a: { type: 'string' }, b: { type: 'string', default: 'inner' } },
          },
        },
      },
      {},
      { spec: { a: 'given', b: 'inner' } },
    ],
    [
      'the defaults of list items',
      { type: 'object', properties: { ports: PORTS } },
      { ports: [{ port: 80 }, { port: 53, protocol: 'UDP' }] },
      {
        ports: [
          { port: 80, protocol: 'TCP' },
          { port: 53, protocol: 'UDP' },
        ],
      },
    ],
    [
      'the defaults of map values',
      {
        type: 'object',
        properties: {
          m: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              properties: { on: { type: 'boolean', default: true } },
            },
          },
        },
      },
      { m: { a: {}, b: { on: false } } },
      { m: { a: { on: true }, b: { on: false } } },
    ],
    [
      'the default of a null non-nullable field',
      { type: 'object', properties: { a: { type: 'string', default: 'x' } } },
      { a: null },
      { a: 'x' },
    ],
    [
      'nothing to a null nullable field',
      { type: 'object', properties: { a: { type: 'string', nullable: true, default: 'x' } } },
      { a: null },
      { a: null },
    ],
    [
      'the removal of a null non-nullable field without a default',
      {
        type: 'object',
        properties: { a: { type: 'string' }, b: { type: 'string', nullable: true } },
      },
      { a: null, b: null },
      { b: null },
    ],
    [
      'the default of a null list item, keeping other null items',
      {
        type: 'object',
        properties: {
          withDefault: { type: 'array', items: { type: 'string', default: 'x' } },
          without: { type: 'array', items: { type: 'string' } },
        },
      },
      { withDefault: [null, 'y'], without: [null] },
      { withDefault: ['x', 'y'], without: [null] },
    ],
    [
      'a falsy default',
      {
        type: 'object',
        properties: { n: { type: 'integer', default: 0 }, b: { type: 'boolean', default: false } },
      },
      {},
      { n: 0, b: false },
    ],
    [
      'nothing to a value of the wrong type, and unknown fields as they are',
      {
        type: 'object',
        properties: {
          spec: { type: 'object', properties: { a: { type: 'string', default: 'x' } } },
        },
      },
      { spec: 'text', other: { a: null } },
      { spec: 'text', other: { a: null } },
    ],
  ])('applies %s', (_name, schema, input, expected) => {
    expect(applySchemaDefaults(input, schema)).toStrictEqual(expected);
  });

  it('never shares a default value between objects nor modifies its input', () => {
    const schema: JSONSchemaProps = {
      type: 'object',
      properties: { tags: { type: 'array', items: { type: 'string' }, default: ['a'] } },
    };
    const input = {};
    const first = applySchemaDefaults(input, schema) as { tags: string[] };
    first.tags.push('b');
    expect(applySchemaDefaults(input, schema)).toStrictEqual({ tags: ['a'] });
    expect(schema.properties?.['tags']?.default).toStrictEqual(['a']);
    expect(input).toStrictEqual({});
  });
});
