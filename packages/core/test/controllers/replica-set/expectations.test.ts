import { describe, expect, it } from '@jest/globals';
import {
  EXPECTATIONS_TIMEOUT_MS,
  ReplicaSetExpectations,
} from '../../../src/controllers/replica-set/expectations.js';

describe('ReplicaSetExpectations', () => {
  it('is satisfied for a ReplicaSet it knows nothing of', () => {
    expect(new ReplicaSetExpectations().satisfied('default/web', 0)).toBe(true);
  });

  it('waits until every expected creation is observed', () => {
    const expectations = new ReplicaSetExpectations();
    expectations.expectCreations('default/web', 2, 0);
    expect(expectations.satisfied('default/web', 0)).toBe(false);
    expectations.creationObserved('default/web');
    expect(expectations.satisfied('default/web', 0)).toBe(false);
    expectations.creationObserved('default/web');
    expect(expectations.satisfied('default/web', 0)).toBe(true);
    expectations.creationObserved('default/web');
    expect(expectations.satisfied('default/web', 0)).toBe(true);
  });

  it('waits until each expected deletion is observed, by uid', () => {
    const expectations = new ReplicaSetExpectations();
    expectations.expectDeletions('default/web', ['a', 'b'], 0);
    expectations.deletionObserved('default/web', 'a');
    expectations.deletionObserved('default/web', 'zzz');
    expect(expectations.satisfied('default/web', 0)).toBe(false);
    expectations.deletionObserved('default/web', 'b');
    expect(expectations.satisfied('default/web', 0)).toBe(true);
  });

  it('gives up waiting after five minutes', () => {
    const expectations = new ReplicaSetExpectations();
    expectations.expectCreations('default/web', 1, 1_000);
    expect(expectations.satisfied('default/web', 1_000 + EXPECTATIONS_TIMEOUT_MS)).toBe(false);
    expect(expectations.satisfied('default/web', 1_001 + EXPECTATIONS_TIMEOUT_MS)).toBe(true);
  });

  it('keeps ReplicaSets apart and forgets one that is gone', () => {
    const expectations = new ReplicaSetExpectations();
    expectations.expectCreations('default/web', 1, 0);
    expect(expectations.satisfied('default/db', 0)).toBe(true);
    expectations.forget('default/web');
    expect(expectations.satisfied('default/web', 0)).toBe(true);
  });
});
