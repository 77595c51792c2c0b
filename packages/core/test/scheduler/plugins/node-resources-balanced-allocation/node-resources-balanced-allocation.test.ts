import { describe, expect, it } from '@jest/globals';
import { SKIP } from '../../../../src/scheduler/framework/plugin-status.js';
import { nodeResourcesBalancedAllocation } from '../../../../src/scheduler/plugins/node-resources-balanced-allocation/index.js';
import { cycleOf, nodeInfo, snapshotOf } from '../../plugin-test-support.js';
import { node, pod } from '../../scheduler-test-support.js';

const plugin = nodeResourcesBalancedAllocation();

describe('NodeResourcesBalancedAllocation', () => {
  it('scores 100 when cpu and memory would be used in equal shares', () => {
    const snapshot = snapshotOf([node('n1', { cpu: '4', memory: '4Gi' })]);
    const cycle = cycleOf(pod('p', { cpu: '2', memory: '2Gi' }), snapshot);
    expect(plugin.score?.(cycle, nodeInfo(snapshot, 'n1'))).toBe(100);
  });

  it('scores (1 - |a - b| / 2) × 100 for unequal shares', () => {
    const snapshot = snapshotOf([node('n1', { cpu: '4', memory: '4Gi' })]);
    // cpu 3/4, memory 1/4: std 0.25, score 75.
    const cycle = cycleOf(pod('p', { cpu: '3', memory: '1Gi' }), snapshot);
    expect(plugin.score?.(cycle, nodeInfo(snapshot, 'n1'))).toBe(75);
  });

  it('skips best-effort pods at PreScore', () => {
    const snapshot = snapshotOf([node('n1')]);
    expect(plugin.preScore?.(cycleOf(pod('p'), snapshot), snapshot.nodes)).toBe(SKIP);
    expect(
      plugin.preScore?.(cycleOf(pod('q', { cpu: '1' }), snapshot), snapshot.nodes),
    ).toBeUndefined();
  });
});
