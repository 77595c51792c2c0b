import { describe, expect, it } from '@jest/globals';
import {
  planNewReplicaSetScale,
  planOldReplicaSetsScaleDown,
} from '../../../src/controllers/deployment/rolling-plan.js';
import { parameters, replicaSet } from './replica-set-builder.js';

const steps = (plan: ReturnType<typeof planOldReplicaSetsScaleDown>) =>
  plan.map((step) => [step.replicaSet.metadata?.name, step.replicas]);

describe('planNewReplicaSetScale', () => {
  it('scales the new ReplicaSet up as far as the surge allows', () => {
    const old = replicaSet('old', { replicas: 10 });
    const fresh = replicaSet('new', { replicas: 0, available: 0 });
    expect(
      planNewReplicaSetScale({
        parameters: parameters(),
        allReplicaSets: [old, fresh],
        newReplicaSet: fresh,
      }),
    ).toBe(3);
  });

  it('leaves it when the total is at replicas + maxSurge', () => {
    const old = replicaSet('old', { replicas: 8 });
    const fresh = replicaSet('new', { replicas: 5, available: 0 });
    expect(
      planNewReplicaSetScale({
        parameters: parameters(),
        allReplicaSets: [old, fresh],
        newReplicaSet: fresh,
      }),
    ).toBeUndefined();
  });

  it('scales it down to replicas when above', () => {
    const fresh = replicaSet('new', { replicas: 12 });
    expect(
      planNewReplicaSetScale({
        parameters: parameters(),
        allReplicaSets: [fresh],
        newReplicaSet: fresh,
      }),
    ).toBe(10);
  });

  it('never goes past replicas', () => {
    const fresh = replicaSet('new', { replicas: 9 });
    expect(
      planNewReplicaSetScale({
        parameters: parameters(),
        allReplicaSets: [fresh],
        newReplicaSet: fresh,
      }),
    ).toBe(10);
  });
});

describe('planOldReplicaSetsScaleDown', () => {
  it('scales old pods down to replicas - maxUnavailable available', () => {
    const plan = planOldReplicaSetsScaleDown({
      parameters: parameters(),
      oldReplicaSets: [replicaSet('old', { replicas: 10 })],
      newReplicaSet: replicaSet('new', { replicas: 3, available: 0 }),
    });
    expect(steps(plan)).toEqual([['old', 8]]);
  });

  it('counts the unavailable pods of the new ReplicaSet against the budget', () => {
    const plan = planOldReplicaSetsScaleDown({
      parameters: parameters(),
      oldReplicaSets: [replicaSet('old', { replicas: 8 })],
      newReplicaSet: replicaSet('new', { replicas: 5, available: 0 }),
    });
    expect(plan).toEqual([]);
  });

  it('removes unhealthy old pods first, oldest ReplicaSet first', () => {
    const plan = planOldReplicaSetsScaleDown({
      parameters: parameters({ maxSurge: 0, maxUnavailable: 0 }),
      oldReplicaSets: [
        replicaSet('older', { replicas: 4, available: 3, minute: 1 }),
        replicaSet('old', { replicas: 6, available: 5, minute: 2 }),
      ],
      newReplicaSet: replicaSet('new', { replicas: 1, available: 1, minute: 3 }),
    });
    // 11 asked for, 10 needed: one unhealthy pod goes, from the oldest.
    expect(steps(plan)).toEqual([['older', 3]]);
  });

  it('plans nothing without active old ReplicaSets', () => {
    expect(
      planOldReplicaSetsScaleDown({
        parameters: parameters(),
        oldReplicaSets: [replicaSet('old', { replicas: 0 })],
        newReplicaSet: replicaSet('new', { replicas: 10 }),
      }),
    ).toEqual([]);
  });

  it('never lets availability drop below the minimum, whatever the sizes', () => {
    for (let oldSize = 0; oldSize <= 12; oldSize++) {
      for (let newSize = 0; newSize <= 13 - oldSize; newSize++) {
        for (let newAvailable = 0; newAvailable <= newSize; newAvailable++) {
          const old = replicaSet('old', { replicas: oldSize, minute: 1 });
          const fresh = replicaSet('new', {
            replicas: newSize,
            available: newAvailable,
            minute: 2,
          });
          const plan = planOldReplicaSetsScaleDown({
            parameters: parameters(),
            oldReplicaSets: [old],
            newReplicaSet: fresh,
          });
          const removed = plan.reduce((sum, step) => sum + (oldSize - step.replicas), 0);
          const before = oldSize + newAvailable;
          expect(Math.min(before, before - removed)).toBeGreaterThanOrEqual(Math.min(before, 8));
          expect(plan.every((step) => step.replicas >= 0)).toBe(true);
        }
      }
    }
  });
});
