import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import * as t from 'io-ts';
import {
  decodeObject,
  withSchema,
  type FieldError,
  Int32,
  IntOrString,
  QuantityCodec,
} from '../../../src/api/codec/index.js';
import { expectLeft, expectRight } from '../../support/either.js';
import { Pod } from './mini-pod.js';

const VALID_POD = {
  metadata: { name: 'web', labels: { app: 'web', tier: 'frontend' } },
  spec: {
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: 0.25 } },
        imagePullPolicy: 'IfNotPresent',
        readinessProbe: { port: 'http', path: null },
      },
    ],
    restartPolicy: 'Always',
    priority: null,
  },
};

function required(field: string): FieldError {
  return { reason: 'FieldValueRequired', field, message: 'Required value' };
}

function unknownField(field: string): FieldError {
  return { reason: 'FieldValueUnknown', field, message: `unknown field "${field}"` };
}

describe('decodeObject', () => {
  it('decodes a valid object to an equal value', () => {
    expect(expectRight(decodeObject(Pod, VALID_POD))).toStrictEqual(VALID_POD);
  });

  it('reports a missing required field as FieldValueRequired with its path', () => {
    const input = { ...VALID_POD, spec: { containers: [{ image: 'nginx' }] } };
    expect(expectLeft(decodeObject(Pod, input))).toStrictEqual([
      required('spec.containers[0].name'),
    ]);
  });

  it('reports a missing object as one FieldValueRequired', () => {
    expect(expectLeft(decodeObject(Pod, { metadata: { name: 'x' } }))).toStrictEqual([
      required('spec'),
    ]);
  });

  it('reports a value of the wrong JSON type as FieldValueTypeInvalid', () => {
    const input = {
      metadata: { name: 42 },
      spec: { containers: 'nginx', hostNetwork: 'yes' },
    };
    expect(expectLeft(decodeObject(Pod, input))).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'metadata.name',
        message: 'Invalid value: "integer": must be of type string',
      },
      {
        reason: 'FieldValueTypeInvalid',
        field: 'spec.containers',
        message: 'Invalid value: "string": must be of type array',
      },
      {
        reason: 'FieldValueTypeInvalid',
        field: 'spec.hostNetwork',
        message: 'Invalid value: "string": must be of type boolean',
      },
    ]);
  });

  it('reports a rejected value of the right type as FieldValueInvalid', () => {
    const input = {
      metadata: { name: 'web' },
      spec: {
        containers: [
          {
            name: 'a',
            image: 'b',
            ports: [{ containerPort: 80 }, { containerPort: 3000000000 }],
            resources: { limits: { cpu: '1KB' } },
          },
        ],
      },
    };
    expect(expectLeft(decodeObject(Pod, input))).toStrictEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.containers[0].ports[1].containerPort',
        message: 'Invalid value: 3000000000: must be a 32-bit integer',
      },
      {
        reason: 'FieldValueInvalid',
        field: 'spec.containers[0].resources.limits[cpu]',
        message: expect.stringMatching(
          /^Invalid value: "1KB": invalid quantity "1KB": unknown suffix/,
        ),
      },
    ]);
  });

  it('reports a value outside an enumeration as FieldValueNotSupported', () => {
    const input = {
      metadata: { name: 'web' },
      spec: {
        containers: [{ name: 'a', image: 'b', imagePullPolicy: 'Sometimes' }],
        restartPolicy: 'Maybe',
      },
    };
    expect(expectLeft(decodeObject(Pod, input))).toStrictEqual([
      {
        reason: 'FieldValueNotSupported',
        field: 'spec.containers[0].imagePullPolicy',
        message:
          'Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      },
      {
        reason: 'FieldValueNotSupported',
        field: 'spec.restartPolicy',
        message: 'Unsupported value: "Maybe": supported values: "Always", "OnFailure", "Never"',
      },
    ]);
  });

  it('reports a value of the wrong type in an enumeration as FieldValueTypeInvalid', () => {
    const input = {
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'a', image: 'b', imagePullPolicy: 1 }], restartPolicy: true },
    };
    expect(expectLeft(decodeObject(Pod, input))).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'spec.containers[0].imagePullPolicy',
        message: 'Invalid value: "integer": must be of type string',
      },
      {
        reason: 'FieldValueTypeInvalid',
        field: 'spec.restartPolicy',
        message: 'Invalid value: "boolean": must be of type string',
      },
    ]);
  });

  it('reports a missing nullable field as FieldValueRequired', () => {
    const input = {
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'a', image: 'b', readinessProbe: { port: 80 } }] },
    };
    expect(expectLeft(decodeObject(Pod, input))).toStrictEqual([
      required('spec.containers[0].readinessProbe.path'),
    ]);
  });

  it('does as the module example says', () => {
    const Port = t.intersection([
      t.type({ containerPort: Int32 }),
      t.partial({ protocol: t.keyof({ TCP: null, UDP: null, SCTP: null }) }),
    ]);
    expect(expectLeft(decodeObject(Port, { protocol: 'HTTP' }))).toStrictEqual([
      { reason: 'FieldValueRequired', field: 'containerPort', message: 'Required value' },
      {
        reason: 'FieldValueNotSupported',
        field: 'protocol',
        message: 'Unsupported value: "HTTP": supported values: "TCP", "UDP", "SCTP"',
      },
    ]);
  });

  it('writes map keys in brackets, as upstream field paths do', () => {
    const input = {
      metadata: { name: 'web', labels: { app: 'web', 'k8s.io/role': 7 } },
      spec: { containers: [] },
    };
    expect(expectLeft(decodeObject(Pod, input))).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'metadata.labels[k8s.io/role]',
        message: 'Invalid value: "integer": must be of type string',
      },
    ]);
  });

  it('reports the errors of the nullable member of a nullable union', () => {
    const input = {
      metadata: { name: 'web' },
      spec: {
        containers: [{ name: 'a', image: 'b', readinessProbe: { port: 1.5, path: 3 } }],
        priority: 'high',
      },
    };
    expect(expectLeft(decodeObject(Pod, input))).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'spec.containers[0].readinessProbe.port',
        message: 'Invalid value: "number": must be of type integer or string',
      },
      {
        reason: 'FieldValueTypeInvalid',
        field: 'spec.containers[0].readinessProbe.path',
        message: 'Invalid value: "integer": must be of type string',
      },
      {
        reason: 'FieldValueTypeInvalid',
        field: 'spec.priority',
        message: 'Invalid value: "string": must be of type integer',
      },
    ]);
  });

  it('follows the one union member whose JSON type fits the value', () => {
    const codec = t.type({
      source: t.union([t.string, t.type({ url: t.string, sha: t.string })]),
    });
    expect(expectLeft(decodeObject(codec, { source: { url: 'x' } }))).toStrictEqual([
      required('source.sha'),
    ]);
    expect(expectLeft(decodeObject(codec, { source: 3 }))).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'source',
        message: 'Invalid value: "integer": must be of type string or object',
      },
    ]);
  });

  it('reports one FieldValueInvalid when several union members fit the value', () => {
    const codec = t.type({
      size: t.union([t.type({ a: t.string }), t.type({ b: t.string })], 'ASize | BSize'),
    });
    expect(expectLeft(decodeObject(codec, { size: {} }))).toStrictEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'size',
        message: 'Invalid value: {}: must be ASize | BSize',
      },
    ]);
  });

  it('names a failed refinement in the message', () => {
    const codec = t.type({ replicas: t.refinement(t.number, (n) => n >= 0, 'NonNegative') });
    expect(expectLeft(decodeObject(codec, { replicas: -1 }))).toStrictEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'replicas',
        message: 'Invalid value: -1: must be NonNegative',
      },
    ]);
    expect(expectLeft(decodeObject(t.type({ n: t.Int }), { n: 0.5 }))).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'n',
        message: 'Invalid value: "number": must be of type integer',
      },
    ]);
  });

  it('reports every error at once, each once', () => {
    const input = {
      metadata: {},
      spec: {
        containers: [{ name: 1 }, { image: 'x', ports: [{}] }],
        restartPolicy: 'Sometimes',
      },
    };
    expect(expectLeft(decodeObject(Pod, input))).toStrictEqual([
      required('metadata.name'),
      {
        reason: 'FieldValueTypeInvalid',
        field: 'spec.containers[0].name',
        message: 'Invalid value: "integer": must be of type string',
      },
      required('spec.containers[0].image'),
      required('spec.containers[1].name'),
      required('spec.containers[1].ports[0].containerPort'),
      {
        reason: 'FieldValueNotSupported',
        field: 'spec.restartPolicy',
        message: 'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      },
    ]);
  });

  it('reports a wrong type once where an intersection fails in every part', () => {
    expect(
      expectLeft(decodeObject(Pod, { metadata: 'web', spec: { containers: [] } })),
    ).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'metadata',
        message: 'Invalid value: "string": must be of type object',
      },
    ]);
  });

  describe('unknown fields', () => {
    const withUnknown = {
      metadata: { name: 'web', uid: 'u-1' },
      spec: {
        containers: [
          { name: 'a', image: 'b', ports: [{ containerPort: 80, hostIP: '0.0.0.0' }], tty: true },
        ],
        foo: { bar: 1 },
      },
      status: {},
    };

    it('are dropped at every depth when not strict, without touching the input', () => {
      const snapshot = structuredClone(withUnknown);
      expect(expectRight(decodeObject(Pod, withUnknown))).toStrictEqual({
        metadata: { name: 'web' },
        spec: { containers: [{ name: 'a', image: 'b', ports: [{ containerPort: 80 }] }] },
      });
      expect(withUnknown).toStrictEqual(snapshot);
    });

    it('are each a FieldValueUnknown error with strictFields', () => {
      expect(expectLeft(decodeObject(Pod, withUnknown, { strictFields: true }))).toStrictEqual([
        unknownField('metadata.uid'),
        unknownField('spec.containers[0].ports[0].hostIP'),
        unknownField('spec.containers[0].tty'),
        unknownField('spec.foo'),
        unknownField('status'),
      ]);
    });

    it('are reported together with the other errors', () => {
      const input = { metadata: { name: 'web', extra: 1 }, spec: { containers: [{ name: 'a' }] } };
      expect(expectLeft(decodeObject(Pod, input, { strictFields: true }))).toStrictEqual([
        unknownField('metadata.extra'),
        required('spec.containers[0].image'),
      ]);
    });

    it('are found through records and union members', () => {
      const codec = t.type({
        byName: t.record(t.string, t.type({ a: t.string })),
        either: t.union([t.null, t.type({ b: t.string })]),
      });
      const input = { byName: { x: { a: '1', z: 2 } }, either: { b: '2', y: 3 } };
      expect(expectLeft(decodeObject(codec, input, { strictFields: true }))).toStrictEqual([
        unknownField('byName[x].z'),
        unknownField('either.y'),
      ]);
      expect(expectRight(decodeObject(codec, input))).toStrictEqual({
        byName: { x: { a: '1' } },
        either: { b: '2' },
      });
    });

    it('are kept under t.unknown and t.UnknownRecord', () => {
      const codec = t.type({ raw: t.unknown, extra: t.UnknownRecord });
      const input = { raw: { any: { thing: 1 } }, extra: { a: 1 } };
      expect(expectRight(decodeObject(codec, input, { strictFields: true }))).toStrictEqual(input);
    });

    it('are found through a recursion', () => {
      interface Node {
        readonly name: string;
        readonly children?: readonly Node[];
      }
      const NodeCodec: t.Type<Node> = t.recursion('Node', (self) =>
        t.intersection([
          t.type({ name: t.string }),
          t.partial({ children: t.readonlyArray(self) }),
        ]),
      );
      const input = { name: 'a', children: [{ name: 'b', children: [{ name: 'c', x: 1 }] }] };
      expect(expectLeft(decodeObject(NodeCodec, input, { strictFields: true }))).toStrictEqual([
        unknownField('children[0].children[0].x'),
      ]);
      expect(
        expectLeft(decodeObject(NodeCodec, { name: 'a', children: [{ children: [] }] })),
      ).toStrictEqual([required('children[0].name')]);
    });
  });

  it('decodes described codecs as their inner codecs', () => {
    const codec = t.type({ port: withSchema(IntOrString, { description: 'The port.' }) });
    expect(expectRight(decodeObject(codec, { port: 'http' }))).toStrictEqual({ port: 'http' });
    expect(expectLeft(decodeObject(codec, { port: true }))).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: 'port',
        message: 'Invalid value: "boolean": must be of type integer or string',
      },
    ]);
  });

  it('reports a root value of the wrong type with an empty field path', () => {
    expect(expectLeft(decodeObject(Pod, []))).toStrictEqual([
      {
        reason: 'FieldValueTypeInvalid',
        field: '',
        message: 'Invalid value: "array": must be of type object',
      },
    ]);
  });
});

