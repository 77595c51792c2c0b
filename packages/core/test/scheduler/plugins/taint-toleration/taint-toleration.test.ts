import { describe, expect, it } from '@jest/globals';
import type { Taint, Toleration } from '../../../../src/api/kinds/index.js';
import { taintToleration } from '../../../../src/scheduler/plugins/taint-toleration/index.js';
import { cycleOf, nodeInfo, snapshotOf } from '../../plugin-test-support.js';
import { node, pod } from '../../scheduler-test-support.js';

const plugin = taintToleration();

describe('TaintToleration', () => {
  const cases: readonly {
    readonly name: string;
    readonly taints: readonly Taint[];
    readonly tolerations: readonly Toleration[];
    readonly reason: string | undefined;
  }[] = [
    { name: 'an untainted node', taints: [], tolerations: [], reason: undefined },
    {
      name: 'an untolerated NoSchedule taint',
      taints: [{ key: 'a', value: 'b', effect: 'NoSchedule' }],
      tolerations: [],
      reason: 'node(s) had untolerated taint {a: b}',
    },
    {
      name: 'an untolerated NoExecute taint without value',
      taints: [{ key: 'gone', effect: 'NoExecute' }],
      tolerations: [],
      reason: 'node(s) had untolerated taint {gone: }',
    },
    {
      name: 'a tolerated taint',
      taints: [{ key: 'a', value: 'b', effect: 'NoSchedule' }],
      tolerations: [{ key: 'a', operator: 'Equal', value: 'b', effect: 'NoSchedule' }],
      reason: undefined,
    },
    {
      name: 'a PreferNoSchedule taint (never filtered)',
      taints: [{ key: 'a', value: 'b', effect: 'PreferNoSchedule' }],
      tolerations: [],
      reason: undefined,
    },
  ];
  for (const testCase of cases) {
    it(`filters ${testCase.name}`, () => {
      const snapshot = snapshotOf([node('n1', { taints: [...testCase.taints] })]);
      const cycle = cycleOf(
        pod('p', { spec: { tolerations: [...testCase.tolerations] } }),
        snapshot,
      );
      const status = plugin.filter?.(cycle, nodeInfo(snapshot, 'n1'));
      expect(status?.reasons[0]).toBe(testCase.reason);
      expect(status?.code).toBe(
        testCase.reason === undefined ? undefined : 'UnschedulableAndUnresolvable',
      );
    });
  }

  it('prefers nodes with fewer untolerated PreferNoSchedule taints', () => {
    const prefer = (key: string): Taint => ({ key, value: 'x', effect: 'PreferNoSchedule' });
    const snapshot = snapshotOf([
      node('clean'),
      node('one', { taints: [prefer('a')] }),
      node('two', { taints: [prefer('a'), prefer('b')] }),
    ]);
    const cycle = cycleOf(pod('p'), snapshot);
    expect(plugin.preScore?.(cycle, snapshot.nodes)).toBeUndefined();
    const scores = snapshot.nodes.map((info) => ({
      name: info.name,
      score: plugin.score?.(cycle, info) ?? -1,
    }));
    plugin.normalizeScores?.(cycle, scores);
    expect(scores).toEqual([
      { name: 'clean', score: 100 },
      { name: 'one', score: 50 },
      { name: 'two', score: 0 },
    ]);
  });
});
