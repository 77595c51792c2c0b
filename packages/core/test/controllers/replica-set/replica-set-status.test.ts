import { describe, expect, it } from '@jest/globals';
import type { Pod, ReplicaSet } from '../../../src/api/kinds/index.js';
import { computeReplicaSetStatus } from '../../../src/controllers/replica-set/replica-set-status.js';

const NOW = Date.parse('2025-01-01T00:01:00Z');

function replicaSet(minReadySeconds?: number): ReplicaSet {
  return {
    metadata: { namespace: 'default', name: 'web', generation: 4 },
    spec: {
      replicas: 3,
      ...(minReadySeconds === undefined ? {} : { minReadySeconds }),
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web', tier: 'front' } } },
    },
    status: { replicas: 0, conditions: [{ type: 'ReplicaFailure', status: 'False' }] },
  };
}

function pod(labels: Record<string, string>, readySince?: string | null): Pod {
  return {
    metadata: { labels },
    ...(readySince === undefined
      ? {}
      : {
          status: {
            conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: readySince }],
          },
        }),
  };
}

describe('computeReplicaSetStatus', () => {
  it('counts pods, fully labeled pods, ready and available pods, and the generation', () => {
    const pods = [
      pod({ app: 'web', tier: 'front' }, '2025-01-01T00:00:00Z'),
      pod({ app: 'web' }, '2025-01-01T00:00:00Z'),
      pod({ app: 'web', tier: 'front' }),
    ];
    const { status, nextAvailableIn } = computeReplicaSetStatus({
      replicaSet: replicaSet(),
      pods,
      now: NOW,
    });
    expect(status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      observedGeneration: 4,
      conditions: [{ type: 'ReplicaFailure', status: 'False' }],
    });
    expect(nextAvailableIn).toBeUndefined();
  });

  it('counts a ready pod as available only after minReadySeconds, and says when', () => {
    const pods = [
      pod({ app: 'web' }, '2025-01-01T00:00:00Z'),
      pod({ app: 'web' }, '2025-01-01T00:00:50Z'),
      pod({ app: 'web' }, '2025-01-01T00:00:40Z'),
    ];
    const { status, nextAvailableIn } = computeReplicaSetStatus({
      replicaSet: replicaSet(30),
      pods,
      now: NOW,
    });
    expect(status).toMatchObject({ readyReplicas: 3, availableReplicas: 1 });
    expect(nextAvailableIn).toBe(10_000);
  });

  it('never counts a ready pod without a transition time as available when minReadySeconds is set', () => {
    const { status, nextAvailableIn } = computeReplicaSetStatus({
      replicaSet: replicaSet(5),
      pods: [pod({ app: 'web' }, null)],
      now: NOW,
    });
    expect(status).toMatchObject({ readyReplicas: 1, availableReplicas: 0 });
    expect(nextAvailableIn).toBeUndefined();
  });

  it('reports zeros for no pods', () => {
    const { status } = computeReplicaSetStatus({ replicaSet: replicaSet(), pods: [], now: NOW });
    expect(status).toMatchObject({
      replicas: 0,
      fullyLabeledReplicas: 0,
      readyReplicas: 0,
      availableReplicas: 0,
    });
  });
});
