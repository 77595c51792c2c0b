import { describe, expect, it } from '@jest/globals';
import type { Pod, PodAffinityTerm } from '../../../../src/api/kinds/index.js';
import { SKIP, type PluginStatus } from '../../../../src/scheduler/framework/index.js';
import {
  interPodAffinity,
  REASON_AFFINITY_RULES_NOT_MATCH,
  REASON_ANTI_AFFINITY_RULES_NOT_MATCH,
  REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH,
  type InterPodAffinityOptions,
} from '../../../../src/scheduler/plugins/inter-pod-affinity/index.js';
import {
  makePod,
  makeSnapshot,
  runCycle,
  type NodeSpec,
} from '../pod-topology-spread/plugin-fixture.js';

const ZONE = 'zone';
const HOST = 'kubernetes.io/hostname';
const OK = undefined;
const AFFINITY: PluginStatus = {
  code: 'UnschedulableAndUnresolvable',
  reasons: [REASON_AFFINITY_RULES_NOT_MATCH],
};
const ANTI: PluginStatus = {
  code: 'Unschedulable',
  reasons: [REASON_ANTI_AFFINITY_RULES_NOT_MATCH],
};
const EXISTING: PluginStatus = {
  code: 'Unschedulable',
  reasons: [REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH],
};

function term(
  labels: Record<string, string>,
  topologyKey: string,
  extra: Partial<PodAffinityTerm> = {},
): PodAffinityTerm {
  return { labelSelector: { matchLabels: labels }, topologyKey, ...extra };
}

function withTerms(
  name: string,
  labels: Record<string, string>,
  terms: { affinity?: PodAffinityTerm[]; anti?: PodAffinityTerm[] },
  namespace = 'default',
): Pod {
  return makePod({
    name,
    namespace,
    labels,
    spec: {
      affinity: {
        ...(terms.affinity === undefined
          ? {}
          : { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms.affinity } }),
        ...(terms.anti === undefined
          ? {}
          : { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms.anti } }),
      },
    },
  });
}

/** node-a, node-b in zone z1, node-x in z2, node-n without a zone; `pods` placed by node name. */
function world(
  placed: Partial<Record<'node-a' | 'node-b' | 'node-x' | 'node-n', Pod[]>>,
): NodeSpec[] {
  return [
    { name: 'node-a', labels: { [ZONE]: 'z1' }, pods: placed['node-a'] ?? [] },
    { name: 'node-b', labels: { [ZONE]: 'z1' }, pods: placed['node-b'] ?? [] },
    { name: 'node-x', labels: { [ZONE]: 'z2' }, pods: placed['node-x'] ?? [] },
    { name: 'node-n', pods: placed['node-n'] ?? [] },
  ];
}

function filter(pod: Pod, nodes: NodeSpec[], options: InterPodAffinityOptions = {}) {
  return Object.fromEntries(runCycle(interPodAffinity(options), pod, makeSnapshot(nodes)).filter);
}

const db = (name: string, namespace = 'default') =>
  makePod({ name, namespace, labels: { app: 'db' } });

