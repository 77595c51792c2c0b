import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  parseQuantity,
  quantityMilliValue,
  quantityValue,
} from '../../../src/api/quantity/index.js';
import { quantityNumber } from '../../../src/scheduler/framework/resource-amounts.js';

/** The quantity parsed afresh, as before the memo. */
function parsedAfresh(text: string, milli: boolean): number {
  const parsed = parseQuantity(text);
  if (isLeft(parsed)) {
    return 0;
  }
  return Number(milli ? quantityMilliValue(parsed.right) : quantityValue(parsed.right));
}

describe('quantityNumber', () => {
  it('answers the same, asked once or again, in either unit', () => {
    const texts = ['100m', '0.5', '2', '500Mi', '32Gi', '1e3', '1.5k', 'bogus', '', '-1'];
    for (const milli of [true, false]) {
      for (const text of [...texts, ...texts]) {
        expect(quantityNumber(text, milli)).toBe(parsedAfresh(text, milli));
      }
    }
  });

  it('is not confused by the same string in the other unit', () => {
    expect(quantityNumber('3', true)).toBe(3000);
    expect(quantityNumber('3', false)).toBe(3);
    expect(quantityNumber('3', true)).toBe(3000);
  });

  it('stays right past the memo’s bound', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 50 }),
        (values) => {
          for (const value of values) {
            expect(quantityNumber(`${value}Ki`, false)).toBe(value * 1024);
          }
        },
      ),
      { numRuns: 200 },
    );
    expect(quantityNumber('100m', true)).toBe(100);
  });

  it('counts numbers without parsing and undefined as 0', () => {
    expect(quantityNumber(2, true)).toBe(2000);
    expect(quantityNumber(undefined, false)).toBe(0);
  });
});
