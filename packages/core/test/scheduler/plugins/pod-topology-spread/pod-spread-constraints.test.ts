import { describe, expect, it } from '@jest/globals';
import type { Pod } from '../../../../src/api/kinds/index.js';
import {
  PodSpreadConstraints,
  SYSTEM_DEFAULT_SPREAD_CONSTRAINTS,
} from '../../../../src/scheduler/plugins/pod-topology-spread/pod-spread-constraints.js';
import { makePod } from './plugin-fixture.js';

/** Constraints with the system defaults, counting how often the default selector is asked. */
function countingConstraints(): {
  readonly of: PodSpreadConstraints;
  readonly asked: () => number;
} {
  let asked = 0;
  const selector = { matchLabels: { app: 'web' } };
  const of = new PodSpreadConstraints(SYSTEM_DEFAULT_SPREAD_CONSTRAINTS, () => {
    asked++;
    return selector;
  });
  return { of, asked: () => asked };
}

function web(name: string): Pod {
  return makePod({ name, labels: { app: 'web' } });
}

describe('PodSpreadConstraints', () => {
  it('computes a pod’s constraints once per action while it is the pod asked about', () => {
    const { of, asked } = countingConstraints();
    const pod = web('a');
    const first = of.of(pod, 'ScheduleAnyway');
    expect(first._tag === 'Right' && first.right).toHaveLength(2);
    expect(of.of(pod, 'ScheduleAnyway')).toBe(first);
    expect(asked()).toBe(1);
    // The system defaults have no DoNotSchedule constraint: nothing to select.
    const none = of.of(pod, 'DoNotSchedule');
    expect(none._tag === 'Right' && none.right).toEqual([]);
    expect(asked()).toBe(1);
  });

  it('computes again for another pod, and for a pod asked about before that one', () => {
    const { of, asked } = countingConstraints();
    const a = web('a');
    const b = web('b');
    of.of(a, 'ScheduleAnyway');
    of.of(b, 'ScheduleAnyway');
    expect(asked()).toBe(2);
    const again = of.of(a, 'ScheduleAnyway');
    expect(asked()).toBe(3);
    expect(again._tag === 'Right' && again.right).toHaveLength(2);
  });
});
