import { describe, expect, it } from '@jest/globals';
import type { Node } from '../../../src/api/kinds/index.js';
import {
  compileProfile,
  type SchedulerProfile,
} from '../../../src/scheduler/cycle/compiled-profile.js';
import { schedulePod, type ScheduleResult } from '../../../src/scheduler/cycle/schedule-pod.js';
import { defaultProfile } from '../../../src/scheduler/default-profile.js';
import type { SchedulerPlugin } from '../../../src/scheduler/framework/plugin.js';
import { SKIP, pluginError, unresolvable } from '../../../src/scheduler/framework/plugin-status.js';
import { cycleOf, snapshotOf } from '../plugin-test-support.js';
import { node, pod, seededRandom } from '../scheduler-test-support.js';

const NO_BINDER: SchedulerPlugin = { name: 'NoBinder', bind: () => Promise.resolve(undefined) };

function run(
  profile: SchedulerProfile,
  nodes: readonly Node[],
  options: {
    readonly random?: () => number;
    readonly search?: { nextStartNodeIndex: number };
    readonly percentage?: number;
  } = {},
  scheduled = pod('p', { cpu: '100m' }),
): ScheduleResult {
  const snapshot = snapshotOf(nodes);
  return schedulePod({
    profile: compileProfile(profile, NO_BINDER),
    cycle: cycleOf(scheduled, snapshot),
    percentageOfNodesToScore: options.percentage ?? 0,
    random: options.random ?? Math.random,
    search: options.search ?? { nextStartNodeIndex: 0 },
  });
}

function chosen(result: ScheduleResult): string {
  if (result._tag !== 'Feasible') {
    throw new Error(`expected a node, got ${JSON.stringify(result)}`);
  }
  return result.node.name;
}

const names = (count: number): Node[] => Array.from({ length: count }, (_, i) => node(`n${i}`));

/** Scores each node by a fixed table. */
function fixedScores(name: string, scores: Readonly<Record<string, number>>): SchedulerPlugin {
  return { name, score: (_cycle, info) => scores[info.name] ?? 0 };
}

describe('schedulePod', () => {
  it('filters only the adaptive share of 5,000 nodes, starting where it stopped last', () => {
    const search = { nextStartNodeIndex: 0 };
    const first = run({ schedulerName: 's', plugins: [] }, names(5000), { search });
    expect(first).toMatchObject({ _tag: 'Feasible', evaluatedNodes: 500, feasibleNodes: 500 });
    expect(search.nextStartNodeIndex).toBe(500);
    run({ schedulerName: 's', plugins: [] }, names(5000), { search });
    expect(search.nextStartNodeIndex).toBe(1000);
  });

  it('filters every node of small clusters', () => {
    const result = run({ schedulerName: 's', plugins: [] }, names(99));
    expect(result).toMatchObject({ evaluatedNodes: 99, feasibleNodes: 99 });
  });

  it('breaks ties with the injected random source, repeatably', () => {
    const profile: SchedulerProfile = { schedulerName: 's', plugins: [fixedScores('Flat', {})] };
    const picks = (seed: number): string[] => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => chosen(run(profile, names(10), { random })));
    };
    expect(picks(7)).toEqual(picks(7));
    expect(
      new Set(Array.from({ length: 10 }, (_, seed) => picks(seed).join())).size,
    ).toBeGreaterThan(1);
    // random() always 0 takes the last tie; always 0.99 keeps the first.
    expect(chosen(run(profile, names(10), { random: () => 0 }))).toBe('n9');
    expect(chosen(run(profile, names(10), { random: () => 0.99 }))).toBe('n0');
  });

  it('sums scores times weights, and reweighting changes the choice', () => {
    const plugins = [fixedScores('A', { n0: 100, n1: 0 }), fixedScores('B', { n0: 0, n1: 60 })];
    expect(chosen(run({ schedulerName: 's', plugins }, names(2)))).toBe('n0');
    expect(chosen(run({ schedulerName: 's', plugins, weights: { B: 2 } }, names(2)))).toBe('n1');
  });

  it('runs a custom filter plugin added to the default profile', () => {
    const onlyN1: SchedulerPlugin = {
      name: 'OnlyN1',
      filter: (_cycle, info) => (info.name === 'n1' ? undefined : unresolvable('not n1')),
    };
    const result = run(defaultProfile({ plugins: [onlyN1] }), names(3));
    expect(chosen(result)).toBe('n1');
    const none: SchedulerPlugin = { name: 'None', filter: () => unresolvable('no way') };
    const failed = run(defaultProfile({ plugins: [none] }), names(3));
    expect(failed).toEqual({
      _tag: 'Unschedulable',
      failure: { numAllNodes: 3, reasons: new Map([['no way', 3]]) },
    });
  });

  it("disables a plugin's Filter when its PreFilter answers Skip", () => {
    const skipped: SchedulerPlugin = {
      name: 'Skipped',
      preFilter: () => SKIP,
      filter: () => unresolvable('should not run'),
    };
    expect(chosen(run({ schedulerName: 's', plugins: [skipped] }, names(1)))).toBe('n0');
  });

  it('filters only the intersection of PreFilter nodeNames', () => {
    const first: SchedulerPlugin = {
      name: 'First',
      preFilter: () => ({ nodeNames: new Set(['n1', 'n2']) }),
    };
    const second: SchedulerPlugin = {
      name: 'Second',
      preFilter: () => ({ nodeNames: new Set(['n2', 'n3']) }),
    };
    const result = run({ schedulerName: 's', plugins: [first, second] }, names(4));
    expect(result).toMatchObject({ _tag: 'Feasible', evaluatedNodes: 1 });
    expect(chosen(result)).toBe('n2');
    const disjoint: SchedulerPlugin = {
      name: 'Disjoint',
      preFilter: () => ({ nodeNames: new Set(['n0']) }),
    };
    expect(run({ schedulerName: 's', plugins: [first, disjoint] }, names(4))).toEqual({
      _tag: 'Unschedulable',
      failure: {
        numAllNodes: 4,
        reasons: new Map(),
        preFilterMessage: "node(s) didn't satisfy plugin(s) [Disjoint First] simultaneously",
      },
    });
  });

  it('fails the pod on every node when a PreFilter says so', () => {
    const refusing: SchedulerPlugin = {
      name: 'Refusing',
      preFilter: () => unresolvable('no zone'),
    };
    expect(run({ schedulerName: 's', plugins: [refusing] }, names(2))).toMatchObject({
      _tag: 'Unschedulable',
      failure: { preFilterMessage: 'no zone' },
    });
  });

  it('reports plugin errors and out-of-range scores as errors', () => {
    const broken: SchedulerPlugin = { name: 'Broken', filter: () => pluginError('boom') };
    expect(run({ schedulerName: 's', plugins: [broken] }, names(2))).toEqual({
      _tag: 'Error',
      message: 'running Filter plugin "Broken": Error: boom',
    });
    const tooHigh = fixedScores('TooHigh', { n0: 101 });
    expect(run({ schedulerName: 's', plugins: [tooHigh] }, names(2))).toMatchObject({
      _tag: 'Error',
    });
  });

  it('answers no nodes available without nodes', () => {
    expect(run({ schedulerName: 's', plugins: [] }, [])).toEqual({
      _tag: 'Unschedulable',
      failure: { numAllNodes: 0, reasons: new Map() },
    });
  });
});
