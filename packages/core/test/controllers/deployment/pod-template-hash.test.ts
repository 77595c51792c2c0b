import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  computePodTemplateHash,
  templatesEqualIgnoringHash,
} from '../../../src/controllers/deployment/pod-template-hash.js';

const TEMPLATE = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx:1' }] },
};

describe('computePodTemplateHash', () => {
  it('is a short string of the safe alphabet', () => {
    expect(computePodTemplateHash(TEMPLATE)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  });

  it('does not depend on the order of the keys', () => {
    const reordered = {
      spec: { containers: [{ image: 'nginx:1', name: 'web' }] },
      metadata: { labels: { app: 'web' } },
    };
    expect(computePodTemplateHash(reordered)).toBe(computePodTemplateHash(TEMPLATE));
  });

  it('changes with the template and with the collision count', () => {
    const other = { ...TEMPLATE, spec: { containers: [{ name: 'web', image: 'nginx:2' }] } };
    const hash = computePodTemplateHash(TEMPLATE);
    expect(computePodTemplateHash(other)).not.toBe(hash);
    expect(computePodTemplateHash(TEMPLATE, 1)).not.toBe(hash);
    expect(computePodTemplateHash(TEMPLATE, 1)).not.toBe(computePodTemplateHash(TEMPLATE, 2));
  });

  it('is deterministic for any image', () => {
    fc.assert(
      fc.property(fc.string(), (image) => {
        const template = { spec: { containers: [{ name: 'c', image }] } };
        expect(computePodTemplateHash(template)).toBe(computePodTemplateHash(template));
      }),
    );
  });
});

describe('templatesEqualIgnoringHash', () => {
  it('ignores the pod-template-hash label only', () => {
    const hashed = {
      ...TEMPLATE,
      metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } },
    };
    expect(templatesEqualIgnoringHash(hashed, TEMPLATE)).toBe(true);
    const relabelled = { ...TEMPLATE, metadata: { labels: { app: 'db' } } };
    expect(templatesEqualIgnoringHash(hashed, relabelled)).toBe(false);
  });
});
