import { describe, expect, it } from '@jest/globals';
import type { Pod, TopologySpreadConstraint } from '../../../../src/api/kinds/index.js';
import {
  CycleState,
  SKIP,
  type NodeInfo,
  type PluginStatus,
} from '../../../../src/scheduler/framework/index.js';
import {
  podTopologySpread,
  REASON_CONSTRAINTS_NOT_MATCH,
  REASON_NODE_LABEL_NOT_MATCH,
} from '../../../../src/scheduler/plugins/pod-topology-spread/index.js';
import { makePod, makePodInfo, makeSnapshot, runCycle, type NodeSpec } from './plugin-fixture.js';

const ZONE = 'zone';
const HOST = 'kubernetes.io/hostname';
const OK = undefined;
const FAIL: PluginStatus = { code: 'Unschedulable', reasons: [REASON_CONSTRAINTS_NOT_MATCH] };
const MISSING: PluginStatus = {
  code: 'UnschedulableAndUnresolvable',
  reasons: [REASON_NODE_LABEL_NOT_MATCH],
};

function hard(
  topologyKey: string,
  maxSkew: number,
  extra: Partial<TopologySpreadConstraint> = {},
): TopologySpreadConstraint {
  return {
    maxSkew,
    topologyKey,
    whenUnsatisfiable: 'DoNotSchedule',
    labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] },
    ...extra,
  };
}

function incoming(
  constraints: readonly TopologySpreadConstraint[],
  options: { labels?: Record<string, string>; spec?: NonNullable<Pod['spec']> } = {},
): Pod {
  return makePod({
    name: 'p',
    labels: options.labels ?? { foo: '' },
    spec: { ...options.spec, topologySpreadConstraints: [...constraints] },
  });
}

/** `n` pods labelled `foo` (or `labels`), in `namespace`. */
function pods(
  prefix: string,
  n: number,
  options: { namespace?: string; labels?: Record<string, string>; terminating?: boolean } = {},
): Pod[] {
  return Array.from({ length: n }, (_, i) =>
    makePod({
      name: `${prefix}-${i}`,
      labels: options.labels ?? { foo: '' },
      ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
      ...(options.terminating === undefined ? {} : { terminating: options.terminating }),
    }),
  );
}

/** node-a, node-b in zone1; node-x, node-y in zone2; with `counts` matching pods each. */
function fourNodes(counts: readonly [number, number, number, number]): NodeSpec[] {
  return [
    { name: 'node-a', labels: { [ZONE]: 'zone1' }, pods: pods('a', counts[0]) },
    { name: 'node-b', labels: { [ZONE]: 'zone1' }, pods: pods('b', counts[1]) },
    { name: 'node-x', labels: { [ZONE]: 'zone2' }, pods: pods('x', counts[2]) },
    { name: 'node-y', labels: { [ZONE]: 'zone2' }, pods: pods('y', counts[3]) },
  ];
}

function filterResults(
  pod: Pod,
  nodes: readonly NodeSpec[],
  plugin = podTopologySpread(),
): Record<string, PluginStatus | undefined> {
  return Object.fromEntries(runCycle(plugin, pod, makeSnapshot(nodes)).filter);
}

