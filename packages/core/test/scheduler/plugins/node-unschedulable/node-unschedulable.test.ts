import { describe, expect, it } from '@jest/globals';
import { nodeUnschedulable } from '../../../../src/scheduler/plugins/node-unschedulable/index.js';
import { cycleOf, nodeInfo, snapshotOf } from '../../plugin-test-support.js';
import { node, pod } from '../../scheduler-test-support.js';

describe('NodeUnschedulable', () => {
  const snapshot = snapshotOf([node('open'), node('cordoned', { unschedulable: true })]);
  const plugin = nodeUnschedulable();

  it('filters out cordoned nodes with the upstream reason', () => {
    const cycle = cycleOf(pod('p'), snapshot);
    expect(plugin.filter?.(cycle, nodeInfo(snapshot, 'open'))).toBeUndefined();
    expect(plugin.filter?.(cycle, nodeInfo(snapshot, 'cordoned'))).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) were unschedulable'],
    });
  });

  it('lets pods tolerating the unschedulable taint onto cordoned nodes', () => {
    const tolerant = pod('p', {
      spec: {
        tolerations: [
          { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
        ],
      },
    });
    expect(
      plugin.filter?.(cycleOf(tolerant, snapshot), nodeInfo(snapshot, 'cordoned')),
    ).toBeUndefined();
  });
});
