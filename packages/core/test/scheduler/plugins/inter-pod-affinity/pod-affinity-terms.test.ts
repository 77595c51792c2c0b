import { describe, expect, it } from '@jest/globals';
import { podAffinityTermsOf } from '../../../../src/scheduler/plugins/inter-pod-affinity/pod-affinity-terms.js';
import { makePod } from '../pod-topology-spread/plugin-fixture.js';

describe('podAffinityTermsOf', () => {
  it('answers one shared, frozen, empty set of terms for pods without pod affinity', () => {
    const first = podAffinityTermsOf(makePod({ name: 'a' }));
    const second = podAffinityTermsOf(
      makePod({ name: 'b', spec: { affinity: { nodeAffinity: {} } } }),
    );
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first).toEqual({
      requiredAffinity: [],
      requiredAntiAffinity: [],
      preferredAffinity: [],
      preferredAntiAffinity: [],
      errors: [],
    });
  });

  it('parses the terms of a pod with pod anti-affinity once per pod object', () => {
    const pod = makePod({
      name: 'a',
      spec: {
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'zone' },
            ],
          },
        },
      },
    });
    const terms = podAffinityTermsOf(pod);
    expect(terms.requiredAntiAffinity).toHaveLength(1);
    expect(terms.errors).toEqual([]);
    expect(podAffinityTermsOf(pod)).toBe(terms);
  });
});