describe('InterPodAffinity Filter', () => {
  it.each<{
    name: string;
    pod: Pod;
    nodes: NodeSpec[];
    want: Record<string, PluginStatus | undefined>;
  }>([
    {
      name: 'places a pod with affinity in the zone of a matching pod',
      pod: withTerms('p', { app: 'web' }, { affinity: [term({ app: 'db' }, ZONE)] }),
      nodes: world({ 'node-a': [db('db')] }),
      want: { 'node-a': OK, 'node-b': OK, 'node-x': AFFINITY, 'node-n': AFFINITY },
    },
    {
      name: 'lets the first pod of a group with affinity to itself go on any node with the key',
      pod: withTerms('p', { app: 'web' }, { affinity: [term({ app: 'web' }, ZONE)] }),
      nodes: world({ 'node-a': [db('db')] }),
      want: { 'node-a': OK, 'node-b': OK, 'node-x': OK, 'node-n': AFFINITY },
    },
    {
      name: 'rejects every node when no pod matches and the pod does not match its own terms',
      pod: withTerms('p', { app: 'web' }, { affinity: [term({ app: 'cache' }, ZONE)] }),
      nodes: world({ 'node-a': [db('db')] }),
      want: { 'node-a': AFFINITY, 'node-b': AFFINITY, 'node-x': AFFINITY, 'node-n': AFFINITY },
    },
    {
      name: 'does not apply the first-pod rule once a matching pod exists elsewhere',
      pod: withTerms('p', { app: 'web' }, { affinity: [term({ app: 'web' }, ZONE)] }),
      nodes: world({ 'node-x': [makePod({ name: 'w', labels: { app: 'web' } })] }),
      want: { 'node-a': AFFINITY, 'node-b': AFFINITY, 'node-x': OK, 'node-n': AFFINITY },
    },
    {
      name: 'needs one pod matching every affinity term',
      pod: withTerms(
        'p',
        { app: 'web' },
        { affinity: [term({ app: 'db' }, ZONE), term({ tier: 'gold' }, HOST)] },
      ),
      nodes: world({
        'node-a': [db('db')],
        'node-b': [makePod({ name: 'g', labels: { app: 'db', tier: 'gold' } })],
      }),
      want: { 'node-a': AFFINITY, 'node-b': OK, 'node-x': AFFINITY, 'node-n': AFFINITY },
    },
    {
      name: 'keeps a pod with anti-affinity off the host of a matching pod',
      pod: withTerms('p', { app: 'web' }, { anti: [term({ app: 'db' }, HOST)] }),
      nodes: world({ 'node-a': [db('db')] }),
      want: { 'node-a': ANTI, 'node-b': OK, 'node-x': OK, 'node-n': OK },
    },
    {
      name: 'keeps a pod with zone anti-affinity out of the whole zone',
      pod: withTerms('p', { app: 'web' }, { anti: [term({ app: 'db' }, ZONE)] }),
      nodes: world({ 'node-a': [db('db')] }),
      want: { 'node-a': ANTI, 'node-b': ANTI, 'node-x': OK, 'node-n': OK },
    },
    {
      name: 'honours existing pods anti-affinity against the incoming pod (symmetry)',
      pod: makePod({ name: 'p', labels: { app: 'web' } }),
      nodes: world({
        'node-a': [withTerms('lonely', { app: 'db' }, { anti: [term({ app: 'web' }, ZONE)] })],
      }),
      want: { 'node-a': EXISTING, 'node-b': EXISTING, 'node-x': OK, 'node-n': OK },
    },
    {
      name: 'ignores pods of other namespaces by default',
      pod: withTerms('p', { app: 'web' }, { anti: [term({ app: 'db' }, HOST)] }),
      nodes: world({ 'node-a': [db('db', 'other')] }),
      want: { 'node-a': OK, 'node-b': OK, 'node-x': OK, 'node-n': OK },
    },
    {
      name: 'looks in the listed namespaces',
      pod: withTerms(
        'p',
        { app: 'web' },
        { anti: [term({ app: 'db' }, HOST, { namespaces: ['other'] })] },
      ),
      nodes: world({ 'node-a': [db('db', 'other')], 'node-b': [db('db2')] }),
      want: { 'node-a': ANTI, 'node-b': OK, 'node-x': OK, 'node-n': OK },
    },
    {
      name: 'looks in every namespace with an empty namespaceSelector',
      pod: withTerms(
        'p',
        { app: 'web' },
        { anti: [term({ app: 'db' }, HOST, { namespaceSelector: {} })] },
      ),
      nodes: world({ 'node-a': [db('db', 'other')], 'node-b': [db('db2')] }),
      want: { 'node-a': ANTI, 'node-b': ANTI, 'node-x': OK, 'node-n': OK },
    },
    {
      name: 'selects no namespace with a non-empty namespaceSelector and no namespace labels',
      pod: withTerms(
        'p',
        { app: 'web' },
        {
          anti: [term({ app: 'db' }, HOST, { namespaceSelector: { matchLabels: { team: 'a' } } })],
        },
      ),
      nodes: world({ 'node-a': [db('db', 'team-a')] }),
      want: { 'node-a': OK, 'node-b': OK, 'node-x': OK, 'node-n': OK },
    },
    {
      name: 'counts only pods with the same matchLabelKeys values and other mismatchLabelKeys values',
      pod: withTerms(
        'p',
        { app: 'web', rev: '2', tenant: 't1' },
        {
          anti: [
            term({ app: 'db' }, HOST, { matchLabelKeys: ['rev'] }),
            term({ app: 'cache' }, HOST, { mismatchLabelKeys: ['tenant'] }),
          ],
        },
      ),
      nodes: world({
        'node-a': [makePod({ name: 'd1', labels: { app: 'db', rev: '1' } })],
        'node-b': [makePod({ name: 'd2', labels: { app: 'db', rev: '2' } })],
        'node-x': [makePod({ name: 'c1', labels: { app: 'cache', tenant: 't1' } })],
        'node-n': [makePod({ name: 'c2', labels: { app: 'cache', tenant: 't2' } })],
      }),
      want: { 'node-a': OK, 'node-b': ANTI, 'node-x': OK, 'node-n': ANTI },
    },
  ])('$name', ({ pod, nodes, want }) => {
    expect(filter(pod, nodes)).toStrictEqual(want);
  });

  it('selects namespaces by their labels when namespaceLabels is given', () => {
    const pod = withTerms(
      'p',
      { app: 'web' },
      { anti: [term({ app: 'db' }, HOST, { namespaceSelector: { matchLabels: { team: 'a' } } })] },
    );
    const nodes = world({ 'node-a': [db('db', 'team-a')], 'node-b': [db('db', 'team-b')] });
    const namespaceLabels = (namespace: string) => ({ team: namespace.slice(-1) });
    expect(filter(pod, nodes, { namespaceLabels })).toStrictEqual({
      'node-a': ANTI,
      'node-b': OK,
      'node-x': OK,
      'node-n': OK,
    });
  });

  it('skips Filter when neither the pod nor any existing pod has required terms against it', () => {
    const outcome = runCycle(
      interPodAffinity(),
      makePod({ name: 'p', labels: { app: 'web' } }),
      makeSnapshot(
        world({ 'node-a': [withTerms('d', { app: 'db' }, { anti: [term({ app: 'x' }, HOST)] })] }),
      ),
    );
    expect(outcome.preFilter).toBe(SKIP);
  });

  it('rejects an incoming pod with an invalid selector as unresolvable, naming the field', () => {
    const pod = withTerms(
      'p',
      { app: 'web' },
      {
        affinity: [
          {
            topologyKey: ZONE,
            labelSelector: {
              matchExpressions: [{ key: 'app', operator: 'Exists', values: ['x'] }],
            },
          },
        ],
      },
    );
    expect(runCycle(interPodAffinity(), pod, makeSnapshot(world({}))).preFilter).toStrictEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: [
        "parsing pod: spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ],
    });
  });

  it('treats an existing pod invalid anti-affinity term as matching nothing', () => {
    const broken = withTerms(
      'b',
      { app: 'db' },
      {
        anti: [{ topologyKey: HOST, labelSelector: { matchLabels: { 'bad key!': 'x' } } }],
      },
    );
    expect(
      filter(makePod({ name: 'p', labels: { app: 'web' } }), world({ 'node-a': [broken] })),
    ).toStrictEqual({
      'node-a': OK,
      'node-b': OK,
      'node-x': OK,
      'node-n': OK,
    });
  });
});
