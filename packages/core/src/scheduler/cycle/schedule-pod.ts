/**
 * The synchronous heart of a scheduling cycle (upstream's `schedulePod`): PreFilter,
 * Filter over a sample of the nodes, PreScore, Score and NormalizeScore, then the
 * choice of a node. Reserve and Bind follow in the scheduler.
 *
 * @module
 */
import type { CycleContext, NodeScore, SchedulerPlugin } from '../framework/plugin.js';
import { MAX_NODE_SCORE } from '../framework/plugin.js';
import type { NodeInfo } from '../framework/node-info.js';
import type { PluginStatus } from '../framework/plugin-status.js';
import type { CompiledProfile } from './compiled-profile.js';
import { FailureTally } from './failure-tally.js';
import type { FitFailure } from './fit-error.js';
import { numFeasibleNodesToFind } from './nodes-to-find.js';
import { selectHost } from './select-host.js';

/** The outcome of {@link schedulePod}. */
export type ScheduleResult =
  | {
      readonly _tag: 'Feasible';
      readonly node: NodeInfo;
      /** How many nodes were filtered, and how many of them fit. */
      readonly evaluatedNodes: number;
      readonly feasibleNodes: number;
    }
  | { readonly _tag: 'Unschedulable'; readonly failure: FitFailure }
  | { readonly _tag: 'Error'; readonly message: string };

/** Where the next search for feasible nodes starts: where the last one stopped. */
export interface NodeSearch {
  nextStartNodeIndex: number;
}

/** What {@link schedulePod} needs besides the cycle. */
export interface SchedulePodOptions {
  readonly profile: CompiledProfile;
  readonly cycle: CycleContext;
  /** The share of nodes to find feasible (0: adaptive), see {@link numFeasibleNodesToFind}. */
  readonly percentageOfNodesToScore: number;
  readonly random: () => number;
  readonly search: NodeSearch;
}

const NO_REASONS: ReadonlyMap<string, number> = new Map();

// The cycle is synchronous and `totals` never leaves it: one buffer serves every cycle.
let totalsBuffer = new Float64Array(1024);

/** A zeroed buffer of at least `count` totals (shared: valid until the next cycle). */
function scratchTotals(count: number): Float64Array {
  if (totalsBuffer.length < count) {
    totalsBuffer = new Float64Array(Math.max(count, 2 * totalsBuffer.length));
  } else {
    totalsBuffer.fill(0, 0, count);
  }
  return totalsBuffer;
}

/**
 * Finds the node for the cycle's pod.
 *
 * - PreFilter: a `Skip` disables that plugin's Filter; `nodeNames` answers are
 *   intersected and only those nodes are filtered; any other status fails the pod on
 *   every node (its reasons become the message).
 * - Filter: nodes are visited round robin from where the previous search stopped,
 *   until {@link numFeasibleNodesToFind} fit; a node's first failing plugin gives its
 *   reasons.
 * - PreScore (`Skip` disables that plugin's Score), Score, NormalizeScore: each
 *   plugin's scores (checked to be within 0..100) times its weight are summed; a single
 *   feasible node is taken without scoring, as upstream.
 *
 * Errors: an `Error` status (or a score out of range) is an `Error` result naming
 * the plugin; thrown exceptions are the caller's to catch.
 */
