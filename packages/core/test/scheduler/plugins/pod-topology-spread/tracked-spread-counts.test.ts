import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Pod, Taint } from '../../../../src/api/kinds/index.js';
import { SchedulerCache } from '../../../../src/scheduler/cache/scheduler-cache.js';
import type { ClusterSnapshot, NodeInfo } from '../../../../src/scheduler/framework/index.js';
import { podInfoOf } from '../../../../src/scheduler/framework/pod-info.js';
import { MatchingPodCounts } from '../../../../src/scheduler/plugins/pod-topology-spread/matching-pod-counts.js';
import { PodSpreadConstraints } from '../../../../src/scheduler/plugins/pod-topology-spread/pod-spread-constraints.js';
import type { ParsedSpreadConstraint } from '../../../../src/scheduler/plugins/pod-topology-spread/spread-constraint.js';
import { SpreadCountsSource } from '../../../../src/scheduler/plugins/pod-topology-spread/tracked-spread-counts.js';
import { makeNodeInfo, makePod } from './plugin-fixture.js';

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';
const TAINT: Taint = { key: 'dedicated', value: 'x', effect: 'NoSchedule' };

/** Incoming pods whose constraint sets the counts are checked for. */
const INCOMING: readonly Pod[] = [
  makePod({
    name: 'by-zone',
    labels: { app: 'a' },
    spec: {
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: ZONE,
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: { app: 'a' } },
        },
      ],
    },
  }),
  makePod({
    name: 'by-zone-and-host',
    labels: { app: 'b' },
    spec: {
      nodeSelector: { disk: 'ssd' },
      topologySpreadConstraints: [
        {
          maxSkew: 2,
          topologyKey: ZONE,
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] },
          nodeTaintsPolicy: 'Honor',
          minDomains: 3,
        },
        {
          maxSkew: 1,
          topologyKey: HOST,
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: { app: 'b' } },
        },
      ],
    },
  }),
];

/** One step of the property: a change to the cache, or a check of one pod's counts. */
type Step =
  | {
      readonly op: 'node';
      readonly node: number;
      readonly zone: number;
      readonly ssd: boolean;
      readonly tainted: boolean;
    }
  | { readonly op: 'removeNode'; readonly node: number }
  | {
      readonly op: 'pod';
      readonly pod: number;
      readonly node: number;
      readonly app: number;
      readonly other: boolean;
      readonly terminating: boolean;
    }
  | { readonly op: 'assume'; readonly pod: number; readonly node: number; readonly app: number }
  | { readonly op: 'forget'; readonly pod: number }
  | { readonly op: 'removePod'; readonly pod: number }
  | { readonly op: 'check'; readonly incoming: number };

