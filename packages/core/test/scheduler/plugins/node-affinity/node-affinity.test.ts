import { describe, expect, it } from '@jest/globals';
import type { Pod } from '../../../../src/api/kinds/index.js';
import { SKIP } from '../../../../src/scheduler/framework/plugin-status.js';
import { nodeAffinity } from '../../../../src/scheduler/plugins/node-affinity/index.js';
import { cycleOf, nodeInfo, snapshotOf } from '../../plugin-test-support.js';
import { node, pod } from '../../scheduler-test-support.js';

const plugin = nodeAffinity();
const MISMATCH = "node(s) didn't match Pod's node affinity/selector";

function withAffinity(affinity: NonNullable<NonNullable<Pod['spec']>['affinity']>): Pod {
  return pod('p', { spec: { affinity } });
}

describe('NodeAffinity', () => {
  const snapshot = snapshotOf([
    node('ssd', { labels: { disk: 'ssd', size: '10' } }),
    node('hdd', { labels: { disk: 'hdd', size: '2' } }),
  ]);

  it('skips its Filter for pods without node constraints', () => {
    expect(plugin.preFilter?.(cycleOf(pod('p'), snapshot))).toBe(SKIP);
  });

  it('filters by nodeSelector', () => {
    const cycle = cycleOf(pod('p', { spec: { nodeSelector: { disk: 'ssd' } } }), snapshot);
    expect(plugin.preFilter?.(cycle)).toBeUndefined();
    expect(plugin.filter?.(cycle, nodeInfo(snapshot, 'ssd'))).toBeUndefined();
    expect(plugin.filter?.(cycle, nodeInfo(snapshot, 'hdd'))).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: [MISMATCH],
    });
  });

  it('filters by required node affinity, and an invalid Gt value matches nothing', () => {
    const required = (value: string): Pod =>
      withAffinity({
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'size', operator: 'Gt', values: [value] }] },
            ],
          },
        },
      });
    expect(
      plugin.filter?.(cycleOf(required('5'), snapshot), nodeInfo(snapshot, 'ssd')),
    ).toBeUndefined();
    expect(
      plugin.filter?.(cycleOf(required('5'), snapshot), nodeInfo(snapshot, 'hdd'))?.reasons,
    ).toEqual([MISMATCH]);
    expect(
      plugin.filter?.(cycleOf(required('five'), snapshot), nodeInfo(snapshot, 'ssd'))?.reasons,
    ).toEqual([MISMATCH]);
  });

  it('narrows PreFilter to the nodes named by matchFields', () => {
    const byName = withAffinity({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['hdd'] }] },
          ],
        },
      },
    });
    expect(plugin.preFilter?.(cycleOf(byName, snapshot))).toEqual({ nodeNames: new Set(['hdd']) });
  });

  it('scores preferred terms by weight, normalized to 100', () => {
    const preferring = withAffinity({
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 30,
            preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] },
          },
          { weight: 10, preference: { matchExpressions: [{ key: 'size', operator: 'Exists' }] } },
        ],
      },
    });
    const cycle = cycleOf(preferring, snapshot);
    expect(plugin.preScore?.(cycle, snapshot.nodes)).toBeUndefined();
    const scores = snapshot.nodes.map((info) => ({
      name: info.name,
      score: plugin.score?.(cycle, info) ?? -1,
    }));
    plugin.normalizeScores?.(cycle, scores);
    expect(scores).toEqual([
      { name: 'ssd', score: 100 },
      { name: 'hdd', score: 25 },
    ]);
    expect(plugin.preScore?.(cycleOf(pod('q'), snapshot), snapshot.nodes)).toBe(SKIP);
  });
});
