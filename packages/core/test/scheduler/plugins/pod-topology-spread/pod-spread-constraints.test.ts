import { describe, expect, it } from '@jest/globals';
import type { TopologySpreadConstraint } from '../../../../src/api/kinds/index.js';
import { SKIP, type NodeInfo } from '../../../../src/scheduler/framework/index.js';
import { podTopologySpread } from '../../../../src/scheduler/plugins/pod-topology-spread/index.js';
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
