import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { deepFreeze, freezeForStorage } from '../../src/apiserver/api-object.js';
import { defaultSizeOf, defaultSizeWithin } from '../../src/store/index.js';

describe('deepFreeze', () => {
  it('freezes a value and everything under it', () => {
    const value = deepFreeze({ a: { b: [{ c: 1 }] } });
    expect(Object.isFrozen(value.a.b[0])).toBe(true);
    expect(Object.isFrozen(value.a.b)).toBe(true);
  });
});

describe('freezeForStorage', () => {
  it('freezes everything and records a bound no smaller than the JSON size', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const stored = freezeForStorage(object);
        expect(Object.isFrozen(stored)).toBe(true);
        expect(defaultSizeWithin(stored, Infinity)).toBeGreaterThanOrEqual(defaultSizeOf(stored));
      }),
    );
  });

  it('bounds strings of characters that need escaping or several bytes', () => {
    const stored = freezeForStorage({ text: '\u0001"é中😀'.repeat(50) });
    expect(defaultSizeWithin(stored, Infinity)).toBeGreaterThanOrEqual(defaultSizeOf(stored));
  });

  it('gives no bound for objects encoded by toJSON, which may encode to anything', () => {
    const stored = freezeForStorage({ at: new Date(0), spec: { a: 1, b: 2, c: 3, d: 4 } });
    expect(defaultSizeWithin(stored, 1_000_000)).toBe(defaultSizeOf(stored));
  });

  it('reuses the bound of a frozen subtree shared with an earlier revision', () => {
    const spec = { containers: [{ name: 'web', image: 'nginx' }], a: 1, b: 2, c: 3 };
    const first = freezeForStorage({ spec, status: 'Pending' });
    const second = freezeForStorage({ spec: first.spec, status: 'Running' });
    expect(defaultSizeWithin(second, Infinity) - defaultSizeWithin(first, Infinity)).toBe(0);
  });
});
