import { describe, expect, it } from '@jest/globals';
import { isRight } from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import {
  Base64Bytes,
  DateTime,
  Int32,
  Int64,
  IntOrString,
  QuantityCodec,
  toOpenAPISchema,
} from '../../../src/api/codec/index.js';

interface PrimitiveCase {
  readonly codec: t.Mixed;
  readonly accepts: readonly unknown[];
  readonly rejects: readonly unknown[];
}

const NOT_PRIMITIVES = [null, undefined, true, {}, []];

const CASES: Record<string, PrimitiveCase> = {
  Int32: {
    codec: Int32,
    accepts: [0, 1, -1, 2147483647, -2147483648, 80],
    rejects: [2147483648, -2147483649, 1.5, NaN, Infinity, '80', ...NOT_PRIMITIVES],
  },
  Int64: {
    codec: Int64,
    accepts: [0, -1, 2 ** 40, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER],
    rejects: [2 ** 53, -(2 ** 53), 0.5, NaN, '1', ...NOT_PRIMITIVES],
  },
  IntOrString: {
    codec: IntOrString,
    accepts: [8080, 0, -1, 'http', '25%', ''],
    rejects: [1.5, 2 ** 31, NaN, ...NOT_PRIMITIVES],
  },
  DateTime: {
    codec: DateTime,
    accepts: [
      '2024-05-01T12:00:00Z',
      '2024-05-01T14:00:00.5+02:00',
      '2024-02-29T23:59:59.123456789-07:30',
      '1970-01-01T00:00:00Z',
    ],
    rejects: [
      '2024-05-01',
      '2024-05-01 12:00:00Z',
      '2024-05-01t12:00:00z',
      '2024-05-01T12:00:00',
      '2023-02-29T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-05-01T24:00:00Z',
      '2024-05-01T12:60:00Z',
      '2024-05-01T12:00:60Z',
      '2024-05-01T12:00:00+2:00',
      1714564800000,
      ...NOT_PRIMITIVES,
    ],
  },
  QuantityCodec: {
    codec: QuantityCodec,
    accepts: ['500m', '1.5Gi', '128974848', '1e3', '-2k', '.5', 0, 2, 0.5, -3, 1e21],
    rejects: ['1KB', '1 Gi', '', '1.2.3', 'Gi ', NaN, Infinity, ...NOT_PRIMITIVES],
  },
  Base64Bytes: {
    codec: Base64Bytes,
    accepts: ['', 'aGVsbG8=', 'aGk=', 'YWJj', 'a+b/'],
    rejects: ['aGVsbG8', 'aGk', 'a-b_', 'aGVs bG8=', 'aGVsbG8=\n', '====', 42, ...NOT_PRIMITIVES],
  },
};

describe.each(Object.entries(CASES))('%s', (_name, { codec, accepts, rejects }) => {
  it.each(accepts.map((value) => [value]))('accepts %p, decoding to it unchanged', (value) => {
    expect(codec.decode(value)).toStrictEqual({ _tag: 'Right', right: value });
    expect(codec.is(value)).toBe(true);
    expect(codec.encode(value)).toBe(value);
  });

  it.each(rejects.map((value) => [value]))('rejects %p', (value) => {
    expect(isRight(codec.decode(value))).toBe(false);
    expect(codec.is(value)).toBe(false);
  });
});

describe('primitive schemas', () => {
  it('are the ones controller-gen writes for the Go types', () => {
    expect(toOpenAPISchema(Int32)).toStrictEqual({ type: 'integer', format: 'int32' });
    expect(toOpenAPISchema(Int64)).toStrictEqual({ type: 'integer', format: 'int64' });
    expect(toOpenAPISchema(IntOrString)).toStrictEqual({
      anyOf: [{ type: 'integer' }, { type: 'string' }],
      'x-kubernetes-int-or-string': true,
    });
    expect(toOpenAPISchema(DateTime)).toStrictEqual({ type: 'string', format: 'date-time' });
    expect(toOpenAPISchema(Base64Bytes)).toStrictEqual({ type: 'string', format: 'byte' });
    expect(toOpenAPISchema(QuantityCodec)).toMatchObject({
      anyOf: [{ type: 'integer' }, { type: 'string' }],
      'x-kubernetes-int-or-string': true,
    });
  });

  it("quantity's pattern accepts what the codec accepts among its strings", () => {
    const pattern = new RegExp(toOpenAPISchema(QuantityCodec).pattern ?? '');
    for (const value of ['500m', '1.5Gi', '128974848', '1e3', '-2k', '.5']) {
      expect(pattern.test(value)).toBe(true);
    }
    for (const value of ['1KB', '1 Gi', '', '1.2.3']) {
      expect(pattern.test(value)).toBe(false);
    }
  });
});
