import { describe, expect, it } from '@jest/globals';
import { SKIP } from '../../../src/scheduler/framework/plugin-status.js';
import { nodeName } from '../../../src/scheduler/plugins/node-name/index.js';
import { nodeUnschedulable } from '../../../src/scheduler/plugins/node-unschedulable/index.js';
import { taintToleration } from '../../../src/scheduler/plugins/taint-toleration/index.js';
import { cycleOf, nodeInfo, snapshotOf } from '../plugin-test-support.js';
import { node, pod } from '../scheduler-test-support.js';

const TAINTS = [{ key: 'k', value: 'v', effect: 'NoSchedule' as const }];

describe('the PreFilters that skip Filters with nothing to do', () => {
  it('NodeName skips its Filter only for pods without spec.nodeName', () => {
    const snapshot = snapshotOf([node('a')]);
    expect(nodeName().preFilter?.(cycleOf(pod('p'), snapshot))).toBe(SKIP);
    const named = pod('q', { spec: { nodeName: 'a' } });
    expect(nodeName().preFilter?.(cycleOf(named, snapshot))).toBeUndefined();
  });

  it('NodeUnschedulable skips its Filter only while no node is cordoned', () => {
    const snapshot = snapshotOf([node('a')]);
    const plugin = nodeUnschedulable();
    expect(plugin.preFilter?.(cycleOf(pod('p'), snapshot))).toBe(SKIP);
    snapshot.addOrUpdateNode(node('b', { unschedulable: true }));
    expect(plugin.preFilter?.(cycleOf(pod('p'), snapshot))).toBeUndefined();
  });

  it('TaintToleration skips its Filter and Score only while no node is tainted', () => {
    const snapshot = snapshotOf([node('a')]);
    const plugin = taintToleration();
    expect(plugin.preFilter?.(cycleOf(pod('p'), snapshot))).toBe(SKIP);
    expect(plugin.preScore?.(cycleOf(pod('p'), snapshot), snapshot.nodes)).toBe(SKIP);
    snapshot.addOrUpdateNode(node('b', { taints: TAINTS }));
    expect(plugin.preFilter?.(cycleOf(pod('p'), snapshot))).toBeUndefined();
    const cycle = cycleOf(pod('p'), snapshot);
    expect(plugin.filter?.(cycle, nodeInfo(snapshot, 'b'))).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) had untolerated taint {k: v}'],
    });
  });
});
