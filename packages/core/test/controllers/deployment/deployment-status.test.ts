import { describe, expect, it } from '@jest/globals';
import {
  calculateStatus,
  isDeploymentProgressing,
  isDeploymentTimedOut,
  progressDeadlineCheckIn,
  rolloutStatus,
  type StatusInputs,
} from '../../../src/controllers/deployment/deployment-status.js';
import { parameters, replicaSet } from './replica-set-builder.js';

const T0 = '2025-01-01T00:00:00Z';
const T0_MS = Date.parse(T0);

function inputs(overrides: Partial<StatusInputs> = {}): StatusInputs {
  const fresh = replicaSet('web-new', { replicas: 3, available: 1, statusReplicas: 3 });
  return {
    parameters: parameters({ replicas: 3, maxSurge: 1, maxUnavailable: 1 }),
    name: 'web',
    generation: 2,
    status: {},
    allReplicaSets: [replicaSet('web-old', { replicas: 1, available: 1 }), fresh],
    newReplicaSet: fresh,
    now: T0,
    ...overrides,
  };
}

describe('calculateStatus', () => {
  it('counts the ReplicaSets and sets Available by replicas - maxUnavailable', () => {
    const status = calculateStatus(inputs());
    expect(status).toMatchObject({
      observedGeneration: 2,
      replicas: 4,
      updatedReplicas: 3,
      availableReplicas: 2,
      unavailableReplicas: 2,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
          lastUpdateTime: T0,
          lastTransitionTime: T0,
        },
      ],
    });
  });

  it('reports MinimumReplicasUnavailable below the minimum', () => {
    const fresh = replicaSet('web-new', { replicas: 3, available: 0 });
    const status = calculateStatus(inputs({ allReplicaSets: [fresh], newReplicaSet: fresh }));
    expect(status.conditions?.[0]).toMatchObject({
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
      message: 'Deployment does not have minimum availability.',
    });
  });
});

describe('isDeploymentProgressing', () => {
  it('sees more updated, fewer old, more ready or more available replicas as progress', () => {
    const before = { replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3 };
    expect(isDeploymentProgressing(before, before)).toBe(false);
    expect(isDeploymentProgressing(before, { ...before, updatedReplicas: 2 })).toBe(true);
    expect(isDeploymentProgressing(before, { ...before, replicas: 3 })).toBe(true);
    expect(isDeploymentProgressing(before, { ...before, readyReplicas: 4 })).toBe(true);
    expect(isDeploymentProgressing(before, { ...before, availableReplicas: 4 })).toBe(true);
  });
});

describe('isDeploymentTimedOut', () => {
  const progressing = {
    conditions: [
      {
        type: 'Progressing',
        status: 'True' as const,
        reason: 'ReplicaSetUpdated',
        lastUpdateTime: T0,
      },
    ],
  };

  it('is true only strictly after the deadline', () => {
    const p = parameters({ progressDeadlineSeconds: 60 });
    expect(isDeploymentTimedOut(p, progressing, T0_MS + 60_000)).toBe(false);
    expect(isDeploymentTimedOut(p, progressing, T0_MS + 60_001)).toBe(true);
  });

  it('is false without a deadline or once the new ReplicaSet is available', () => {
    expect(
      isDeploymentTimedOut(
        parameters({ progressDeadlineSeconds: undefined }),
        progressing,
        T0_MS + 1e9,
      ),
    ).toBe(false);
    const complete = {
      conditions: [
        {
          type: 'Progressing',
          status: 'True' as const,
          reason: 'NewReplicaSetAvailable',
          lastUpdateTime: T0,
        },
      ],
    };
    expect(isDeploymentTimedOut(parameters(), complete, T0_MS + 1e9)).toBe(false);
  });
});

describe('rolloutStatus', () => {
  it('marks progress with ReplicaSetUpdated and a fresh lastUpdateTime', () => {
    const status = rolloutStatus({ ...inputs({ status: { updatedReplicas: 1 } }), nowMs: T0_MS });
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'ReplicaSetUpdated',
      message: 'ReplicaSet "web-new" is progressing.',
      lastUpdateTime: T0,
    });
  });

  it('reports NewReplicaSetAvailable once complete', () => {
    const fresh = replicaSet('web-new', { replicas: 3 });
    const status = rolloutStatus({
      ...inputs({ allReplicaSets: [fresh], newReplicaSet: fresh, generation: 1 }),
      nowMs: T0_MS,
    });
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: 'ReplicaSet "web-new" has successfully progressed.',
    });
  });

  it('reports ProgressDeadlineExceeded when stuck past the deadline', () => {
    const stuck = {
      replicas: 4,
      updatedReplicas: 3,
      readyReplicas: 2,
      availableReplicas: 2,
      conditions: [
        {
          type: 'Progressing',
          status: 'True' as const,
          reason: 'ReplicaSetUpdated',
          lastUpdateTime: T0,
        },
      ],
    };
    const later = T0_MS + 601_000;
    const status = rolloutStatus({ ...inputs({ status: stuck }), nowMs: later });
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: 'ReplicaSet "web-new" has timed out progressing.',
    });
  });

  it('drops Progressing when there is no deadline', () => {
    const status = rolloutStatus({
      ...inputs({
        parameters: parameters({ replicas: 3, progressDeadlineSeconds: undefined }),
        status: {
          conditions: [{ type: 'Progressing', status: 'True', reason: 'FoundNewReplicaSet' }],
        },
      }),
      nowMs: T0_MS,
    });
    expect(status.conditions?.map((c) => c.type)).toEqual(['Available']);
  });
});

describe('progressDeadlineCheckIn', () => {
  const status = {
    conditions: [
      {
        type: 'Progressing',
        status: 'True' as const,
        reason: 'ReplicaSetUpdated',
        lastUpdateTime: T0,
      },
    ],
  };

  it('comes back one second after the deadline', () => {
    expect(
      progressDeadlineCheckIn({
        parameters: parameters(),
        status,
        generation: 1,
        now: T0_MS + 100_000,
      }),
    ).toBe(501_000);
  });

  it('does not come back once timed out, nor without a deadline', () => {
    const timedOut = {
      conditions: [
        { type: 'Progressing', status: 'False' as const, reason: 'ProgressDeadlineExceeded' },
      ],
    };
    expect(
      progressDeadlineCheckIn({
        parameters: parameters(),
        status: timedOut,
        generation: 1,
        now: T0_MS,
      }),
    ).toBeUndefined();
    expect(
      progressDeadlineCheckIn({
        parameters: parameters({ progressDeadlineSeconds: undefined }),
        status,
        generation: 1,
        now: T0_MS,
      }),
    ).toBeUndefined();
  });
});
