import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isRight, left, right, type Either } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { compileDecoder, NOT_DECODED } from '../../../src/api/codec/compiled-decoder.js';
import {
  Base64Bytes,
  DateTime,
  decodeObject,
  type FieldError,
  Int32,
  Int64,
  IntOrString,
  QuantityCodec,
  withSchema,
} from '../../../src/api/codec/index.js';
import { pruneUnknownFields } from '../../../src/api/codec/prune-unknown-fields.js';
import { fieldErrorsFromValidation } from '../../../src/api/codec/validation-field-errors.js';
import { Lease } from '../../../src/api/kinds/coordination-v1/index.js';
import { ConfigMap, Namespace, Node, Pod, Secret } from '../../../src/api/kinds/core-v1/index.js';
import { Pod as MiniPod } from './mini-pod.js';
import {
  realisticConfigMap,
  realisticLease,
  realisticNamespace,
  realisticNode,
  realisticPod,
  realisticSecret,
} from './realistic-objects.js';

// The slow path as decodeObject ran it before the compiled decoder: prune, then io-ts.
function slowDecode(
  codec: t.Mixed,
  input: unknown,
  strictFields: boolean,
): { readonly accepted: true; readonly value: unknown } | { readonly accepted: false } {
  const pruned = pruneUnknownFields(codec, input);
  const result = codec.decode(pruned.value);
  return isRight(result) && !(strictFields && pruned.unknownFields.length > 0)
    ? { accepted: true, value: result.right }
    : { accepted: false };
}

// decodeObject as it was before the compiled decoder.
function slowDecodeObject(
  codec: t.Mixed,
  input: unknown,
  strictFields: boolean,
): Either<readonly FieldError[], unknown> {
  const pruned = pruneUnknownFields(codec, input);
  const unknownErrors: FieldError[] = strictFields
    ? pruned.unknownFields.map((field) => ({
        reason: 'FieldValueUnknown',
        field,
        message: `unknown field ${JSON.stringify(field)}`,
      }))
    : [];
  const result = codec.decode(pruned.value);
  const errors = [
    ...unknownErrors,
    ...(isRight(result) ? [] : fieldErrorsFromValidation(result.left)),
  ];
  return errors.length > 0 || !isRight(result) ? left(errors) : right(result.right);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

const compiledDecoders = new Map<t.Mixed, ReturnType<typeof compileDecoder>>();

function fastDecode(codec: t.Mixed, input: unknown, strictFields: boolean): unknown {
  let compiled = compiledDecoders.get(codec);
  if (compiled === undefined) {
    compiled = compileDecoder(codec);
    compiledDecoders.set(codec, compiled);
  }
  return compiled(input, { strictFields });
}

// The compiled decoder agrees with the slow path, strict and not, on accepting `input`
// and on the value (key order included); decodeObject returns what it returned before;
// and neither modifies the input.
function expectSameAsSlowPath(codec: t.Mixed, input: unknown): void {
  deepFreeze(input);
  for (const strictFields of [false, true]) {
    const slow = slowDecode(codec, input, strictFields);
    const fast = fastDecode(codec, input, strictFields);
    if (slow.accepted) {
      expect(fast).not.toBe(NOT_DECODED);
      expect(fast).toStrictEqual(slow.value);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.value));
    } else {
      expect(fast).toBe(NOT_DECODED);
    }
    expect(decodeObject(codec, input, { strictFields })).toStrictEqual(
      slowDecodeObject(codec, input, strictFields),
    );
  }
}

function decodes(codec: t.Mixed, input: unknown, strictFields = false): unknown {
  const fast = fastDecode(codec, input, strictFields);
  expectSameAsSlowPath(codec, input);
  return fast;
}

