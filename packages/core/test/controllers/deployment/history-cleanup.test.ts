import { describe, expect, it } from '@jest/globals';
import { replicaSetsToCleanUp } from '../../../src/controllers/deployment/history-cleanup.js';
import { replicaSet } from './replica-set-builder.js';

const names = (list: readonly { metadata?: { name?: string } }[]) =>
  list.map((rs) => rs.metadata?.name);

describe('replicaSetsToCleanUp', () => {
  it('deletes the lowest revisions beyond the limit', () => {
    const old = [3, 1, 2].map((revision) => replicaSet(`r${revision}`, { replicas: 0, revision }));
    expect(names(replicaSetsToCleanUp({ oldReplicaSets: old, limit: 1 }))).toEqual(['r1', 'r2']);
    expect(replicaSetsToCleanUp({ oldReplicaSets: old, limit: 3 })).toEqual([]);
  });

  it('keeps ReplicaSets that still have replicas or pods', () => {
    const old = [
      replicaSet('running', { replicas: 1, revision: 1 }),
      replicaSet('draining', { replicas: 0, statusReplicas: 1, revision: 2 }),
      replicaSet('done', { replicas: 0, revision: 3 }),
      replicaSet('kept', { replicas: 0, revision: 4 }),
    ];
    expect(names(replicaSetsToCleanUp({ oldReplicaSets: old, limit: 1 }))).toEqual(['done']);
  });

  it('deletes every scaled-down old ReplicaSet with a limit of 0', () => {
    const old = [replicaSet('a', { replicas: 0, revision: 1 })];
    expect(names(replicaSetsToCleanUp({ oldReplicaSets: old, limit: 0 }))).toEqual(['a']);
  });
});
