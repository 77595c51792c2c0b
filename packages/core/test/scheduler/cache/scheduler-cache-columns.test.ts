import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SchedulerCache } from '../../../src/scheduler/cache/scheduler-cache.js';
import type { NodeInfo } from '../../../src/scheduler/framework/node-info.js';
import { podInfoOf } from '../../../src/scheduler/framework/pod-info.js';
import { node, pod } from '../scheduler-test-support.js';

/** Every column at the node's row, next to the field it mirrors. */
function expectColumnsAgree(cache: SchedulerCache, info: NodeInfo): void {
  const columns = cache.resourceColumns;
  const row = info.row ?? -1;
  expect(row).toBeGreaterThanOrEqual(0);
  expect({
    allocatable: [
      columns.allocatableMilliCpu[row],
      columns.allocatableMemory[row],
      columns.allocatableEphemeralStorage[row],
      columns.allocatablePods[row],
    ],
    requested: [
      columns.requestedMilliCpu[row],
      columns.requestedMemory[row],
      columns.requestedEphemeralStorage[row],
      columns.requestedPods[row],
    ],
    nonZero: [columns.nonZeroRequestedMilliCpu[row], columns.nonZeroRequestedMemory[row]],
  }).toEqual({
    allocatable: [
      info.allocatable.milliCpu,
      info.allocatable.memory,
      info.allocatable.ephemeralStorage,
      info.allocatable.pods,
    ],
    requested: [
      info.requested.milliCpu,
      info.requested.memory,
      info.requested.ephemeralStorage,
      info.requested.pods,
    ],
    nonZero: [info.nonZeroRequested.milliCpu, info.nonZeroRequested.memory],
  });
}

describe("the scheduler cache's resource columns and node counts", () => {
  it('mirror each node through pod and node changes, rows reused after deletions', () => {
    const operation = fc.oneof(
      fc.record({
        op: fc.constant('node' as const),
        node: fc.nat(4),
        cpu: fc.integer({ min: 1, max: 8 }),
      }),
      fc.record({ op: fc.constant('removeNode' as const), node: fc.nat(4) }),
      fc.record({
        op: fc.constant('pod' as const),
        pod: fc.nat(9),
        node: fc.nat(4),
        milli: fc.nat(900),
      }),
      fc.record({ op: fc.constant('assume' as const), pod: fc.nat(9), node: fc.nat(4) }),
      fc.record({ op: fc.constant('removePod' as const), pod: fc.nat(9) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const cache = new SchedulerCache();
        for (const step of operations) {
          switch (step.op) {
            case 'node':
              cache.addOrUpdateNode(node(`n${step.node}`, { cpu: `${step.cpu}` }));
              break;
            case 'removeNode':
              cache.removeNode(`n${step.node}`);
              break;
            case 'pod':
              cache.addOrUpdatePod(
                pod(`p${step.pod}`, {
                  cpu: `${step.milli}m`,
                  memory: `${step.milli}Mi`,
                  spec: { nodeName: `n${step.node}` },
                }),
              );
              break;
            case 'assume':
              cache.assume(podInfoOf(pod(`p${step.pod}`)), `n${step.node}`);
              break;
            case 'removePod':
              cache.removePod(`default/p${step.pod}`);
              break;
          }
        }
        const rows = cache.nodes.map((info) => info.row);
        expect(new Set(rows).size).toBe(rows.length);
        cache.nodes.forEach((info) => expectColumnsAgree(cache, info));
        // The sums agree with the pods each node holds (pods updated in place included).
        for (const info of cache.nodes) {
          expect(info.requested.pods).toBe(info.pods.length);
          expect(info.requested.milliCpu).toBe(
            info.pods.reduce((sum, held) => sum + held.requests.milliCpu, 0),
          );
          expect(new Set(info.pods.map((held) => held.key)).size).toBe(info.pods.length);
        }
      }),
    );
  });

  it('counts the tainted and the cordoned nodes through updates and deletions', () => {
    const cache = new SchedulerCache();
    const taints = [{ key: 'k', effect: 'NoSchedule' as const }];
    cache.addOrUpdateNode(node('a', { taints }));
    cache.addOrUpdateNode(node('b', { unschedulable: true }));
    cache.addOrUpdateNode(node('c'));
    expect([cache.taintedNodeCount, cache.unschedulableNodeCount]).toEqual([1, 1]);
    cache.addOrUpdateNode(node('a'));
    cache.addOrUpdateNode(node('c', { taints, unschedulable: true }));
    expect([cache.taintedNodeCount, cache.unschedulableNodeCount]).toEqual([1, 2]);
    cache.removeNode('c');
    cache.removeNode('b');
    expect([cache.taintedNodeCount, cache.unschedulableNodeCount]).toEqual([0, 0]);
  });
});
