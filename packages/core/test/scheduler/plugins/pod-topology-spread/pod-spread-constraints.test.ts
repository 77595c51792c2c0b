import { describe, expect, it } from '@jest/globals';
import type { Pod, TopologySpreadConstraint } from '../../../../src/api/kinds/index.js';
import { SKIP, type NodeInfo } from '../../../../src/scheduler/framework/index.js';
import { podTopologySpread } from '../../../../src/scheduler/plugins/pod-topology-spread/index.js';
import {
  PodSpreadConstraints,
  SYSTEM_DEFAULT_SPREAD_CONSTRAINTS,
} from '../../../../src/scheduler/plugins/pod-topology-spread/pod-spread-constraints.js';
import { makeNodeInfo, makePod, makeSnapshot, runCycle } from './plugin-fixture.js';

const HOST = 'kubernetes.io/hostname';
const DEFAULTS: readonly TopologySpreadConstraint[] = [
  { topologyKey: HOST, maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' },
];

/** node-a holds two pods of the workload, node-b none. */
function world(controlled: boolean) {
  return makeSnapshot([
    {
      name: 'node-a',
      pods: [
        makePod({ name: 'w-1', labels: { app: 'web' }, controlled }),
        makePod({ name: 'w-2', labels: { app: 'web' }, controlled }),
      ],
    },
    { name: 'node-b' },
  ]);
}

describe('PodTopologySpread default constraints', () => {
  it('spread a controller-owned pod without constraints of its own by its labels', () => {
    const pod = makePod({ name: 'p', labels: { app: 'web' }, controlled: true });
    const outcome = runCycle(podTopologySpread({ defaultConstraints: DEFAULTS }), pod, world(true));
    expect(outcome.feasible).toStrictEqual(['node-b']);
  });

  it('do not apply to a pod without a controller owner', () => {
    const pod = makePod({ name: 'p', labels: { app: 'web' } });
    const outcome = runCycle(
      podTopologySpread({ defaultConstraints: DEFAULTS }),
      pod,
      world(false),
    );
    expect(outcome.preFilter).toBe(SKIP);
  });

  it('give way to the pod own constraints', () => {
    const pod = makePod({
      name: 'p',
      labels: { app: 'web' },
      controlled: true,
      spec: {
        topologySpreadConstraints: [
          { topologyKey: HOST, maxSkew: 5, whenUnsatisfiable: 'DoNotSchedule', labelSelector: {} },
        ],
      },
    });
    const outcome = runCycle(podTopologySpread({ defaultConstraints: DEFAULTS }), pod, world(true));
    expect(outcome.feasible).toStrictEqual(['node-a', 'node-b']);
  });

  it('take their selector from defaultSelector when given, and none from an empty one', () => {
    const pod = makePod({ name: 'p', labels: { app: 'web' } });
    const bySelector = podTopologySpread({
      defaultConstraints: DEFAULTS,
      defaultSelector: () => ({ matchLabels: { app: 'web' } }),
    });
    expect(runCycle(bySelector, pod, world(false)).feasible).toStrictEqual(['node-b']);
    const empty = podTopologySpread({ defaultConstraints: DEFAULTS, defaultSelector: () => ({}) });
    expect(runCycle(empty, pod, world(false)).preFilter).toBe(SKIP);
  });
});

describe('PodTopologySpread counting', () => {
  it('recounts a node whose generation changed, and trusts its cache otherwise', () => {
    const plugin = podTopologySpread();
    const pod = makePod({
      name: 'p',
      labels: { app: 'web' },
      spec: {
        topologySpreadConstraints: [
          {
            topologyKey: HOST,
            maxSkew: 1,
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: { matchLabels: { app: 'web' } },
          },
        ],
      },
    });
    const busy = makeNodeInfo({
      name: 'node-a',
      pods: [makePod({ name: 'w', labels: { app: 'web' } })],
    });
    // A node the cache updates in place, as the scheduler's cache may.
    const changing: { -readonly [K in keyof NodeInfo]: NodeInfo[K] } = {
      ...makeNodeInfo({ name: 'node-b' }),
    };
    const snapshot = makeSnapshot([busy, changing]);
    expect(runCycle(plugin, pod, snapshot).feasible).toStrictEqual(['node-b']);

    const grown = makeNodeInfo({
      name: 'node-b',
      pods: [
        makePod({ name: 'w2', labels: { app: 'web' } }),
        makePod({ name: 'w3', labels: { app: 'web' } }),
      ],
    });
    changing.pods = grown.pods;
    changing.generation = 2;
    expect(runCycle(plugin, pod, snapshot).feasible).toStrictEqual(['node-a']);
  });
});

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
