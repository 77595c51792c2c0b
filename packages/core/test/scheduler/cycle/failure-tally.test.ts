import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { FailureTally } from '../../../src/scheduler/cycle/failure-tally.js';
import type { PluginStatus } from '../../../src/scheduler/framework/plugin-status.js';
import { unresolvable, unschedulable } from '../../../src/scheduler/framework/plugin-status.js';

const STATUSES: readonly PluginStatus[] = [
  unschedulable('Insufficient cpu'),
  unschedulable('Insufficient cpu', 'Insufficient memory'),
  unresolvable("node(s) didn't match Pod's node affinity/selector"),
  unschedulable('Insufficient memory', 'Insufficient memory'),
];

/** What the scheduling cycle used to do: count every reason, node by node. */
function countNodeByNode(statuses: readonly PluginStatus[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const status of statuses) {
    for (const reason of status.reasons) {
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
  }
  return counts;
}

describe('FailureTally', () => {
  it('counts runs of one shared status as that many nodes', () => {
    const tally = new FailureTally();
    const shared = STATUSES[0] as PluginStatus;
    tally.note(shared);
    tally.note(shared);
    tally.note(STATUSES[2] as PluginStatus);
    tally.note(shared);
    expect(tally.count).toBe(4);
    expect([...tally.reasonCounts()]).toEqual([
      ['Insufficient cpu', 3],
      ["node(s) didn't match Pod's node affinity/selector", 1],
    ]);
  });

  it('answers an empty map when nothing failed', () => {
    expect(new FailureTally().reasonCounts()).toEqual(new Map());
  });

  it('answers the counts, in the order, of counting node by node', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: STATUSES.length - 1 }), { maxLength: 60 }), (picks) => {
        const statuses = picks.map((pick) => STATUSES[pick] as PluginStatus);
        const tally = new FailureTally();
        statuses.forEach((status) => tally.note(status));
        expect([...tally.reasonCounts()]).toEqual([...countNodeByNode(statuses)]);
      }),
    );
  });
});
