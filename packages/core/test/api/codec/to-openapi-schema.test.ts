import { describe, expect, it } from '@jest/globals';
import * as t from 'io-ts';
import {
  withSchema,
  type JSONSchemaProps,
  toOpenAPISchema,
  UnsupportedCodecError,
} from '../../../src/api/codec/index.js';
import { Pod } from './mini-pod.js';

const QUANTITY_SCHEMA: JSONSchemaProps = {
  anyOf: [{ type: 'integer' }, { type: 'string' }],
  pattern:
    '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$',
  'x-kubernetes-int-or-string': true,
};

const EXPECTED_POD_SCHEMA: JSONSchemaProps = {
  type: 'object',
  properties: {
    metadata: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
      required: ['name'],
    },
    spec: {
      type: 'object',
      properties: {
        containers: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string', description: 'The container name, unique in the pod.' },
              image: { type: 'string' },
              args: { type: 'array', items: { type: 'string' } },
              ports: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    containerPort: { type: 'integer', format: 'int32' },
                    name: { type: 'string' },
                    protocol: { type: 'string', enum: ['TCP', 'UDP', 'SCTP'] },
                  },
                  required: ['containerPort'],
                },
                'x-kubernetes-list-type': 'map',
                'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
              },
              resources: {
                type: 'object',
                properties: {
                  limits: { type: 'object', additionalProperties: QUANTITY_SCHEMA },
                  requests: { type: 'object', additionalProperties: QUANTITY_SCHEMA },
                },
              },
              imagePullPolicy: { type: 'string', enum: ['Always', 'IfNotPresent', 'Never'] },
              readinessProbe: {
                type: 'object',
                properties: {
                  port: {
                    anyOf: [{ type: 'integer' }, { type: 'string' }],
                    'x-kubernetes-int-or-string': true,
                  },
                  path: { type: 'string', nullable: true },
                },
                required: ['port', 'path'],
              },
            },
            required: ['name', 'image'],
          },
        },
        restartPolicy: { type: 'string', enum: ['Always', 'OnFailure', 'Never'] },
        nodeSelector: { type: 'object', additionalProperties: { type: 'string' } },
        hostNetwork: { type: 'boolean' },
        priority: { type: 'integer', format: 'int32', nullable: true },
      },
      required: ['containers'],
    },
  },
  required: ['metadata', 'spec'],
};

