import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Taint, Toleration } from '../../../src/api/kinds/index.js';
import {
  findUntoleratedTaint,
  noExecuteTolerationSeconds,
  tolerationToleratesTaint,
} from '../../../src/api/scheduling/index.js';

const UNREACHABLE: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const DEDICATED: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };

describe('tolerationToleratesTaint', () => {
  it('matches equal key, value and effect', () => {
    expect(
      tolerationToleratesTaint({ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }, DEDICATED),
    ).toBe(true);
  });

  it('treats a missing operator as Equal, comparing values', () => {
    expect(tolerationToleratesTaint({ key: 'dedicated', value: 'cpu' }, DEDICATED)).toBe(false);
    expect(tolerationToleratesTaint({ key: 'dedicated' }, DEDICATED)).toBe(false);
  });

  it('with Exists ignores the value', () => {
    expect(tolerationToleratesTaint({ key: 'dedicated', operator: 'Exists' }, DEDICATED)).toBe(
      true,
    );
  });

  it('with an empty key and Exists tolerates every taint', () => {
    expect(tolerationToleratesTaint({ operator: 'Exists' }, DEDICATED)).toBe(true);
    expect(tolerationToleratesTaint({ operator: 'Exists' }, UNREACHABLE)).toBe(true);
  });

  it('does not tolerate a taint of another effect', () => {
    expect(
      tolerationToleratesTaint(
        { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' },
        DEDICATED,
      ),
    ).toBe(false);
  });

  it('does not tolerate a taint of another key', () => {
    expect(tolerationToleratesTaint({ key: 'other', operator: 'Exists' }, DEDICATED)).toBe(false);
  });
});

describe('findUntoleratedTaint', () => {
  it('answers the first taint no toleration tolerates', () => {
    expect(findUntoleratedTaint({ taints: [DEDICATED, UNREACHABLE], tolerations: [] })).toBe(
      DEDICATED,
    );
  });

  it('skips the taints the filter leaves out', () => {
    expect(
      findUntoleratedTaint({
        taints: [DEDICATED, UNREACHABLE],
        tolerations: [],
        filter: (taint) => taint.effect === 'NoExecute',
      }),
    ).toBe(UNREACHABLE);
  });

  it('answers undefined when every taint is tolerated', () => {
    expect(
      findUntoleratedTaint({
        taints: [DEDICATED, UNREACHABLE],
        tolerations: [{ operator: 'Exists' }],
      }),
    ).toBeUndefined();
  });
});

describe('noExecuteTolerationSeconds', () => {
  it('is 0 when a NoExecute taint is not tolerated', () => {
    expect(noExecuteTolerationSeconds({ taints: [UNREACHABLE], tolerations: [] })).toBe(0);
  });

  it('ignores taints of other effects', () => {
    expect(noExecuteTolerationSeconds({ taints: [DEDICATED], tolerations: [] })).toBeUndefined();
  });

  it('is undefined when every NoExecute taint is tolerated forever', () => {
    expect(
      noExecuteTolerationSeconds({
        taints: [UNREACHABLE],
        tolerations: [{ key: UNREACHABLE.key, operator: 'Exists', effect: 'NoExecute' }],
      }),
    ).toBeUndefined();
  });

  it('is the smallest tolerationSeconds over the taints', () => {
    const notReady: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
    expect(
      noExecuteTolerationSeconds({
        taints: [UNREACHABLE, notReady],
        tolerations: [
          { key: UNREACHABLE.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
          { key: notReady.key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
        ],
      }),
    ).toBe(60);
  });

  it('counts only the first toleration that tolerates each taint, as upstream', () => {
    const tolerations: Toleration[] = [
      { operator: 'Exists' },
      { key: UNREACHABLE.key, operator: 'Exists', tolerationSeconds: 10 },
    ];
    expect(noExecuteTolerationSeconds({ taints: [UNREACHABLE], tolerations })).toBeUndefined();
    expect(
      noExecuteTolerationSeconds({
        taints: [UNREACHABLE],
        tolerations: [...tolerations].reverse(),
      }),
    ).toBe(10);
  });

  it('counts a negative tolerationSeconds as 0', () => {
    expect(
      noExecuteTolerationSeconds({
        taints: [UNREACHABLE],
        tolerations: [{ operator: 'Exists', tolerationSeconds: -5 }],
      }),
    ).toBe(0);
  });

  it('never answers more than any bounded toleration in use', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10, max: 1000 }), { maxLength: 5 }), (seconds) => {
        const tolerations: Toleration[] = seconds.map((tolerationSeconds) => ({
          operator: 'Exists',
          tolerationSeconds,
        }));
        const answer = noExecuteTolerationSeconds({ taints: [UNREACHABLE], tolerations });
        const first = seconds[0];
        expect(answer).toBe(first === undefined ? 0 : Math.max(0, first));
      }),
    );
  });
});