export function schedulePod(options: SchedulePodOptions): ScheduleResult {
  const { profile, cycle, search } = options;
  const snapshot = cycle.snapshot;
  const nodes = snapshot.nodes;
  if (nodes.length === 0) {
    return { _tag: 'Unschedulable', failure: { numAllNodes: 0, reasons: NO_REASONS } };
  }

  let skippedFilters: Set<string> | undefined;
  let allowed: Set<string> | undefined;
  const narrowing: string[] = [];
  for (const plugin of profile.preFilter) {
    const result = plugin.preFilter?.(cycle);
    if (result === undefined) {
      continue;
    }
    if ('nodeNames' in result) {
      narrowing.push(plugin.name);
      allowed =
        allowed === undefined
          ? new Set(result.nodeNames)
          : new Set([...allowed].filter((name) => result.nodeNames.has(name)));
      continue;
    }
    if (result.code === 'Skip') {
      (skippedFilters ??= new Set()).add(plugin.name);
      continue;
    }
    if (result.code === 'Error') {
      return pluginFailed('PreFilter', plugin.name, result);
    }
    return {
      _tag: 'Unschedulable',
      failure: {
        numAllNodes: nodes.length,
        reasons: NO_REASONS,
        preFilterMessage: result.reasons.join(', '),
      },
    };
  }
  narrowing.sort();
  if (allowed !== undefined && allowed.size === 0) {
    const preFilterMessage =
      narrowing.length === 1
        ? `node(s) didn't satisfy plugin ${narrowing[0] ?? ''}`
        : `node(s) didn't satisfy plugin(s) [${narrowing.join(' ')}] simultaneously`;
    return {
      _tag: 'Unschedulable',
      failure: { numAllNodes: nodes.length, reasons: NO_REASONS, preFilterMessage },
    };
  }

  const filters =
    skippedFilters === undefined
      ? profile.filter
      : profile.filter.filter((plugin) => !skippedFilters.has(plugin.name));
  const filterCount = filters.length;
  let candidates: readonly NodeInfo[] = nodes;
  if (allowed !== undefined) {
    const narrowed: NodeInfo[] = [];
    for (const name of allowed) {
      const node = snapshot.get(name);
      if (node !== undefined) {
        narrowed.push(node);
      }
    }
    candidates = narrowed;
  }

  const total = candidates.length;
  const toFind = numFeasibleNodesToFind(total, options.percentageOfNodesToScore);
  // Sized once (growing by push would copy it several times per cycle), trimmed below.
  const feasible = new Array<NodeInfo>(Math.min(toFind, total));
  let feasibleCount = 0;
  const failures = new FailureTally();
  const start = allowed === undefined ? search.nextStartNodeIndex % total : 0;
  let processed = 0;
  // Hot loop (every node filtered): indexed, no closures, failures noted not counted.
  for (let i = 0; i < total && feasibleCount < toFind; i++) {
    let index = start + i;
    if (index >= total) {
      index -= total;
    }
    const node = candidates[index] as NodeInfo;
    processed++;
    let failed: PluginStatus | undefined;
    for (let f = 0; f < filterCount; f++) {
      const plugin = filters[f] as SchedulerPlugin;
      const status = plugin.filter?.(cycle, node);
      if (status !== undefined && status.code !== 'Skip') {
        if (status.code === 'Error') {
          return pluginFailed('Filter', plugin.name, status);
        }
        failed = status;
        break;
      }
    }
    if (failed === undefined) {
      feasible[feasibleCount++] = node;
    } else {
      failures.note(failed);
    }
  }
  if (allowed === undefined && total > 0) {
    search.nextStartNodeIndex = (start + processed) % total;
  }
  feasible.length = feasibleCount;

  if (feasible.length === 0) {
    const reasons = failures.reasonCounts();
    const absent = nodes.length - total;
    if (absent > 0) {
      const reason = `node(s) didn't satisfy plugin(s) [${narrowing.join(' ')}]`;
      reasons.set(reason, (reasons.get(reason) ?? 0) + absent);
    }
    return { _tag: 'Unschedulable', failure: { numAllNodes: nodes.length, reasons } };
  }
  if (feasible.length === 1) {
    return {
      _tag: 'Feasible',
      node: feasible[0] as NodeInfo,
      evaluatedNodes: processed,
      feasibleNodes: 1,
    };
  }
  return scoreAndSelect(options, feasible, processed);
}

function scoreAndSelect(
  options: SchedulePodOptions,
  feasible: readonly NodeInfo[],
  processed: number,
): ScheduleResult {
  const { profile, cycle } = options;
  let skippedScores: Set<string> | undefined;
  for (const plugin of profile.preScore) {
    const status = plugin.preScore?.(cycle, feasible);
    if (status === undefined) {
      continue;
    }
    if (status.code === 'Skip') {
      (skippedScores ??= new Set()).add(plugin.name);
      continue;
    }
    return pluginFailed('PreScore', plugin.name, status);
  }
  const count = feasible.length;
  const totals = scratchTotals(count);
  for (const { plugin, weight } of profile.score) {
    if (skippedScores?.has(plugin.name) === true || plugin.score === undefined) {
      continue;
    }
    if (plugin.normalizeScores !== undefined) {
      const scores: NodeScore[] = new Array<NodeScore>(count);
      for (let i = 0; i < count; i++) {
        const node = feasible[i] as NodeInfo;
        scores[i] = { name: node.name, score: plugin.score(cycle, node) };
      }
      plugin.normalizeScores(cycle, scores);
      for (let i = 0; i < count; i++) {
        const normalized = (scores[i] as NodeScore).score;
        if (!(normalized >= 0 && normalized <= MAX_NODE_SCORE)) {
          return invalidScore(plugin.name, normalized);
        }
        totals[i] = (totals[i] as number) + normalized * weight;
      }
    } else {
      for (let i = 0; i < count; i++) {
        const nodeScore = plugin.score(cycle, feasible[i] as NodeInfo);
        if (!(nodeScore >= 0 && nodeScore <= MAX_NODE_SCORE)) {
          return invalidScore(plugin.name, nodeScore);
        }
        totals[i] = (totals[i] as number) + nodeScore * weight;
      }
    }
  }
  return {
    _tag: 'Feasible',
    node: selectHost(feasible, totals, options.random),
    evaluatedNodes: processed,
    feasibleNodes: count,
  };
}

function pluginFailed(point: string, name: string, status: PluginStatus): ScheduleResult {
  return {
    _tag: 'Error',
    message: `running ${point} plugin "${name}": ${status.code}: ${status.reasons.join(', ')}`,
  };
}

function invalidScore(name: string, score: number): ScheduleResult {
  return {
    _tag: 'Error',
    message: `plugin "${name}" returned an invalid score ${score}: it should be in the range [0, ${MAX_NODE_SCORE}] after normalizing`,
  };
}
