import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { copyObject, withFields, withoutFields } from '../../src/apiserver/object-copy.js';

describe('copyObject', () => {
  it('copies every own field in order, as a spread does', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), (object) => {
        const copy = copyObject(object);
        expect(copy).not.toBe(object);
        expect(Object.keys(copy)).toEqual(Object.keys({ ...object }));
        expect(copy).toStrictEqual({ ...object });
      }),
    );
  });

  it('keeps fields added to the copy after the copied ones, leaving the original as it was', () => {
    const original: Record<string, number> = { b: 1, a: 2 };
    const copy = copyObject(original);
    copy['c'] = 3;
    copy['a'] = 4;
    expect(Object.keys(copy)).toEqual(['b', 'a', 'c']);
    expect(original).toEqual({ b: 1, a: 2 });
  });

  it('copies an own __proto__ field as a field, not as the prototype', () => {
    const original = JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}') as object;
    const copy = copyObject(original);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'name']);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ polluted: true });
  });
});

describe('withFields', () => {
  it('replaces fields in place and adds new ones after, as a spread does', () => {
    const original = { a: 1, b: 2 };
    const changed = withFields<Record<string, number>>(original, { b: 3, c: 4 });
    expect(changed).toStrictEqual({ a: 1, b: 3, c: 4 });
    expect(Object.keys(changed)).toStrictEqual(['a', 'b', 'c']);
    expect(original).toStrictEqual({ a: 1, b: 2 });
  });

  it('skips fields given as undefined', () => {
    expect(withFields<Record<string, number>>({ a: 1 }, { b: undefined })).toStrictEqual({ a: 1 });
  });
});

describe('withoutFields', () => {
  it('copies every other field in order, as a rest pattern does', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.array(fc.string()),
        (object, names) => {
          const omitted = new Set(names);
          const expected = Object.fromEntries(
            Object.entries(object).filter(([key]) => !omitted.has(key)),
          );
          const copy = withoutFields(object, omitted);
          expect(copy).toStrictEqual(expected);
          expect(Object.keys(copy)).toStrictEqual(Object.keys(expected));
        },
      ),
    );
  });
});