describe('decodeObject, for random valid objects', () => {
  const Workload = t.intersection([
    t.type({
      name: t.string,
      replicas: Int32,
      containers: t.array(
        t.intersection([
          t.type({ image: t.string, port: IntOrString }),
          t.partial({ cpu: QuantityCodec, pullPolicy: t.keyof({ Always: null, Never: null }) }),
        ]),
      ),
    }),
    t.partial({ labels: t.record(t.string, t.string), paused: t.union([t.boolean, t.null]) }),
  ]);

  const arbitraryContainer = fc.record(
    {
      image: fc.string(),
      port: fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.string()),
      cpu: fc.oneof(
        fc.constantFrom('500m', '1', '1.5Gi', '2e3', '100Ki'),
        fc.integer({ min: 0, max: 64 }),
      ),
      pullPolicy: fc.constantFrom('Always', 'Never'),
    },
    { requiredKeys: ['image', 'port'], noNullPrototype: true },
  );

  const arbitraryWorkload = fc.record(
    {
      name: fc.string(),
      replicas: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      containers: fc.array(arbitraryContainer, { maxLength: 4 }),
      labels: fc.dictionary(fc.string(), fc.string(), { noNullPrototype: true }),
      paused: fc.constantFrom(true, false, null),
    },
    { requiredKeys: ['name', 'replicas', 'containers'], noNullPrototype: true },
  );

  it('succeeds, and the result decodes to itself', () => {
    fc.assert(
      fc.property(arbitraryWorkload, fc.boolean(), (input, strictFields) => {
        const decoded = expectRight(decodeObject(Workload, input, { strictFields }));
        expect(decoded).toStrictEqual(input);
        expect(expectRight(decodeObject(Workload, decoded, { strictFields: true }))).toStrictEqual(
          decoded,
        );
      }),
    );
  });

  it('drops added unknown fields, giving back the valid object', () => {
    fc.assert(
      fc.property(
        arbitraryWorkload,
        fc.dictionary(
          fc.string().map((key) => `x-${key}`),
          fc.jsonValue(),
        ),
        (input, extra) => {
          const decoded = expectRight(decodeObject(Workload, { ...extra, ...input }));
          expect(decoded).toStrictEqual(input);
        },
      ),
    );
  });
});