describe('compileDecoder on primitives', () => {
  it('accepts strings, numbers, booleans and null by their JSON type only', () => {
    expect(decodes(t.string, 'a')).toBe('a');
    expect(decodes(t.string, 1)).toBe(NOT_DECODED);
    expect(decodes(t.number, 1.5)).toBe(1.5);
    expect(decodes(t.number, '1')).toBe(NOT_DECODED);
    expect(decodes(t.boolean, false)).toBe(false);
    expect(decodes(t.boolean, 0)).toBe(NOT_DECODED);
    expect(decodes(t.null, null)).toBeNull();
    expect(decodes(t.null, undefined)).toBe(NOT_DECODED);
  });

  it('accepts NaN and infinities as numbers, as io-ts does', () => {
    expect(decodes(t.number, Number.NaN)).toBeNaN();
    expect(decodes(t.number, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('checks literals and keyofs by membership, not by inherited keys', () => {
    const Protocol = t.keyof({ TCP: null, UDP: null });
    expect(decodes(Protocol, 'UDP')).toBe('UDP');
    expect(decodes(Protocol, 'HTTP')).toBe(NOT_DECODED);
    expect(decodes(Protocol, 'toString')).toBe(NOT_DECODED);
    expect(decodes(t.literal('v1'), 'v1')).toBe('v1');
    expect(decodes(t.literal('v1'), 'v2')).toBe(NOT_DECODED);
    expect(decodes(t.literal(0), -0)).toBe(0);
  });

  it('keeps values under t.unknown and t.UnknownRecord as they are', () => {
    const input = { a: { b: [1, { c: 2 }] } };
    expect(decodes(t.unknown, input)).toBe(input);
    expect(decodes(t.type({ x: t.UnknownRecord }), { x: input })).toStrictEqual({ x: input });
    expect(decodes(t.UnknownRecord, [])).toBe(NOT_DECODED);
    expect(decodes(t.UnknownArray, [{ a: 1 }])).toStrictEqual([{ a: 1 }]);
  });

  it("decodes custom types with their own validate and keeps their result's value", () => {
    const Trimmed = new t.Type<string, string, unknown>(
      'Trimmed',
      (u): u is string => typeof u === 'string',
      (u, c) => (typeof u === 'string' ? t.success(u.trim()) : t.failure(u, c)),
      t.identity,
    );
    expect(decodes(t.type({ name: Trimmed }), { name: '  web ' })).toStrictEqual({ name: 'web' });
    expect(decodes(Int32, 2 ** 31)).toBe(NOT_DECODED);
    expect(decodes(Int64, 2 ** 40)).toBe(2 ** 40);
    expect(decodes(IntOrString, '25%')).toBe('25%');
    expect(decodes(DateTime, '2024-05-01T12:00:00Z')).toBe('2024-05-01T12:00:00Z');
    expect(decodes(DateTime, '2024-02-30T12:00:00Z')).toBe(NOT_DECODED);
    expect(decodes(QuantityCodec, '1.5Gi')).toBe('1.5Gi');
    expect(decodes(QuantityCodec, '1.5Gx')).toBe(NOT_DECODED);
    expect(decodes(Base64Bytes, 'aGk=')).toBe('aGk=');
  });

  it('sees through described and readonly codecs', () => {
    const Name = withSchema(t.readonly(t.string), { description: 'A name.' });
    expect(decodes(Name, 'web')).toBe('web');
    expect(decodes(Name, 1)).toBe(NOT_DECODED);
  });
});

describe('compileDecoder on objects', () => {
  const Port = t.intersection([
    t.type({ containerPort: Int32 }),
    t.partial({ name: t.string, protocol: t.keyof({ TCP: null, UDP: null }) }),
  ]);

  it('drops unknown fields into a new object, in input order', () => {
    const input = { protocol: 'TCP', extra: 1, containerPort: 80 };
    const decoded = decodes(Port, input);
    expect(decoded).toStrictEqual({ protocol: 'TCP', containerPort: 80 });
    expect(Object.keys(decoded as object)).toStrictEqual(['protocol', 'containerPort']);
  });

  it('gives up on an unknown field when strict', () => {
    expect(decodes(Port, { containerPort: 80, extra: 1 }, true)).toBe(NOT_DECODED);
    expect(decodes(Port, { containerPort: 80 }, true)).toStrictEqual({ containerPort: 80 });
  });

  it('rejects a missing required field, a wrong field and anything but an object', () => {
    expect(decodes(Port, { name: 'http' })).toBe(NOT_DECODED);
    expect(decodes(Port, { containerPort: 80, protocol: 'HTTP' })).toBe(NOT_DECODED);
    expect(decodes(Port, [{ containerPort: 80 }])).toBe(NOT_DECODED);
    expect(decodes(Port, null)).toBe(NOT_DECODED);
    expect(decodes(Port, 'containerPort')).toBe(NOT_DECODED);
  });

  it('adds a missing required field whose codec accepts undefined, as io-ts does', () => {
    const decoded = decodes(t.type({ a: t.unknown, b: t.string }), { b: 'x' });
    expect(decoded).toStrictEqual({ b: 'x', a: undefined });
    expect(Object.keys(decoded as object)).toStrictEqual(['b', 'a']);
  });

  it('keeps an optional field present as undefined', () => {
    expect(decodes(t.partial({ a: t.string }), { a: undefined })).toStrictEqual({ a: undefined });
    expect(decodes(t.type({ a: t.string }), { a: undefined })).toBe(NOT_DECODED);
  });

  it('ignores inherited fields and drops a JSON __proto__ field', () => {
    const inherited: unknown = Object.create({ containerPort: 80 });
    expect(decodes(Port, inherited)).toBe(NOT_DECODED);
    const withProto: unknown = JSON.parse('{"containerPort": 80, "__proto__": {"name": "x"}}');
    expect(decodes(Port, withProto)).toStrictEqual({ containerPort: 80 });
    expect(decodes(Port, withProto, true)).toBe(NOT_DECODED);
  });

  it('decodes an intersection that is not all objects with its own validate', () => {
    const NonEmptyName = t.intersection([t.string, t.refinement(t.string, (s) => s !== '')]);
    expect(decodes(NonEmptyName, 'web')).toBe('web');
    expect(decodes(NonEmptyName, '')).toBe(NOT_DECODED);
  });

  it('decodes exact and strict codecs as the object they wrap', () => {
    expect(decodes(t.strict({ a: t.string }), { a: 'x', b: 1 })).toStrictEqual({ a: 'x' });
    expect(decodes(t.exact(t.partial({ a: t.string })), { b: 1 })).toStrictEqual({});
  });

  it('leaves the shapes it does not reproduce to the slow path', () => {
    const RefinedPart = t.intersection([
      t.type({ a: t.string }),
      t.refinement(t.partial({ b: t.number }), (o) => o.b !== 0),
    ]);
    const TwiceDeclared = t.intersection([t.type({ a: t.string }), t.partial({ a: t.string })]);
    const Constructor = t.partial({ constructor: t.string });
    const KeyedByKeyof = t.record(t.keyof({ a: null }), t.string);
    const cases: readonly (readonly [t.Mixed, unknown])[] = [
      [RefinedPart, { a: 'x', b: 1 }],
      [TwiceDeclared, { a: 'x' }],
      [Constructor, {}],
      [KeyedByKeyof, { a: 'x' }],
    ];
    for (const [codec, input] of cases) {
      expect(fastDecode(codec, input, false)).toBe(NOT_DECODED);
      expect(decodeObject(codec, input)).toStrictEqual(slowDecodeObject(codec, input, false));
    }
  });
});

describe('compileDecoder on arrays and records', () => {
  it('decodes every item into a new array', () => {
    const input = [{ a: 'x', b: 1 }, { a: 'y' }];
    const decoded = decodes(t.array(t.type({ a: t.string })), input);
    expect(decoded).toStrictEqual([{ a: 'x' }, { a: 'y' }]);
    expect(decoded).not.toBe(input);
    expect(decodes(t.readonlyArray(t.string), ['a', 1])).toBe(NOT_DECODED);
    expect(decodes(t.array(t.string), { 0: 'a' })).toBe(NOT_DECODED);
  });

  it('keeps holes of a sparse array as holes', () => {
    const sparse = (): unknown[] => {
      const items: unknown[] = new Array(3);
      items[0] = 1;
      items[2] = 3;
      return items;
    };
    const decoded = decodes(t.array(t.unknown), sparse()) as unknown[];
    expect(decoded).toStrictEqual(sparse());
    expect(1 in decoded).toBe(false);
  });

  it('decodes every value of a record into a new object', () => {
    const Labels = t.record(t.string, t.type({ v: t.string }));
    expect(decodes(Labels, { a: { v: 'x', w: 1 } })).toStrictEqual({ a: { v: 'x' } });
    expect(decodes(Labels, { a: { v: 1 } })).toBe(NOT_DECODED);
    expect(decodes(Labels, ['a'])).toBe(NOT_DECODED);
  });

  it('keeps a JSON __proto__ key of a record as a field', () => {
    const input: unknown = JSON.parse('{"__proto__": "x", "app": "web"}');
    const decoded = decodes(t.record(t.string, t.string), input);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.entries(decoded as object)).toStrictEqual([
      ['__proto__', 'x'],
      ['app', 'web'],
    ]);
  });

  it('accepts an array as a record of t.any, as io-ts does', () => {
    expect(decodes(t.record(t.string, t.any), [1])).toStrictEqual([1]);
  });
});

describe('compileDecoder on frozen inputs', () => {
  const Container = t.intersection([
    t.type({ name: t.string }),
    t.partial({
      ports: t.array(t.type({ containerPort: Int32 })),
      env: t.record(t.string, t.string),
    }),
  ]);

  it('answers a frozen object, array or record that decodes to itself as it is', () => {
    const input = deepFreeze({ name: 'web', ports: [{ containerPort: 80 }], env: { A: 'a' } });
    expect(decodes(Container, input)).toBe(input);
    const ports = deepFreeze([{ containerPort: 80 }]);
    expect(decodes(t.array(t.type({ containerPort: Int32 })), ports)).toBe(ports);
    const env = deepFreeze({ A: 'a', B: 'b' });
    expect(decodes(t.record(t.string, t.string), env)).toBe(env);
  });

  it('copies from the first difference, sharing the parts that decode to themselves', () => {
    const ports = deepFreeze([{ containerPort: 80 }]);
    const withUnknown = deepFreeze({ name: 'web', extra: 1, ports });
    const decoded = decodes(Container, withUnknown) as { ports: unknown };
    expect(decoded).toStrictEqual({ name: 'web', ports: [{ containerPort: 80 }] });
    expect(decoded).not.toBe(withUnknown);
    expect(decoded.ports).toBe(ports);
    // A frozen array whose second item has an unknown field: a new array, the first
    // item shared.
    const items = deepFreeze([{ containerPort: 80 }, { containerPort: 81, extra: 1 }]);
    const array = decodes(t.array(t.type({ containerPort: Int32 })), items) as unknown[];
    expect(array).toStrictEqual([{ containerPort: 80 }, { containerPort: 81 }]);
    expect(array[0]).toBe(items[0]);
    const record = deepFreeze({ a: { v: 'x' }, b: { v: 'y', w: 1 } });
    const decodedRecord = decodes(t.record(t.string, t.type({ v: t.string })), record) as Record<
      string,
      unknown
    >;
    expect(decodedRecord).toStrictEqual({ a: { v: 'x' }, b: { v: 'y' } });
    expect(decodedRecord['a']).toBe(record.a);
  });

  it('copies a frozen object that lacks a required field its codec fills in', () => {
    const input = deepFreeze({ b: 'x' });
    const decoded = decodes(t.type({ a: t.unknown, b: t.string }), input);
    expect(decoded).toStrictEqual({ b: 'x', a: undefined });
    expect(decoded).not.toBe(input);
  });

  it('copies objects that are not frozen, or not plain', () => {
    const open = { name: 'web' };
    expect(decodes(Container, open)).not.toBe(open);
    const bare = Object.freeze(Object.assign(Object.create(null) as object, { name: 'web' }));
    const decoded = decodes(Container, bare);
    expect(decoded).not.toBe(bare);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
  });
});

describe('compileDecoder on unions', () => {
  it('takes the first member that accepts the value', () => {
    const NullableTime = t.union([DateTime, t.null]);
    expect(decodes(NullableTime, null)).toBeNull();
    expect(decodes(NullableTime, '2024-05-01T12:00:00Z')).toBe('2024-05-01T12:00:00Z');
    expect(decodes(NullableTime, 'yesterday')).toBe(NOT_DECODED);
    expect(decodes(t.union([t.number, t.string]), '1')).toBe('1');
  });

  it('decodes an object or an array with the member that takes it, after scalar members', () => {
    const StringOrObject = t.union([t.string, t.type({ a: t.string }), t.array(t.string)]);
    expect(decodes(StringOrObject, { a: 'x', b: 'y' })).toStrictEqual({ a: 'x' });
    expect(decodes(StringOrObject, { a: 'x', b: 'y' }, true)).toBe(NOT_DECODED);
    expect(decodes(StringOrObject, ['x'], true)).toStrictEqual(['x']);
    expect(decodes(StringOrObject, [1])).toBe(NOT_DECODED);
  });

  it('leaves an object to the slow path when an earlier member may take objects', () => {
    const Source = t.union([t.type({ a: t.string }), t.type({ b: t.string })]);
    expect(decodes(Source, { a: 'x', b: 'y' })).toStrictEqual({ a: 'x' });
    expect(fastDecode(Source, { b: 'x' }, false)).toBe(NOT_DECODED);
    for (const strictFields of [false, true]) {
      for (const input of [{ b: 'x' }, { b: 'x', c: 1 }, { c: 1 }]) {
        expect(decodeObject(Source, input, { strictFields })).toStrictEqual(
          slowDecodeObject(Source, input, strictFields),
        );
      }
    }
  });
});

describe('compileDecoder on refinements and recursion', () => {
  it('checks the predicate on the decoded value', () => {
    const Replicas = t.refinement(Int32, (n) => n >= 0, 'Replicas');
    expect(decodes(Replicas, 3)).toBe(3);
    expect(decodes(Replicas, -1)).toBe(NOT_DECODED);
    expect(decodes(t.Int, 1.5)).toBe(NOT_DECODED);
    const NonEmpty = t.refinement(t.type({ a: t.string }), (o) => Object.keys(o).length === 1);
    expect(decodes(NonEmpty, { a: 'x', b: 1 })).toStrictEqual({ a: 'x' });
  });

  const Tree: t.Mixed = t.recursion('Tree', () =>
    t.intersection([t.type({ name: t.string }), t.partial({ children: t.array(Tree) })]),
  );

  it('compiles a recursive codec once and decodes every depth', () => {
    const input = { name: 'a', x: 1, children: [{ name: 'b', children: [{ name: 'c', y: 2 }] }] };
    expect(decodes(Tree, input)).toStrictEqual({
      name: 'a',
      children: [{ name: 'b', children: [{ name: 'c' }] }],
    });
    expect(decodes(Tree, { name: 'a', children: [{ children: [] }] })).toBe(NOT_DECODED);
  });
});

type Path = readonly (string | number)[];

function pathsOf(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) {
    return [path];
  }
  return [
    path,
    ...Object.entries(value).flatMap(([key, item]) =>
      pathsOf(item, [...path, Array.isArray(value) ? Number(key) : key]),
    ),
  ];
}

type Mutation =
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'add'; readonly at: number; readonly key: string; readonly value: unknown };

const oddValues = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1.5,
    2 ** 31,
    2 ** 53,
    Number.NaN,
    '',
    'x',
    '100m',
    'TCP',
    'True',
    '2026-01-01T00:00:00Z',
    [],
    {},
    [{}],
    { name: 'x' },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: oddValues }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('add' as const),
    at: fc.nat(),
    key: fc.constantFrom('extra', 'name', 'spec', 'zz', '__proto__', 'constructor'),
    value: oddValues,
  }),
);

