import { describe, expect, it } from '@jest/globals';
import type { Pod } from '../../../src/api/kinds/index.js';
import {
  availableSince,
  isPodActive,
  isPodAvailable,
  isPodReady,
} from '../../../src/controllers/replica-set/pod-readiness.js';

const READY_AT = '2025-01-01T00:00:00Z';

type PodPhase = NonNullable<NonNullable<Pod['status']>['phase']>;

function pod(options: {
  readonly phase?: PodPhase;
  readonly deleting?: boolean;
  readonly ready?: 'True' | 'False';
}): Pod {
  return {
    metadata: options.deleting === true ? { deletionTimestamp: READY_AT } : {},
    status: {
      ...(options.phase === undefined ? {} : { phase: options.phase }),
      ...(options.ready === undefined
        ? {}
        : { conditions: [{ type: 'Ready', status: options.ready, lastTransitionTime: READY_AT }] }),
    },
  };
}

describe('isPodActive', () => {
  it('counts pending, running and unknown pods', () => {
    expect(isPodActive(pod({}))).toBe(true);
    expect(isPodActive(pod({ phase: 'Running' }))).toBe(true);
    expect(isPodActive(pod({ phase: 'Unknown' }))).toBe(true);
  });

  it('does not count finished pods or pods being deleted', () => {
    expect(isPodActive(pod({ phase: 'Succeeded' }))).toBe(false);
    expect(isPodActive(pod({ phase: 'Failed' }))).toBe(false);
    expect(isPodActive(pod({ phase: 'Running', deleting: true }))).toBe(false);
  });
});

describe('isPodReady and isPodAvailable', () => {
  it('reads the Ready condition', () => {
    expect(isPodReady(pod({ ready: 'True' }))).toBe(true);
    expect(isPodReady(pod({ ready: 'False' }))).toBe(false);
    expect(isPodReady(pod({}))).toBe(false);
  });

  it('makes a ready pod available minReadySeconds after it became ready', () => {
    const readyAt = Date.parse(READY_AT);
    expect(availableSince(pod({ ready: 'True' }), 10)).toBe(readyAt + 10_000);
    expect(isPodAvailable(pod({ ready: 'True' }), 10, readyAt + 9_999)).toBe(false);
    expect(isPodAvailable(pod({ ready: 'True' }), 10, readyAt + 10_000)).toBe(true);
  });

  it('makes a ready pod available at once when minReadySeconds is 0', () => {
    expect(isPodAvailable(pod({ ready: 'True' }), 0, 0)).toBe(true);
  });

  it('never makes a pod that is not ready available', () => {
    expect(availableSince(pod({ ready: 'False' }), 0)).toBeUndefined();
    expect(isPodAvailable(pod({}), 0, Date.parse(READY_AT) + 1e9)).toBe(false);
  });
});