const nodeIndex = fc.integer({ min: 0, max: 5 });
const podIndex = fc.integer({ min: 0, max: 11 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('node' as const),
    node: nodeIndex,
    zone: fc.integer({ min: -1, max: 3 }),
    ssd: fc.boolean(),
    tainted: fc.boolean(),
  }),
  fc.record({ op: fc.constant('removeNode' as const), node: nodeIndex }),
  fc.record({
    op: fc.constant('pod' as const),
    pod: podIndex,
    node: fc.integer({ min: 0, max: 6 }),
    app: fc.integer({ min: 0, max: 2 }),
    other: fc.boolean(),
    terminating: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('assume' as const),
    pod: podIndex,
    node: nodeIndex,
    app: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({ op: fc.constant('forget' as const), pod: podIndex }),
  fc.record({ op: fc.constant('removePod' as const), pod: podIndex }),
  // Checks as often as changes, so that the two constraint sets fall behind each other.
  ...Array.from({ length: 6 }, () =>
    fc.record({ op: fc.constant('check' as const), incoming: fc.integer({ min: 0, max: 1 }) }),
  ),
);

const APPS = ['a', 'b', 'c'];

function nodeObject(
  name: string,
  labels: Record<string, string>,
  tainted: boolean,
): NodeInfo['node'] {
  return makeNodeInfo({ name, labels, ...(tainted ? { taints: [TAINT] } : {}) }).node;
}

function boundPod(args: {
  name: string;
  node: string;
  app: string;
  namespace: string;
  terminating: boolean;
}): Pod {
  return makePod({
    name: args.name,
    namespace: args.namespace,
    labels: { app: args.app },
    spec: { nodeName: args.node },
    terminating: args.terminating,
  });
}

function apply(cache: SchedulerCache, change: Step): void {
  switch (change.op) {
    case 'node': {
      const labels: Record<string, string> = change.ssd ? { disk: 'ssd' } : {};
      if (change.zone >= 0) {
        labels[ZONE] = `zone-${change.zone}`;
      }
      cache.addOrUpdateNode(nodeObject(`node-${change.node}`, labels, change.tainted));
      return;
    }
    case 'removeNode':
      cache.removeNode(`node-${change.node}`);
      return;
    case 'pod':
      cache.addOrUpdatePod(
        boundPod({
          name: `pod-${change.pod}`,
          node: `node-${change.node}`,
          app: APPS[change.app] ?? 'a',
          namespace: change.other ? 'other' : 'default',
          terminating: change.terminating,
        }),
      );
      return;
    case 'assume': {
      const pod = makePod({ name: `pod-${change.pod}`, labels: { app: APPS[change.app] ?? 'a' } });
      if (!cache.hasPod(`default/pod-${change.pod}`)) {
        cache.assume(podInfoOf(pod), `node-${change.node}`);
      }
      return;
    }
    case 'forget':
      cache.forget(`default/pod-${change.pod}`);
      return;
    case 'removePod':
      cache.removePod(`default/pod-${change.pod}`);
      return;
    case 'check':
      return;
  }
}

interface Recount {
  /** Per constraint: matching pods per topology value of the nodes that count. */
  readonly byValue: readonly Map<string, number>[];
  readonly minMatch: readonly number[];
}

/** The simple recount, straight from the definition. */
function recount(
  snapshot: ClusterSnapshot,
  pod: Pod,
  constraints: readonly ParsedSpreadConstraint[],
): Recount {
  const byValue = constraints.map(() => new Map<string, number>());
  for (const node of snapshot.nodes) {
    if (
      !constraints.every((constraint) => typeof node.labels[constraint.topologyKey] === 'string')
    ) {
      continue;
    }
    const affinityOk = Object.entries(pod.spec?.nodeSelector ?? {}).every(
      ([key, value]) => node.labels[key] === value,
    );
    const tolerated = (node.node.spec?.taints ?? []).every(
      (taint) => taint.effect === 'PreferNoSchedule',
    );
    constraints.forEach((constraint, i) => {
      if (
        (constraint.honorNodeAffinity && !affinityOk) ||
        (constraint.honorNodeTaints && !tolerated)
      ) {
        return;
      }
      const matching = node.pods.filter(
        ({ pod: other }) =>
          other.metadata?.deletionTimestamp === undefined &&
          other.metadata?.namespace === constraint.namespace &&
          constraint.selector.matches(other.metadata?.labels),
      ).length;
      const domains = byValue[i] as Map<string, number>;
      const value = node.labels[constraint.topologyKey] as string;
      domains.set(value, (domains.get(value) ?? 0) + matching);
    });
  }
  const minMatch = constraints.map((constraint, i) => {
    const counts = [...(byValue[i] as Map<string, number>).values()];
    return counts.length < constraint.minDomains ? 0 : Math.min(...counts);
  });
  return { byValue, minMatch };
}

function expectCountsMatchRecount(
  source: SpreadCountsSource,
  index: MatchingPodCounts,
  cache: SchedulerCache,
  pod: Pod,
): void {
  const parsed = new PodSpreadConstraints([], () => undefined).of(pod, 'DoNotSchedule');
  if (parsed._tag === 'Left') {
    throw new Error(parsed.left);
  }
  const constraints = parsed.right;
  const counts = source.countsFor(cache, pod, constraints);
  const expected = recount(cache, pod, constraints);
  expect(Array.from(counts.minMatch())).toEqual(expected.minMatch);
  constraints.forEach((constraint, i) => {
    const byValue = expected.byValue[i] as Map<string, number>;
    expect(counts.domainsSeen[i]).toBe(byValue.size);
    const keyId = index.keyId(constraint.topologyKey);
    const seen = new Map<string, number>();
    for (const node of cache.nodes) {
      const value = node.labels[constraint.topologyKey];
      const domain = index.domain(index.entry(node), node, keyId);
      if (value !== undefined && (counts.nodeCounts[i]?.[domain] ?? 0) > 0) {
        seen.set(value, counts.podCounts[i]?.[domain] ?? 0);
      }
    }
    expect(seen).toEqual(byValue);
  });
}

describe('the spread counts tracked across cycles', () => {
  it('equal a full recount after any changes to nodes and pods', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const cache = new SchedulerCache();
        const index = new MatchingPodCounts();
        const source = new SpreadCountsSource(index);
        for (const change of steps) {
          apply(cache, change);
          if (change.op === 'check') {
            expectCountsMatchRecount(source, index, cache, INCOMING[change.incoming] as Pod);
          }
        }
        for (const pod of INCOMING) {
          expectCountsMatchRecount(source, index, cache, pod);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('equal a full recount after more changes than the change log keeps', () => {
    const cache = new SchedulerCache();
    const index = new MatchingPodCounts();
    const source = new SpreadCountsSource(index);
    for (let i = 0; i < 4; i++) {
      cache.addOrUpdateNode(nodeObject(`node-${i}`, { [ZONE]: `zone-${i % 2}` }, false));
    }
    const [byZone, byZoneAndHost] = INCOMING as [Pod, Pod];
    expectCountsMatchRecount(source, index, cache, byZone);
    expectCountsMatchRecount(source, index, cache, byZoneAndHost);
    for (let i = 0; i < 3000; i++) {
      const pod = boundPod({
        name: `p-${i}`,
        node: `node-${i % 4}`,
        app: 'a',
        namespace: 'default',
        terminating: false,
      });
      cache.addOrUpdatePod(pod);
      if (i % 3 === 0) {
        cache.removePod(`default/p-${i}`);
      }
    }
    expectCountsMatchRecount(source, index, cache, byZone);
    expectCountsMatchRecount(source, index, cache, byZoneAndHost);
  });

  it('recount from every node for a snapshot that does not report its changes', () => {
    const cache = new SchedulerCache();
    cache.addOrUpdateNode(nodeObject('node-0', { [ZONE]: 'zone-0' }, false));
    cache.addOrUpdatePod(
      boundPod({ name: 'p', node: 'node-0', app: 'a', namespace: 'default', terminating: false }),
    );
    const snapshot: ClusterSnapshot = {
      nodes: cache.nodes,
      get: (name) => cache.get(name),
      nodesWithPodsWithAffinity: [],
      nodesWithPodsWithRequiredAntiAffinity: [],
    };
    const index = new MatchingPodCounts();
    const source = new SpreadCountsSource(index);
    const pod = INCOMING[0] as Pod;
    const parsed = new PodSpreadConstraints([], () => undefined).of(pod, 'DoNotSchedule');
    const constraints = parsed._tag === 'Right' ? parsed.right : [];
    const zone = index.domain(
      index.entry(cache.nodes[0] as NodeInfo),
      cache.nodes[0] as NodeInfo,
      index.keyId(ZONE),
    );
    expect(source.countsFor(snapshot, pod, constraints).podCounts[0]?.[zone]).toBe(1);
    cache.addOrUpdatePod(
      boundPod({ name: 'q', node: 'node-0', app: 'a', namespace: 'default', terminating: false }),
    );
    expect(source.countsFor(snapshot, pod, constraints).podCounts[0]?.[zone]).toBe(2);
  });
});

describe('the scheduler cache change reports', () => {
  it('name each node entry that changed, until the listener is removed', () => {
    const cache = new SchedulerCache();
    const reported: string[] = [];
    const stop = cache.onNodeInfoChange((node) => reported.push(node.name));
    cache.addOrUpdateNode(nodeObject('a', {}, false));
    cache.addOrUpdatePod(
      boundPod({ name: 'p', node: 'a', app: 'a', namespace: 'default', terminating: false }),
    );
    cache.assume(podInfoOf(makePod({ name: 'q' })), 'b');
    cache.forget('default/q');
    cache.removeNode('a');
    stop();
    cache.addOrUpdateNode(nodeObject('c', {}, false));
    expect(reported).toEqual(['a', 'a', 'b', 'b', 'a']);
  });
});