describe('toOpenAPISchema', () => {
  it('writes the structural schema of a Pod-like codec', () => {
    expect(toOpenAPISchema(Pod)).toStrictEqual(EXPECTED_POD_SCHEMA);
  });

  it('writes scalars, t.Int and t.unknown', () => {
    expect(toOpenAPISchema(t.string)).toStrictEqual({ type: 'string' });
    expect(toOpenAPISchema(t.number)).toStrictEqual({ type: 'number' });
    expect(toOpenAPISchema(t.boolean)).toStrictEqual({ type: 'boolean' });
    expect(toOpenAPISchema(t.Int)).toStrictEqual({ type: 'integer' });
    expect(toOpenAPISchema(t.unknown)).toStrictEqual({
      'x-kubernetes-preserve-unknown-fields': true,
    });
    expect(toOpenAPISchema(t.UnknownRecord)).toStrictEqual({
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    });
    expect(toOpenAPISchema(t.UnknownArray)).toStrictEqual({
      type: 'array',
      items: { 'x-kubernetes-preserve-unknown-fields': true },
    });
  });

  it('writes literals and keyofs as enums', () => {
    expect(toOpenAPISchema(t.literal('v1'))).toStrictEqual({ type: 'string', enum: ['v1'] });
    expect(toOpenAPISchema(t.literal(3))).toStrictEqual({ type: 'integer', enum: [3] });
    expect(toOpenAPISchema(t.literal(true))).toStrictEqual({ type: 'boolean', enum: [true] });
    expect(toOpenAPISchema(t.keyof({ a: null, b: null }))).toStrictEqual({
      type: 'string',
      enum: ['a', 'b'],
    });
  });

  it('writes unions of literals as one enum, with nullable when null is a member', () => {
    expect(
      toOpenAPISchema(t.union([t.literal('a'), t.keyof({ b: null, c: null }), t.null])),
    ).toStrictEqual({ type: 'string', enum: ['a', 'b', 'c'], nullable: true });
  });

  it('writes other unions as anyOf, lifting a type all members share', () => {
    expect(toOpenAPISchema(t.union([t.string, t.number]))).toStrictEqual({
      anyOf: [{ type: 'string' }, { type: 'number' }],
    });
    expect(
      toOpenAPISchema(t.union([t.type({ a: t.string }), t.type({ b: t.string }), t.null])),
    ).toStrictEqual({
      type: 'object',
      anyOf: [
        { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
        { type: 'object', properties: { b: { type: 'string' } }, required: ['b'] },
      ],
      nullable: true,
    });
  });

  it('sees through exact, strict, readonly, readonlyArray and refinements', () => {
    const Positive = t.refinement(t.number, (n) => n > 0, 'Positive');
    const codec = t.readonly(
      t.exact(
        t.type({
          items: t.readonlyArray(Positive),
          inner: t.strict({ x: t.string }),
        }),
      ),
    );
    expect(toOpenAPISchema(codec)).toStrictEqual({
      type: 'object',
      properties: {
        items: { type: 'array', items: { type: 'number' } },
        inner: { type: 'object', properties: { x: { type: 'string' } }, required: ['x'] },
      },
      required: ['items', 'inner'],
    });
  });

  it('merges nested intersections, a key required if any t.type part declares it', () => {
    const codec = t.intersection([
      t.partial({ a: t.string }),
      t.intersection([t.type({ a: t.string, b: t.number }), t.exact(t.partial({ c: t.boolean }))]),
    ]);
    expect(toOpenAPISchema(codec)).toStrictEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'number' }, c: { type: 'boolean' } },
      required: ['a', 'b'],
    });
  });

  it('writes an intersection with a part that is not an object as allOf', () => {
    const codec = t.intersection([t.type({ a: t.string }), t.record(t.string, t.string)]);
    expect(toOpenAPISchema(codec)).toStrictEqual({
      allOf: [
        { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
        { type: 'object', additionalProperties: { type: 'string' } },
      ],
    });
  });

  it('merges described metadata over the inner schema, the metadata winning', () => {
    const codec = withSchema(t.array(t.string), {
      description: 'Finalizers.',
      maxItems: 10,
      'x-kubernetes-list-type': 'set',
    });
    expect(toOpenAPISchema(codec)).toStrictEqual({
      type: 'array',
      items: { type: 'string' },
      description: 'Finalizers.',
      maxItems: 10,
      'x-kubernetes-list-type': 'set',
    });
    expect(toOpenAPISchema(withSchema(t.number, { type: 'integer' }))).toStrictEqual({
      type: 'integer',
    });
  });

  it('gives a custom codec the schema its description declares', () => {
    const Custom = new t.Type<string, string, unknown>(
      'Custom',
      (u): u is string => typeof u === 'string',
      (u, c) => (typeof u === 'string' ? t.success(u) : t.failure(u, c)),
      t.identity,
    );
    expect(toOpenAPISchema(withSchema(Custom, { type: 'string', format: 'email' }))).toStrictEqual({
      type: 'string',
      format: 'email',
    });
  });

  it('expands a recursion once and preserves unknown fields where it would recur', () => {
    interface Node {
      readonly name: string;
      readonly children: readonly Node[];
    }
    const NodeCodec: t.Type<Node> = t.recursion('Node', (self) =>
      t.type({ name: t.string, children: t.readonlyArray(self) }),
    );
    expect(toOpenAPISchema(t.type({ root: NodeCodec }))).toStrictEqual({
      type: 'object',
      properties: {
        root: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            children: {
              type: 'array',
              items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            },
          },
          required: ['name', 'children'],
        },
      },
      required: ['root'],
    });
  });

  it('expands a recursive codec again when it is used twice side by side', () => {
    type Tree = readonly Tree[];
    const TreeCodec: t.Type<Tree> = t.recursion('Tree', (self) => t.readonlyArray(self));
    const schema = toOpenAPISchema(t.type({ a: TreeCodec, b: TreeCodec }));
    const expected = { type: 'array', items: { 'x-kubernetes-preserve-unknown-fields': true } };
    expect(schema.properties).toStrictEqual({ a: expected, b: expected });
  });

  describe('unsupported codecs', () => {
    const Custom = new t.Type<string, string, unknown>(
      'Custom',
      (u): u is string => typeof u === 'string',
      (u, c) => (typeof u === 'string' ? t.success(u) : t.failure(u, c)),
      t.identity,
    );

    it('names the codec and the path where it was met', () => {
      const codec = t.type({
        spec: t.partial({ containers: t.array(t.type({ probe: Custom })) }),
      });
      expect(() => toOpenAPISchema(codec)).toThrow(
        new UnsupportedCodecError({
          codecName: 'Custom',
          schemaPath: 'spec.containers[*].probe',
          detail:
            'io-ts codecs of this kind have no Kubernetes schema; wrap it with withSchema(codec, { type, ... })',
        }),
      );
      expect(() => toOpenAPISchema(codec)).toThrow(
        'cannot generate an OpenAPI schema for codec "Custom" at spec.containers[*].probe: ',
      );
    });

    it('carries the codec name and path as fields', () => {
      let caught: unknown;
      try {
        toOpenAPISchema(t.record(t.string, t.tuple([t.string, t.number])));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UnsupportedCodecError);
      expect(caught).toMatchObject({
        codecName: '[string, number]',
        schemaPath: '[*]',
        _tag: 'UnsupportedCodecError',
      });
    });

    it('rejects a described custom codec whose description gives no type', () => {
      expect(() =>
        toOpenAPISchema(t.type({ email: withSchema(Custom, { description: 'An email.' }) })),
      ).toThrow('cannot generate an OpenAPI schema for codec "Custom" at email: ');
    });

    it('rejects records with keys other than t.string, and t.null alone', () => {
      expect(() => toOpenAPISchema(t.record(t.keyof({ a: null }), t.string))).toThrow(
        'at <root>: only records with t.string keys have a schema',
      );
      expect(() => toOpenAPISchema(t.type({ x: t.null }))).toThrow(
        'cannot generate an OpenAPI schema for codec "null" at x: null alone has no OpenAPI v3.0 type',
      );
    });
  });
});
