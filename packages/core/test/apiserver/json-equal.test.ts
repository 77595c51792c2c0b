import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { jsonEqual, jsonEqualExcept } from '../../src/apiserver/json-equal.js';

describe('jsonEqual', () => {
  it('is true for a value and its deep copy', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => jsonEqual(value, structuredClone(value))));
  });

  it('agrees with a comparison of canonical serializations', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 2 }), fc.jsonValue({ maxDepth: 2 }), (a, b) => {
        expect(jsonEqual(a, b)).toBe(canonical(a) === canonical(b));
      }),
    );
  });

  it('ignores key order, and tells values apart', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual({}, [])).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
    // As in JSON, a field whose value is undefined is absent.
    expect(jsonEqual({ a: undefined }, { b: undefined })).toBe(true);
    expect(jsonEqual({ a: undefined, c: 1 }, { c: 1 })).toBe(true);
    expect(jsonEqual({ a: undefined }, { a: 1 })).toBe(false);
  });
});

describe('jsonEqualExcept', () => {
  const ignored = new Set(['metadata', 'status']);

  it('ignores the given top-level fields', () => {
    expect(
      jsonEqualExcept(
        { spec: { a: 1 }, metadata: { x: 1 } },
        { spec: { a: 1 }, status: { y: 2 } },
        ignored,
      ),
    ).toBe(true);
  });

  it('sees a field present on one side only', () => {
    expect(jsonEqualExcept({ spec: { a: 1 } }, { spec: { a: 1 }, extra: 1 }, ignored)).toBe(false);
    expect(jsonEqualExcept({ spec: { a: 1 }, extra: 1 }, { spec: { a: 1 } }, ignored)).toBe(false);
    expect(jsonEqualExcept({ spec: { a: 1 } }, { spec: { a: 2 } }, ignored)).toBe(false);
  });
});

/** JSON with object keys sorted, for comparing values regardless of key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