describe('PodTopologySpread Filter', () => {
  it.each<{
    name: string;
    pod: Pod;
    nodes: NodeSpec[];
    want: Record<string, PluginStatus | undefined>;
  }>([
    {
      name: 'lets every node take the first pod',
      pod: incoming([hard(ZONE, 1)]),
      nodes: fourNodes([0, 0, 0, 0]),
      want: { 'node-a': OK, 'node-b': OK, 'node-x': OK, 'node-y': OK },
    },
    {
      name: 'lets every node take a pod that does not match its own selector',
      pod: incoming([hard(ZONE, 1)], { labels: { bar: '' } }),
      nodes: fourNodes([0, 0, 0, 0]),
      want: { 'node-a': OK, 'node-b': OK, 'node-x': OK, 'node-y': OK },
    },
    {
      name: 'fits every node when zones hold 3 and 3 matching pods',
      pod: incoming([hard(ZONE, 1)]),
      nodes: fourNodes([2, 1, 1, 2]),
      want: { 'node-a': OK, 'node-b': OK, 'node-x': OK, 'node-y': OK },
    },
    {
      name: 'keeps the pod out of the fuller zone when zones hold 1 and 2',
      pod: incoming([hard(ZONE, 1)]),
      nodes: fourNodes([1, 0, 1, 1]),
      want: { 'node-a': OK, 'node-b': OK, 'node-x': FAIL, 'node-y': FAIL },
    },
    {
      name: 'leaves a node without the zone label out of the counts and rejects it as unresolvable',
      pod: incoming([hard(ZONE, 1)]),
      nodes: [
        { name: 'node-a', labels: { [ZONE]: 'zone1' }, pods: pods('a', 1) },
        { name: 'node-b', pods: pods('b', 1) },
        { name: 'node-x', labels: { [ZONE]: 'zone2' }, pods: pods('x', 1) },
        { name: 'node-y', labels: { [ZONE]: 'zone2' }, pods: pods('y', 1) },
      ],
      want: { 'node-a': OK, 'node-b': MISSING, 'node-x': FAIL, 'node-y': FAIL },
    },
    {
      name: 'rejects every node when none has the topology label',
      pod: incoming([hard('rack', 1)]),
      nodes: fourNodes([0, 0, 0, 0]),
      want: { 'node-a': MISSING, 'node-b': MISSING, 'node-x': MISSING, 'node-y': MISSING },
    },
    {
      name: 'spreads over hosts: with 2/1/0/3 pods only the empty node fits',
      pod: incoming([hard(HOST, 1)]),
      nodes: fourNodes([2, 1, 0, 3]),
      want: { 'node-a': FAIL, 'node-b': FAIL, 'node-x': OK, 'node-y': FAIL },
    },
    {
      name: 'spreads over hosts with maxSkew 2: the nodes with 1 and 0 pods fit',
      pod: incoming([hard(HOST, 2)]),
      nodes: fourNodes([2, 1, 0, 3]),
      want: { 'node-a': FAIL, 'node-b': OK, 'node-x': OK, 'node-y': FAIL },
    },
    {
      name: 'does not add the pod itself when it does not match the selector',
      pod: incoming([hard(HOST, 1)], { labels: { bar: '' } }),
      nodes: fourNodes([2, 1, 0, 3]),
      want: { 'node-a': FAIL, 'node-b': OK, 'node-x': OK, 'node-y': FAIL },
    },
    {
      name: 'does not count pods of another namespace',
      pod: incoming([hard(HOST, 1)]),
      nodes: [
        { name: 'node-a', pods: pods('a', 3, { namespace: 'other' }) },
        { name: 'node-b', pods: [] },
      ],
      want: { 'node-a': OK, 'node-b': OK },
    },
    {
      name: 'does not count terminating pods',
      pod: incoming([hard(HOST, 1)]),
      nodes: [
        { name: 'node-a', pods: pods('a', 3, { terminating: true }) },
        { name: 'node-b', pods: [] },
      ],
      want: { 'node-a': OK, 'node-b': OK },
    },
    {
      name: 'honours the pod node affinity: only the nodes it may go to make domains',
      pod: incoming([hard(HOST, 1)], {
        spec: {
          containers: [],
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  {
                    matchExpressions: [{ key: HOST, operator: 'In', values: ['node-a', 'node-y'] }],
                  },
                ],
              },
            },
          },
        },
      }),
      nodes: fourNodes([2, 1, 0, 3]),
      // min is node-a's 2, not node-x's 0 (node-b and node-x are NodeAffinity's to reject).
      want: { 'node-a': OK, 'node-b': OK, 'node-x': OK, 'node-y': FAIL },
    },
    {
      name: 'honours the pod nodeSelector the same way',
      pod: incoming([hard(ZONE, 1)], {
        spec: { containers: [], nodeSelector: { [ZONE]: 'zone2' } },
      }),
      nodes: fourNodes([0, 0, 2, 2]),
      // zone1 is not a domain: zone2 alone is the minimum.
      want: { 'node-a': OK, 'node-b': OK, 'node-x': OK, 'node-y': OK },
    },
    {
      name: 'ignores the pod node affinity with nodeAffinityPolicy Ignore',
      pod: incoming([hard(ZONE, 1, { nodeAffinityPolicy: 'Ignore' })], {
        spec: { containers: [], nodeSelector: { [ZONE]: 'zone2' } },
      }),
      nodes: fourNodes([0, 0, 2, 2]),
      want: { 'node-a': OK, 'node-b': OK, 'node-x': FAIL, 'node-y': FAIL },
    },
    {
      name: 'treats the global minimum as 0 while there are fewer domains than minDomains',
      pod: incoming([hard(ZONE, 1, { minDomains: 3 })]),
      nodes: fourNodes([1, 0, 1, 0]),
      want: { 'node-a': FAIL, 'node-b': FAIL, 'node-x': FAIL, 'node-y': FAIL },
    },
    {
      name: 'uses the real minimum once there are minDomains domains',
      pod: incoming([hard(ZONE, 1, { minDomains: 2 })]),
      nodes: fourNodes([1, 0, 1, 0]),
      want: { 'node-a': OK, 'node-b': OK, 'node-x': OK, 'node-y': OK },
    },
    {
      name: 'requires every constraint to hold',
      pod: incoming([hard(ZONE, 1), hard(HOST, 1)]),
      nodes: fourNodes([0, 1, 1, 2]),
      // zones 1 and 3: only zone1 fits; hosts 0/1/1/2: only node-a fits.
      want: { 'node-a': OK, 'node-b': FAIL, 'node-x': FAIL, 'node-y': FAIL },
    },
  ])('$name', ({ pod, nodes, want }) => {
    expect(filterResults(pod, nodes)).toStrictEqual(want);
  });

  it('leaves out nodes with untolerated NoSchedule taints under nodeTaintsPolicy Honor', () => {
    const nodes: NodeSpec[] = [
      { name: 'node-a', pods: pods('a', 1) },
      { name: 'node-b', pods: pods('b', 1) },
      { name: 'node-x', taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }] },
    ];
    expect(filterResults(incoming([hard(HOST, 1)]), nodes)).toStrictEqual({
      'node-a': FAIL,
      'node-b': FAIL,
      'node-x': OK,
    });
    expect(
      filterResults(incoming([hard(HOST, 1, { nodeTaintsPolicy: 'Honor' })]), nodes),
    ).toStrictEqual({ 'node-a': OK, 'node-b': OK, 'node-x': OK });
  });

  it('counts a tainted node under nodeTaintsPolicy Honor when the pod tolerates the taint', () => {
    const nodes: NodeSpec[] = [
      { name: 'node-a', pods: pods('a', 1) },
      { name: 'node-x', taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }] },
    ];
    const pod = incoming([hard(HOST, 1, { nodeTaintsPolicy: 'Honor' })], {
      spec: { containers: [], tolerations: [{ key: 'dedicated', operator: 'Exists' }] },
    });
    expect(filterResults(pod, nodes)).toStrictEqual({ 'node-a': FAIL, 'node-x': OK });
  });

  it('counts only pods with the same values of matchLabelKeys', () => {
    const nodes: NodeSpec[] = [
      { name: 'node-a', pods: pods('a', 2, { labels: { foo: '', rev: '1' } }) },
      { name: 'node-b', pods: pods('b', 1, { labels: { foo: '', rev: '2' } }) },
      { name: 'node-c', pods: [] },
    ];
    const pod = incoming([hard(HOST, 1, { matchLabelKeys: ['rev'] })], {
      labels: { foo: '', rev: '2' },
    });
    expect(filterResults(pod, nodes)).toStrictEqual({
      'node-a': OK,
      'node-b': FAIL,
      'node-c': OK,
    });
  });

  it('skips Filter for a pod without DoNotSchedule constraints', () => {
    const pod = incoming([{ ...hard(ZONE, 1), whenUnsatisfiable: 'ScheduleAnyway' }]);
    expect(
      runCycle(podTopologySpread(), pod, makeSnapshot(fourNodes([3, 0, 0, 0]))).preFilter,
    ).toBe(SKIP);
    expect(
      runCycle(podTopologySpread(), makePod({ name: 'plain' }), makeSnapshot([])).preFilter,
    ).toBe(SKIP);
  });

  it('answers an Error naming the field for an invalid label selector, without throwing', () => {
    const pod = incoming([
      hard(ZONE, 1, { labelSelector: { matchExpressions: [{ key: 'foo', operator: 'In' }] } }),
    ]);
    const outcome = runCycle(podTopologySpread(), pod, makeSnapshot(fourNodes([0, 0, 0, 0])));
    expect(outcome.preFilter).toStrictEqual({
      code: 'Error',
      reasons: [
        "invalid topology spread constraint: spec.topologySpreadConstraints[0].labelSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      ],
    });
    expect(outcome.filter.size).toBe(0);
  });

  it('answers an Error when Filter runs without PreFilter', () => {
    const snapshot = makeSnapshot(fourNodes([0, 0, 0, 0]));
    const pod = incoming([hard(ZONE, 1)]);
    const cycle = { pod, podInfo: makePodInfo(pod), state: new CycleState(), snapshot };
    const node = snapshot.nodes[0] as NodeInfo;
    expect(podTopologySpread().filter?.(cycle, node)?.code).toBe('Error');
  });
});
