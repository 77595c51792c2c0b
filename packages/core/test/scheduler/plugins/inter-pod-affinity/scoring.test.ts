import { describe, expect, it } from '@jest/globals';
import type { Pod, PodAffinityTerm } from '../../../../src/api/kinds/index.js';
import { SKIP } from '../../../../src/scheduler/framework/index.js';
import {
  interPodAffinity,
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

function term(labels: Record<string, string>, topologyKey: string): PodAffinityTerm {
  return { labelSelector: { matchLabels: labels }, topologyKey };
}

interface Terms {
  preferred?: { weight: number; term: PodAffinityTerm }[];
  preferredAnti?: { weight: number; term: PodAffinityTerm }[];
  required?: PodAffinityTerm[];
}

function podWith(name: string, labels: Record<string, string>, terms: Terms): Pod {
  const weighted = (list: Terms['preferred']) =>
    (list ?? []).map(({ weight, term: podAffinityTerm }) => ({ weight, podAffinityTerm }));
  return makePod({
    name,
    labels,
    spec: {
      affinity: {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: weighted(terms.preferred),
          requiredDuringSchedulingIgnoredDuringExecution: terms.required ?? [],
        },
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: weighted(terms.preferredAnti),
        },
      },
    },
  });
}

/** node-a, node-b in zone z1; node-x in z2. */
function world(placed: Partial<Record<'node-a' | 'node-b' | 'node-x', Pod[]>>): NodeSpec[] {
  return [
    { name: 'node-a', labels: { [ZONE]: 'z1' }, pods: placed['node-a'] ?? [] },
    { name: 'node-b', labels: { [ZONE]: 'z1' }, pods: placed['node-b'] ?? [] },
    { name: 'node-x', labels: { [ZONE]: 'z2' }, pods: placed['node-x'] ?? [] },
  ];
}

function scores(pod: Pod, nodes: NodeSpec[], options: InterPodAffinityOptions = {}) {
  return Object.fromEntries(runCycle(interPodAffinity(options), pod, makeSnapshot(nodes)).scores);
}

const db = (name: string) => makePod({ name, labels: { app: 'db' } });
const web = (name: string) => makePod({ name, labels: { app: 'web' } });

describe('InterPodAffinity scoring', () => {
  it('prefers the zone of pods the preferred affinity selects', () => {
    const pod = podWith(
      'p',
      { app: 'web' },
      { preferred: [{ weight: 5, term: term({ app: 'db' }, ZONE) }] },
    );
    expect(scores(pod, world({ 'node-a': [db('d')] }))).toStrictEqual({
      'node-a': 100,
      'node-b': 100,
      'node-x': 0,
    });
  });

  it('avoids the zone of pods the preferred anti-affinity selects', () => {
    const pod = podWith(
      'p',
      { app: 'web' },
      { preferredAnti: [{ weight: 5, term: term({ app: 'db' }, ZONE) }] },
    );
    expect(scores(pod, world({ 'node-a': [db('d')] }))).toStrictEqual({
      'node-a': 0,
      'node-b': 0,
      'node-x': 100,
    });
  });

  it('sums weights per topology pair and normalizes linearly', () => {
    // z1 +20, z2 +10 (affinity 10 per db pod); host a −10, host x −5 (anti 5 per db pod):
    // raw a 10, b 20, x 5 → (raw − 5) / 15 × 100.
    const pod = podWith(
      'p',
      { app: 'web' },
      {
        preferred: [{ weight: 10, term: term({ app: 'db' }, ZONE) }],
        preferredAnti: [{ weight: 5, term: term({ app: 'db' }, HOST) }],
      },
    );
    expect(
      scores(pod, world({ 'node-a': [db('d1'), db('d2')], 'node-x': [db('d3')] })),
    ).toStrictEqual({
      'node-a': 33,
      'node-b': 100,
      'node-x': 0,
    });
  });

  it('draws the pod towards existing pods whose required affinity it matches, by hardPodAffinityWeight', () => {
    const existing = podWith('e', { app: 'db' }, { required: [term({ app: 'web' }, HOST)] });
    const pod = web('p');
    expect(scores(pod, world({ 'node-b': [existing] }))).toStrictEqual({
      'node-a': 0,
      'node-b': 100,
      'node-x': 0,
    });
    const off = runCycle(
      interPodAffinity({ hardPodAffinityWeight: 0 }),
      pod,
      makeSnapshot(world({ 'node-b': [existing] })),
    );
    expect(off.preScore).toBe(SKIP);
  });

  it('reads existing pods preferred affinity and anti-affinity that select the incoming pod', () => {
    const likes = podWith(
      'l',
      { app: 'db' },
      { preferred: [{ weight: 3, term: term({ app: 'web' }, ZONE) }] },
    );
    const dislikes = podWith(
      'd',
      { app: 'db' },
      { preferredAnti: [{ weight: 7, term: term({ app: 'web' }, HOST) }] },
    );
    // z1 +3; host b −7: raw a 3, b −4, x 0.
    expect(scores(web('p'), world({ 'node-a': [likes], 'node-b': [dislikes] }))).toStrictEqual({
      'node-a': 100,
      'node-b': 0,
      'node-x': 57,
    });
  });

  it('skips scoring when no term anywhere concerns the pod', () => {
    const outcome = runCycle(
      interPodAffinity(),
      web('p'),
      makeSnapshot(world({ 'node-a': [db('d')] })),
    );
    expect(outcome.preScore).toBe(SKIP);
  });

  it('refuses a hardPodAffinityWeight outside 0..100', () => {
    expect(() => interPodAffinity({ hardPodAffinityWeight: 101 })).toThrow(
      'hardPodAffinityWeight: Invalid value: 101: not in valid range [0-100]',
    );
    expect(() => interPodAffinity({ hardPodAffinityWeight: -1 })).toThrow(RangeError);
  });
});
