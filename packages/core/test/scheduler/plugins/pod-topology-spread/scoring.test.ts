import { describe, expect, it } from '@jest/globals';
import type { Pod, TopologySpreadConstraint } from '../../../../src/api/kinds/index.js';
import { SKIP } from '../../../../src/scheduler/framework/index.js';
import {
  podTopologySpread,
  SYSTEM_DEFAULT_SPREAD_CONSTRAINTS,
} from '../../../../src/scheduler/plugins/pod-topology-spread/index.js';
import { makePod, makeSnapshot, rawScores, runCycle, type NodeSpec } from './plugin-fixture.js';

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';

function soft(topologyKey: string, maxSkew = 1): TopologySpreadConstraint {
  return {
    maxSkew,
    topologyKey,
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: { app: 'web' } },
  };
}

function incoming(constraints: readonly TopologySpreadConstraint[]): Pod {
  return makePod({
    name: 'p',
    labels: { app: 'web' },
    spec: { containers: [], topologySpreadConstraints: [...constraints] },
  });
}

function web(prefix: string, n: number, controlled = false): Pod[] {
  return Array.from({ length: n }, (_, i) =>
    makePod({ name: `${prefix}-${i}`, labels: { app: 'web' }, controlled }),
  );
}

function nodes(
  counts: readonly [number, number, number, number],
  zones: readonly (string | undefined)[] = ['zone1', 'zone1', 'zone2', 'zone2'],
): NodeSpec[] {
  return ['node-a', 'node-b', 'node-x', 'node-y'].map((name, i) => {
    const zone = zones[i];
    return {
      name,
      ...(zone === undefined ? {} : { labels: { [ZONE]: zone } }),
      pods: web(name, counts[i] ?? 0),
    };
  });
}

function scores(pod: Pod, specs: readonly NodeSpec[], plugin = podTopologySpread()) {
  return Object.fromEntries(runCycle(plugin, pod, makeSnapshot(specs)).scores);
}

describe('PodTopologySpread scoring', () => {
  it('gives every node the top score when no pod matches yet', () => {
    expect(scores(incoming([soft(HOST)]), nodes([0, 0, 0, 0]))).toStrictEqual({
      'node-a': 100,
      'node-b': 100,
      'node-x': 100,
      'node-y': 100,
    });
  });

  it('scores hosts with 2/1/0/3 matching pods as upstream: 20, 60, 100, 0', () => {
    // weight ln(4 + 2); raw round(count × weight) = 4, 2, 0, 5; 100 × (5 + 0 − raw) / 5.
    expect(
      rawScores(podTopologySpread(), incoming([soft(HOST)]), makeSnapshot(nodes([2, 1, 0, 3]))),
    ).toStrictEqual(
      new Map([
        ['node-a', 4],
        ['node-b', 2],
        ['node-x', 0],
        ['node-y', 5],
      ]),
    );
    expect(scores(incoming([soft(HOST)]), nodes([2, 1, 0, 3]))).toStrictEqual({
      'node-a': 20,
      'node-b': 60,
      'node-x': 100,
      'node-y': 0,
    });
  });

  it('prefers the zone with fewer matching pods', () => {
    // zone1 holds 1, zone2 holds 4; weight ln(2 + 2): raw 1 and 6.
    expect(scores(incoming([soft(ZONE)]), nodes([1, 0, 2, 2]))).toStrictEqual({
      'node-a': 100,
      'node-b': 100,
      'node-x': 16,
      'node-y': 16,
    });
  });

  it('adds maxSkew − 1 to every raw score, watering differences down', () => {
    const raw = rawScores(
      podTopologySpread(),
      incoming([soft(HOST, 3)]),
      makeSnapshot(nodes([2, 1, 0, 3])),
    );
    expect([...raw.values()]).toStrictEqual([6, 4, 2, 7]);
  });

  it('scores 0 a feasible node without the topology label, and leaves it out of min and max', () => {
    expect(
      scores(incoming([soft(ZONE)]), nodes([1, 5, 2, 0], ['zone1', undefined, 'zone2', 'zone2'])),
    ).toStrictEqual({ 'node-a': 100, 'node-b': 0, 'node-x': 33, 'node-y': 33 });
  });

  it('does not ignore a node without a zone under the system default constraints', () => {
    const specs = nodes([0, 0, 1, 1], ['zone1', undefined, 'zone2', 'zone2']).map((spec) => ({
      ...spec,
      pods: web(spec.name, spec.pods?.length ?? 0, true),
    }));
    const pod = makePod({ name: 'p', labels: { app: 'web' }, controlled: true });
    const lenient = scores(
      pod,
      specs,
      podTopologySpread({ defaultConstraints: SYSTEM_DEFAULT_SPREAD_CONSTRAINTS }),
    );
    const strict = scores(
      pod,
      specs,
      podTopologySpread({ defaultConstraints: [...SYSTEM_DEFAULT_SPREAD_CONSTRAINTS] }),
    );
    // As upstream: the node without a zone only gets its host term, so it ranks first.
    expect(lenient['node-b']).toBe(100);
    expect(strict['node-b']).toBe(0);
  });

  it('skips scoring for a pod without ScheduleAnyway constraints', () => {
    const hardOnly = incoming([{ ...soft(ZONE), whenUnsatisfiable: 'DoNotSchedule' }]);
    const outcome = runCycle(podTopologySpread(), hardOnly, makeSnapshot(nodes([0, 0, 0, 0])));
    expect(outcome.preScore).toBe(SKIP);
    expect(outcome.scores.size).toBe(0);
  });

  it('answers an Error for an invalid selector in a ScheduleAnyway constraint', () => {
    const pod = incoming([{ ...soft(ZONE), labelSelector: { matchLabels: { 'bad key!': 'x' } } }]);
    const outcome = runCycle(podTopologySpread(), pod, makeSnapshot(nodes([0, 0, 0, 0])));
    expect(outcome.preScore?.code).toBe('Error');
    expect(outcome.preScore?.reasons[0]).toContain(
      'spec.topologySpreadConstraints[0].labelSelector.matchLabels',
    );
  });
});
