import { describe, expect, it } from '@jest/globals';
import type { Deployment } from '../../../src/api/kinds/index.js';
import {
  findActiveOrLatest,
  isScalingEvent,
  planScale,
} from '../../../src/controllers/deployment/proportional-scaling.js';
import { parameters, replicaSet } from './replica-set-builder.js';

const DEPLOYMENT: Deployment = { metadata: { name: 'web' }, status: { replicas: 13 } };

function sizes(plan: ReturnType<typeof planScale>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const step of plan) {
    result[step.replicaSet.metadata?.name ?? ''] = step.replicas;
  }
  return result;
}

describe('isScalingEvent', () => {
  it('is true when an active ReplicaSet was sized for another replicas', () => {
    const sized = replicaSet('a', { replicas: 3, desired: 3 });
    expect(isScalingEvent(parameters({ replicas: 3 }), [sized])).toBe(false);
    expect(isScalingEvent(parameters({ replicas: 5 }), [sized])).toBe(true);
  });

  it('ignores scaled-down and unannotated ReplicaSets', () => {
    expect(
      isScalingEvent(parameters({ replicas: 5 }), [
        replicaSet('a', { replicas: 0, desired: 3 }),
        replicaSet('b', { replicas: 3 }),
      ]),
    ).toBe(false);
  });
});

describe('findActiveOrLatest', () => {
  it('answers the only active ReplicaSet, the new or newest one when none is, nothing when several are', () => {
    const old = replicaSet('old', { replicas: 0, minute: 1 });
    const older = replicaSet('older', { replicas: 0, minute: 0 });
    const fresh = replicaSet('new', { replicas: 2, minute: 2 });
    expect(findActiveOrLatest(fresh, [old])).toBe(fresh);
    expect(findActiveOrLatest(undefined, [older, old])).toBe(old);
    expect(findActiveOrLatest(replicaSet('n', { replicas: 0 }), [old])?.metadata?.name).toBe('n');
    expect(findActiveOrLatest(fresh, [replicaSet('x', { replicas: 1 })])).toBeUndefined();
  });
});

describe('planScale', () => {
  it('scales the only active ReplicaSet to replicas', () => {
    const plan = planScale({
      deployment: DEPLOYMENT,
      parameters: parameters({ replicas: 7 }),
      newReplicaSet: replicaSet('new', { replicas: 3 }),
      oldReplicaSets: [replicaSet('old', { replicas: 0 })],
    });
    expect(sizes(plan)).toEqual({ new: 7 });
  });

  it('spreads a scale-up in proportion to the sizes', () => {
    const plan = planScale({
      deployment: DEPLOYMENT,
      parameters: parameters({ replicas: 20 }),
      newReplicaSet: replicaSet('new', {
        replicas: 5,
        available: 0,
        minute: 2,
        desired: 10,
        max: 13,
      }),
      oldReplicaSets: [replicaSet('old', { replicas: 8, minute: 1, desired: 10, max: 13 })],
    });
    expect(sizes(plan)).toEqual({ old: 14, new: 9 });
  });

  it('spreads a scale-down, the rounding leftover on the largest', () => {
    const plan = planScale({
      deployment: DEPLOYMENT,
      parameters: parameters({ replicas: 5, maxSurge: 1 }),
      newReplicaSet: replicaSet('new', { replicas: 5, available: 0, minute: 2, max: 13 }),
      oldReplicaSets: [replicaSet('old', { replicas: 8, minute: 1, max: 13 })],
    });
    const planned = sizes(plan);
    expect((planned['old'] ?? 0) + (planned['new'] ?? 0)).toBe(6);
    expect(planned).toEqual({ old: 4, new: 2 });
  });

  it('scales every active ReplicaSet to 0 for 0 replicas', () => {
    const plan = planScale({
      deployment: DEPLOYMENT,
      parameters: parameters({ replicas: 0, maxUnavailable: 0 }),
      newReplicaSet: replicaSet('new', { replicas: 5, minute: 2, max: 13 }),
      oldReplicaSets: [replicaSet('old', { replicas: 8, minute: 1, max: 13 })],
    });
    expect(sizes(plan)).toEqual({ old: 0, new: 0 });
  });

  it('scales the old ReplicaSets to 0 once the new one is saturated', () => {
    const plan = planScale({
      deployment: DEPLOYMENT,
      parameters: parameters({ replicas: 10 }),
      newReplicaSet: replicaSet('new', { replicas: 10, desired: 10 }),
      oldReplicaSets: [replicaSet('old', { replicas: 2 })],
    });
    expect(sizes(plan)).toEqual({ old: 0 });
  });
});