// A copy of `base` with the mutations applied, each at a path picked among the copy's.
function mutated(base: unknown, mutations: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(base);
  for (const change of mutations) {
    const paths = pathsOf(root);
    const path = paths[change.at % paths.length] ?? [];
    const target = path
      .slice(0, -1)
      .reduce<unknown>(
        (node, step) => (node as Record<string | number, unknown>)[step],
        root,
      ) as Record<string | number, unknown>;
    const last = path.at(-1);
    if (change.kind === 'add') {
      const node = last === undefined ? root : target[last];
      if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
        Object.defineProperty(node, change.key, {
          value: structuredClone(change.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    } else if (last === undefined) {
      root = change.kind === 'replace' ? structuredClone(change.value) : undefined;
    } else if (change.kind === 'replace') {
      target[last] = structuredClone(change.value);
    } else if (Array.isArray(target) && typeof last === 'number') {
      target.splice(last, 1);
    } else {
      delete target[last];
    }
  }
  return root;
}

describe('compileDecoder on the built-in kinds', () => {
  const kinds: readonly (readonly [string, t.Mixed, () => Record<string, unknown>])[] = [
    ['Pod', Pod, realisticPod],
    ['Node', Node, realisticNode],
    ['ConfigMap', ConfigMap, realisticConfigMap],
    ['Secret', Secret, realisticSecret],
    ['Lease', Lease, realisticLease],
    ['Namespace', Namespace, realisticNamespace],
  ];

  it.each(kinds)('decodes a realistic %s strictly to an equal value', (_, codec, object) => {
    const input = object();
    expect(fastDecode(codec, input, true)).toStrictEqual(input);
    expectSameAsSlowPath(codec, input);
  });

  it.each(kinds)('agrees with the slow path on a mutated %s', (_, codec, object) => {
    const base = object();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        expectSameAsSlowPath(codec, mutated(base, mutations));
      }),
      { numRuns: 300 },
    );
  });

  it.each(kinds)('agrees with the slow path on any JSON value as a %s', (_, codec) => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (input) => {
        expectSameAsSlowPath(codec, input);
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with the slow path on a small pod built from random parts', () => {
    const container = fc.record(
      {
        name: fc.oneof(fc.string(), fc.integer()),
        image: fc.string(),
        ports: fc.array(
          fc.record(
            { containerPort: fc.oneof(fc.integer(), fc.string()), protocol: oddValues },
            { requiredKeys: [] },
          ),
        ),
        imagePullPolicy: fc.constantFrom('Always', 'IfNotPresent', 'Sometimes'),
        readinessProbe: fc.record({ port: oddValues, path: fc.option(fc.string()) }),
        extra: oddValues,
      },
      { requiredKeys: [] },
    );
    const pod = fc.record(
      {
        metadata: fc.record(
          {
            name: fc.string(),
            labels: fc.dictionary(fc.string(), fc.oneof(fc.string(), oddValues)),
          },
          { requiredKeys: [] },
        ),
        spec: fc.record(
          { containers: fc.array(container, { maxLength: 2 }), priority: oddValues },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(pod, (input) => {
        expectSameAsSlowPath(MiniPod, input);
      }),
      { numRuns: 300 },
    );
  });
});
