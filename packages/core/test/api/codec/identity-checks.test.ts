import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import * as t from 'io-ts';
import { identityCheckOf } from '../../../src/api/codec/identity-checks.js';
import {
  Base64Bytes,
  DateTime,
  Int32,
  Int64,
  IntOrString,
  QuantityCodec,
} from '../../../src/api/codec/index.js';

// Values near each primitive's edges, beside arbitrary ones.
const EDGE_VALUES = fc.constantFrom<unknown>(
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  -0,
  0.5,
  NaN,
  Infinity,
  2 ** 53,
  1e21,
  1e-7,
  '',
  '.',
  '-',
  'Ki',
  '1KB',
  '1.5Gi',
  '500m',
  '1e1000',
  '1e1001',
  '2024-02-29T23:59:59.5+02:00',
  '0000-02-29T00:00:00Z',
  'aGk=',
  'aGk',
);
const QUANTITY_LIKE = fc.string({
  unit: fc.constantFrom(...'0123456789.+-eEKMGTPinumk'),
  maxLength: 8,
});
const VALUES = fc.oneof(fc.anything(), fc.double(), EDGE_VALUES, QUANTITY_LIKE, fc.base64String());

describe('identityCheckOf', () => {
  it.each([
    ['Int32', Int32],
    ['Int64', Int64],
    ['IntOrString', IntOrString],
    ['DateTime', DateTime],
    ['QuantityCodec', QuantityCodec],
    ['Base64Bytes', Base64Bytes],
  ])('gives %s a check that accepts exactly what its validate accepts', (_, codec) => {
    const accepts = identityCheckOf(codec.type);
    expect(accepts).toBeDefined();
    fc.assert(
      fc.property(VALUES, (value) => {
        const result = codec.type.validate(value, []);
        const verdict = result._tag === 'Right' ? Object.is(result.right, value) : false;
        expect(accepts?.(value)).toBe(verdict);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives no check for a codec that registered none', () => {
    expect(identityCheckOf(t.string)).toBeUndefined();
    expect(identityCheckOf(Int32)).toBeUndefined();
  });
});
