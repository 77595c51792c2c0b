import { describe, expect, it } from '@jest/globals';
import {
  newDeploymentCondition,
  removeDeploymentCondition,
  setDeploymentCondition,
} from '../../../src/controllers/deployment/deployment-conditions.js';

const at = (now: string, reason: string, status: 'True' | 'False' | 'Unknown' = 'True') =>
  newDeploymentCondition({ type: 'Progressing', status, reason, message: reason, now });

describe('setDeploymentCondition', () => {
  it('changes nothing for the same status and reason, even with a new message', () => {
    const conditions = [at('2025-01-01T00:00:00Z', 'ReplicaSetUpdated')];
    const again = { ...at('2025-01-01T00:05:00Z', 'ReplicaSetUpdated'), message: 'other' };
    expect(setDeploymentCondition(conditions, again)).toBe(conditions);
  });

  it('keeps lastTransitionTime when the status stays, and moves lastUpdateTime', () => {
    const conditions = [at('2025-01-01T00:00:00Z', 'NewReplicaSetCreated')];
    const [next] = setDeploymentCondition(
      conditions,
      at('2025-01-01T00:05:00Z', 'ReplicaSetUpdated'),
    );
    expect(next).toMatchObject({
      reason: 'ReplicaSetUpdated',
      lastUpdateTime: '2025-01-01T00:05:00Z',
      lastTransitionTime: '2025-01-01T00:00:00Z',
    });
  });

  it('takes the new lastTransitionTime when the status changes, and keeps other types', () => {
    const available = newDeploymentCondition({
      type: 'Available',
      status: 'True',
      reason: 'MinimumReplicasAvailable',
      message: '',
      now: '2025-01-01T00:00:00Z',
    });
    const conditions = [at('2025-01-01T00:00:00Z', 'ReplicaSetUpdated'), available];
    const next = setDeploymentCondition(
      conditions,
      at('2025-01-01T00:10:00Z', 'ProgressDeadlineExceeded', 'False'),
    );
    expect(next.map((c) => c.type)).toEqual(['Available', 'Progressing']);
    expect(next[1]?.lastTransitionTime).toBe('2025-01-01T00:10:00Z');
  });
});

describe('removeDeploymentCondition', () => {
  it('answers the same list when there is nothing to remove', () => {
    const conditions = [at('2025-01-01T00:00:00Z', 'ReplicaSetUpdated')];
    expect(removeDeploymentCondition(conditions, 'Available')).toBe(conditions);
    expect(removeDeploymentCondition(conditions, 'Progressing')).toEqual([]);
  });
});
