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
