import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ClusterSnapshot, NodeInfo } from '../../../../src/scheduler/framework/node-info.js';
import { nodeResourcesBalancedAllocation } from '../../../../src/scheduler/plugins/node-resources-balanced-allocation/index.js';
import {
  balancedAllocationScore,
  cpuAndMemoryBalanceScore,
} from '../../../../src/scheduler/plugins/node-resources-balanced-allocation/node-resources-balanced-allocation.js';
import {
  cpuAndMemoryScore,
  DEFAULT_SCORED_RESOURCES,
  isCpuAndMemoryEqually,
  leastAllocatedScore,
  mostAllocatedScore,
  nodeResourcesFit,
  resourceAllocationScore,
} from '../../../../src/scheduler/plugins/node-resources-fit/index.js';
import { cycleOf, nodeInfo, snapshotOf } from '../../plugin-test-support.js';
import { node, pod } from '../../scheduler-test-support.js';

const milli = fc.integer({ min: 0, max: 9000 });
const mebi = fc.integer({ min: 0, max: 70_000 });

/** A node, a pod bound there and the pod to score: their amounts (cpu in milli, memory in Mi). */
interface Scenario {
  readonly nodeCpu: number;
  readonly nodeMemory: number;
  readonly boundCpu: number;
  readonly boundMemory: number;
  readonly cpu: number | undefined;
  readonly memory: number | undefined;
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  nodeCpu: milli,
  nodeMemory: mebi,
  boundCpu: milli,
  boundMemory: mebi,
  cpu: fc.option(milli, { nil: undefined }),
  memory: fc.option(mebi, { nil: undefined }),
});

function build(input: Scenario): {
  readonly snapshot: ReturnType<typeof snapshotOf>;
  readonly info: NodeInfo;
  readonly cycle: ReturnType<typeof cycleOf>;
} {
  const snapshot = snapshotOf(
    [node('n', { cpu: `${input.nodeCpu}m`, memory: `${input.nodeMemory}Mi` })],
    [
      pod('bound', {
        cpu: `${input.boundCpu}m`,
        memory: `${input.boundMemory}Mi`,
        spec: { nodeName: 'n' },
      }),
    ],
  );
  const incoming = pod('p', {
    ...(input.cpu === undefined ? {} : { cpu: `${input.cpu}m` }),
    ...(input.memory === undefined ? {} : { memory: `${input.memory}Mi` }),
  });
  return { snapshot, info: nodeInfo(snapshot, 'n'), cycle: cycleOf(incoming, snapshot) };
}

/** The node without a row (negative): what a snapshot without columns hands to plugins. */
function withoutRow(info: NodeInfo): NodeInfo {
  return { ...info, row: -1 };
}

describe('the cpu-and-memory fast paths of resource scoring', () => {
  it('recognise only cpu and memory of one positive integer weight', () => {
    expect(isCpuAndMemoryEqually(DEFAULT_SCORED_RESOURCES)).toBe(true);
    expect(
      isCpuAndMemoryEqually([
        { name: 'memory', weight: 3 },
        { name: 'cpu', weight: 3 },
      ]),
    ).toBe(true);
    expect(
      isCpuAndMemoryEqually([
        { name: 'cpu', weight: 1 },
        { name: 'memory', weight: 2 },
      ]),
    ).toBe(false);
    expect(
      isCpuAndMemoryEqually([
        { name: 'cpu', weight: 0.5 },
        { name: 'memory', weight: 0.5 },
      ]),
    ).toBe(false);
    expect(isCpuAndMemoryEqually([{ name: 'cpu', weight: 1 }])).toBe(false);
  });

  it('score as the general scorers, from the columns and from the node alike', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), (input, most) => {
        const { snapshot, info, cycle } = build(input);
        const scorer = most ? mostAllocatedScore : leastAllocatedScore;
        const general = resourceAllocationScore(
          info,
          cycle.podInfo,
          DEFAULT_SCORED_RESOURCES,
          scorer,
        );
        expect(cpuAndMemoryScore(info, cycle.podInfo, most, snapshot.resourceColumns)).toBe(
          general,
        );
        expect(cpuAndMemoryScore(withoutRow(info), cycle.podInfo, most)).toBe(general);
        const balanced = balancedAllocationScore(info, cycle.podInfo, DEFAULT_SCORED_RESOURCES);
        expect(cpuAndMemoryBalanceScore(info, cycle.podInfo, snapshot.resourceColumns)).toBe(
          balanced,
        );
        expect(cpuAndMemoryBalanceScore(withoutRow(info), cycle.podInfo)).toBe(balanced);
      }),
    );
  });

  it('filter and score alike with and without the snapshot columns', () => {
    const fit = nodeResourcesFit();
    const balance = nodeResourcesBalancedAllocation();
    fc.assert(
      fc.property(scenario, (input) => {
        const { snapshot, info, cycle } = build(input);
        const bare: ClusterSnapshot = {
          nodes: snapshot.nodes,
          get: (name) => snapshot.get(name),
          nodesWithPodsWithAffinity: [],
          nodesWithPodsWithRequiredAntiAffinity: [],
        };
        const plain = { ...cycle, snapshot: bare };
        expect(fit.filter?.(cycle, info)).toEqual(fit.filter?.(plain, withoutRow(info)));
        expect(fit.score?.(cycle, info)).toBe(fit.score?.(plain, withoutRow(info)));
        expect(balance.score?.(cycle, info)).toBe(balance.score?.(plain, withoutRow(info)));
      }),
    );
  });
});
