import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { defaultSizeOf, defaultSizeWithin, recordSizeBound } from '../../src/store/value-size.js';

const measured = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

describe('defaultSizeOf', () => {
  it('measures strings in UTF-8 bytes and binary data in bytes', () => {
    expect(defaultSizeOf('é中😀')).toBe(9);
    expect(defaultSizeOf(new Uint8Array(7))).toBe(7);
  });

  it.each([
    ['fields without an encoding, left out', { a: undefined, b: (): number => 1, c: 1 }],
    ['a Date, through its toJSON', { at: new Date(0) }],
    ['an array', [1, 'two', { three: 3 }]],
    ['keys that need escaping', { 'say "hi"': 'é', '\n': null }],
    ['an empty object', {}],
  ])('measures an object with %s as its JSON encoding', (_, value) => {
    expect(defaultSizeOf(value)).toBe(measured(value));
  });

  it('measures any JSON object as its JSON encoding', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        expect(defaultSizeOf(value)).toBe(measured(value));
      }),
    );
  });

  it('remembers frozen fields, so a new revision sharing them is measured right', () => {
    const spec = Object.freeze({ containers: Object.freeze([Object.freeze({ name: 'web' })]) });
    const first = { spec, status: 'Pending' };
    const second = { spec, status: 'Running' };
    expect(defaultSizeOf(first)).toBe(measured(first));
    expect(defaultSizeOf(second)).toBe(measured(second));
  });
});

describe('defaultSizeWithin', () => {
  it('answers a recorded bound when it fits the budget, the exact size otherwise', () => {
    const value = Object.freeze({ a: 'b' });
    recordSizeBound(value, 100);
    expect(defaultSizeWithin(value, 1000)).toBe(100);
    expect(defaultSizeWithin(value, 50)).toBe(measured(value));
    expect(defaultSizeWithin({ c: 'd' }, 1000)).toBe(measured({ c: 'd' }));
  });

  it('remembers the bounds of the last sixteen values told, and measures older ones', () => {
    const values = Array.from({ length: 17 }, (_, i) => Object.freeze({ i }));
    values.forEach((value, i) => recordSizeBound(value, 1000 + i));
    // The first was told seventeen values ago: forgotten, measured exactly.
    expect(defaultSizeWithin(values[0], Infinity)).toBe(measured(values[0]));
    expect(defaultSizeWithin(values[1], Infinity)).toBe(1001);
    expect(defaultSizeWithin(values[16], Infinity)).toBe(1016);
  });
});
