import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { applyMergePatch } from '../../../src/apiserver/patch/index.js';

// RFC 7386 Appendix A: original, patch, result.
const RFC_7386_EXAMPLES: readonly (readonly [
  original: unknown,
  patch: unknown,
  result: unknown,
])[] = [
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [
    ['a', 'b'],
    ['c', 'd'],
    ['c', 'd'],
  ],
  [{ a: 'b' }, ['c'], ['c']],
  [{ a: 'foo' }, null, null],
  [{ a: 'foo' }, 'bar', 'bar'],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
];

// RFC 7386's pseudo-code as written: copy, then set or delete each patch key in turn.
function referenceMergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const base =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? (target as Record<string, unknown>)
      : {};
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else
      Object.defineProperty(result, key, {
        value: referenceMergePatch(Object.hasOwn(base, key) ? base[key] : undefined, value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return result;
}

// JSON objects over a few shared keys, so that patches meet the document's fields.
const sharedKeys = fc.constantFrom('a', 'b', 'c', '1', '10', '__proto__', 'status');
const jsonTree = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, 1, 'x', true),
    fc.array(tie('value'), { maxLength: 2 }),
    tie('object'),
  ),
  object: fc.dictionary(sharedKeys, tie('value'), { maxKeys: 5 }),
})).value;

describe('applyMergePatch', () => {
  it.each(RFC_7386_EXAMPLES)('RFC 7386: %j patched with %j is %j', (original, patch, result) => {
    expect(applyMergePatch(original, patch)).toEqual(result);
  });

  it('scales a deployment as kubectl scale does, keeping the rest of the spec', () => {
    const deployment = {
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { replicas: 1, template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    };
    const scaled = applyMergePatch(deployment, { spec: { replicas: 3 } }) as typeof deployment;
    expect(scaled.spec.replicas).toBe(3);
    expect(scaled.spec.template).toBe(deployment.spec.template);
    expect(scaled.metadata).toBe(deployment.metadata);
    expect(deployment.spec.replicas).toBe(1);
  });

  it('labels and unlabels as kubectl label does', () => {
    const pod = { metadata: { labels: { app: 'web', tier: 'frontend' } } };
    expect(applyMergePatch(pod, { metadata: { labels: { tier: null, env: 'prod' } } })).toEqual({
      metadata: { labels: { app: 'web', env: 'prod' } },
    });
  });

  it('keeps a key named __proto__ as data', () => {
    const patch = JSON.parse('{"__proto__":{"polluted":true}}') as unknown;
    const result = applyMergePatch({}, patch) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('gives what the RFC pseudo-code gives, keys in the same order', () => {
    fc.assert(
      fc.property(jsonTree, jsonTree, (document, patch) => {
        const result = applyMergePatch(document, patch);
        const expected = referenceMergePatch(document, patch);
        expect(result).toStrictEqual(expected);
        expect(JSON.stringify(result)).toBe(JSON.stringify(expected));
      }),
      { numRuns: 2_000 },
    );
  });

  it('is idempotent and never changes its inputs', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.jsonValue({ maxDepth: 4 }),
        (document, patch) => {
          const before = JSON.stringify([document, patch]);
          const once = applyMergePatch(document, patch);
          expect(applyMergePatch(once, patch)).toEqual(once);
          expect(JSON.stringify([document, patch])).toBe(before);
        },
      ),
    );
  });
});
