import { describe, expect, it } from '@jest/globals';
import { nodeResourcesFit } from '../../../../src/scheduler/plugins/node-resources-fit/index.js';
import { cycleOf, nodeInfo, snapshotOf } from '../../plugin-test-support.js';
import { node, pod } from '../../scheduler-test-support.js';

const plugin = nodeResourcesFit();

describe('NodeResourcesFit', () => {
  const cases: readonly {
    readonly name: string;
    readonly node: Parameters<typeof node>[1];
    readonly bound?: readonly Parameters<typeof pod>[1][];
    readonly pod: Parameters<typeof pod>[1];
    readonly reasons: readonly string[] | undefined;
  }[] = [
    {
      name: 'a pod that fits',
      node: { cpu: '2' },
      pod: { cpu: '1', memory: '1Gi' },
      reasons: undefined,
    },
    { name: 'a pod without requests', node: { cpu: '0' }, pod: {}, reasons: undefined },
    {
      name: 'too much cpu',
      node: { cpu: '1' },
      pod: { cpu: '1500m' },
      reasons: ['Insufficient cpu'],
    },
    {
      name: 'too much memory',
      node: { memory: '1Gi' },
      pod: { memory: '2Gi' },
      reasons: ['Insufficient memory'],
    },
    {
      name: 'both short',
      node: { cpu: '1', memory: '1Gi' },
      pod: { cpu: '2', memory: '2Gi' },
      reasons: ['Insufficient cpu', 'Insufficient memory'],
    },
    {
      name: 'the pods already there',
      node: { cpu: '2' },
      bound: [{ cpu: '1500m' }],
      pod: { cpu: '1' },
      reasons: ['Insufficient cpu'],
    },
    { name: 'a full node', node: { pods: '1' }, bound: [{}], pod: {}, reasons: ['Too many pods'] },
  ];
  for (const testCase of cases) {
    it(`filters ${testCase.name}`, () => {
      const bound = (testCase.bound ?? []).map((options, i) =>
        pod(`bound-${i}`, { ...options, spec: { nodeName: 'n1' } }),
      );
      const snapshot = snapshotOf([node('n1', testCase.node)], bound);
      const status = plugin.filter?.(
        cycleOf(pod('p', testCase.pod), snapshot),
        nodeInfo(snapshot, 'n1'),
      );
      expect(status?.reasons).toEqual(testCase.reasons);
      expect(status?.code).toBe(testCase.reasons === undefined ? undefined : 'Unschedulable');
    });
  }

  it('filters extended resources by name', () => {
    const snapshot = snapshotOf([node('n1', { extra: { 'example.com/gpu': '1' } }), node('n2')]);
    const gpuPod = pod('p', {
      spec: {
        containers: [
          { name: 'c', image: 'i', resources: { requests: { 'example.com/gpu': '1' } } },
        ],
      },
    });
    expect(plugin.filter?.(cycleOf(gpuPod, snapshot), nodeInfo(snapshot, 'n1'))).toBeUndefined();
    expect(plugin.filter?.(cycleOf(gpuPod, snapshot), nodeInfo(snapshot, 'n2'))?.reasons).toEqual([
      'Insufficient example.com/gpu',
    ]);
  });

  it('scores the node with more free resources higher (LeastAllocated)', () => {
    const snapshot = snapshotOf(
      [node('n1', { cpu: '4', memory: '4Gi' })],
      [pod('b', { cpu: '2', memory: '2Gi', spec: { nodeName: 'n1' } })],
    );
    const cycle = cycleOf(pod('p', { cpu: '1', memory: '1Gi' }), snapshot);
    // cpu: (4000 - 3000) * 100 / 4000 = 25; memory: 25; mean 25.
    expect(plugin.score?.(cycle, nodeInfo(snapshot, 'n1'))).toBe(25);
    const packing = nodeResourcesFit({ scoringStrategy: 'MostAllocated' });
    expect(packing.score?.(cycle, nodeInfo(snapshot, 'n1'))).toBe(75);
  });

  it('counts best-effort pods as 100m cpu and 200Mi memory when scoring', () => {
    const snapshot = snapshotOf([node('n1', { cpu: '1', memory: '1000Mi' })]);
    const cycle = cycleOf(pod('p'), snapshot);
    // cpu: 900 * 100 / 1000 = 90; memory: 800 * 100 / 1000 = 80; mean 85.
    expect(plugin.score?.(cycle, nodeInfo(snapshot, 'n1'))).toBe(85);
  });
});
