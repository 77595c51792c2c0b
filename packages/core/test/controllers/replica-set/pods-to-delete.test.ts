import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Pod } from '../../../src/api/kinds/index.js';
import {
  compareForDeletion,
  podsToDelete,
} from '../../../src/controllers/replica-set/pods-to-delete.js';

type PodPhase = NonNullable<NonNullable<Pod['status']>['phase']>;

function pod(
  name: string,
  options: {
    readonly nodeName?: string;
    readonly phase?: PodPhase;
    readonly readySince?: string;
    readonly restarts?: number;
    readonly created?: string;
  } = {},
): Pod {
  return {
    metadata: {
      name,
      ...(options.created === undefined ? {} : { creationTimestamp: options.created }),
    },
    spec: {
      containers: [{ name: 'c', image: 'nginx' }],
      ...(options.nodeName === undefined ? {} : { nodeName: options.nodeName }),
    },
    status: {
      ...(options.phase === undefined ? {} : { phase: options.phase }),
      ...(options.readySince === undefined
        ? {}
        : {
            conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: options.readySince }],
          }),
      ...(options.restarts === undefined
        ? {}
        : {
            containerStatuses: [
              {
                name: 'c',
                ready: false,
                restartCount: options.restarts,
                image: 'nginx',
                imageID: '',
              },
            ],
          }),
    },
  };
}

const names = (pods: readonly Pod[]): readonly (string | undefined)[] =>
  pods.map((p) => p.metadata?.name);

describe('podsToDelete', () => {
  it('takes an unscheduled pod before a scheduled one', () => {
    const pods = [pod('scheduled', { nodeName: 'n' }), pod('unscheduled')];
    expect(names(podsToDelete(pods, 1))).toEqual(['unscheduled']);
  });

  it('takes Pending, then Unknown, then Running pods', () => {
    const pods = [
      pod('running', { nodeName: 'n', phase: 'Running' }),
      pod('unknown', { nodeName: 'n', phase: 'Unknown' }),
      pod('pending', { nodeName: 'n', phase: 'Pending' }),
    ];
    expect(names(podsToDelete(pods, 3))).toEqual(['pending', 'unknown', 'running']);
  });

  it('takes a not ready pod before a ready one', () => {
    const pods = [
      pod('ready', { nodeName: 'n', phase: 'Running', readySince: '2025-01-01T00:00:00Z' }),
      pod('not-ready', { nodeName: 'n', phase: 'Running' }),
    ];
    expect(names(podsToDelete(pods, 1))).toEqual(['not-ready']);
  });

  it('takes the pod ready more recently first', () => {
    const pods = [
      pod('long', { nodeName: 'n', phase: 'Running', readySince: '2025-01-01T00:00:00Z' }),
      pod('recent', { nodeName: 'n', phase: 'Running', readySince: '2025-01-02T00:00:00Z' }),
    ];
    expect(names(podsToDelete(pods, 1))).toEqual(['recent']);
  });

  it('takes the pod restarted more first', () => {
    const pods = [pod('calm', { restarts: 0 }), pod('flaky', { restarts: 5 })];
    expect(names(podsToDelete(pods, 1))).toEqual(['flaky']);
  });

  it('takes the newest pod first when nothing else differs', () => {
    const pods = [
      pod('old', { created: '2025-01-01T00:00:00Z' }),
      pod('new', { created: '2025-01-03T00:00:00Z' }),
      pod('middle', { created: '2025-01-02T00:00:00Z' }),
    ];
    expect(names(podsToDelete(pods, 3))).toEqual(['new', 'middle', 'old']);
  });

  it('answers nothing for a count of zero or less, and everything for a larger count', () => {
    const pods = [pod('a'), pod('b')];
    expect(podsToDelete(pods, 0)).toEqual([]);
    expect(podsToDelete(pods, -1)).toEqual([]);
    expect(podsToDelete(pods, 5)).toHaveLength(2);
  });

  it('never changes its input', () => {
    const pods = Object.freeze([pod('b', { nodeName: 'n' }), pod('a')]);
    podsToDelete(pods, 1);
    expect(names(pods)).toEqual(['b', 'a']);
  });

  it('orders antisymmetrically', () => {
    const arbitraryPod = fc
      .record({
        scheduled: fc.boolean(),
        phase: fc.constantFrom<PodPhase>('Pending', 'Unknown', 'Running'),
        ready: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: undefined }),
        restarts: fc.integer({ min: 0, max: 3 }),
        created: fc.integer({ min: 0, max: 1_000 }),
      })
      .map((r) =>
        pod('p', {
          ...(r.scheduled ? { nodeName: 'n' } : {}),
          phase: r.phase,
          ...(r.ready === undefined ? {} : { readySince: new Date(r.ready * 1000).toISOString() }),
          restarts: r.restarts,
          created: new Date(r.created * 1000).toISOString(),
        }),
      );
    fc.assert(
      fc.property(arbitraryPod, arbitraryPod, (a, b) => {
        expect(Math.sign(compareForDeletion(a, b))).toBe(-Math.sign(compareForDeletion(b, a)) || 0);
      }),
    );
  });
});
