import { describe, expect, it } from '@jest/globals';
import { defaultNamespace } from '../../../src/apiserver/defaulting/index.js';

describe('defaultNamespace', () => {
  it('adds the kubernetes finalizer and the Active phase', () => {
    expect(defaultNamespace(Object.freeze({ metadata: { name: 'team-a' } }))).toStrictEqual({
      metadata: { name: 'team-a' },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });

  it('keeps other finalizers and a Terminating phase, returning the same object when complete', () => {
    const namespace = {
      spec: { finalizers: ['example.com/x', 'kubernetes'] },
      status: { phase: 'Terminating' as const },
    };
    expect(defaultNamespace(namespace)).toBe(namespace);
  });
});
