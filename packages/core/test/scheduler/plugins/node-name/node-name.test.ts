import { describe, expect, it } from '@jest/globals';
import { nodeName } from '../../../../src/scheduler/plugins/node-name/index.js';
import { cycleOf, nodeInfo, snapshotOf } from '../../plugin-test-support.js';
import { node, pod } from '../../scheduler-test-support.js';

describe('NodeName', () => {
  const snapshot = snapshotOf([node('n1'), node('n2')]);
  const plugin = nodeName();

  it('lets a pod without spec.nodeName fit every node', () => {
    expect(plugin.filter?.(cycleOf(pod('p'), snapshot), nodeInfo(snapshot, 'n1'))).toBeUndefined();
  });

  it('lets a pod naming a node fit only that node', () => {
    const cycle = cycleOf(pod('p', { spec: { nodeName: 'n2' } }), snapshot);
    expect(plugin.filter?.(cycle, nodeInfo(snapshot, 'n2'))).toBeUndefined();
    expect(plugin.filter?.(cycle, nodeInfo(snapshot, 'n1'))).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match the requested node name"],
    });
  });
});
