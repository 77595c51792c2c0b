/**
 * The scheduler's plugins: one small typed object per plugin, with a method for each
 * extension point it takes part in (upstream's scheduling framework, its main points).
 *
 * @module
 */
import type { Pod } from '../../api/kinds/index.js';
import type { CycleState } from './cycle-state.js';
import type { ClusterSnapshot, NodeInfo, PodInfo } from './node-info.js';
import type { PluginStatus } from './plugin-status.js';

/** The highest score a plugin gives a node (upstream's `MaxNodeScore`). */
export const MAX_NODE_SCORE = 100;

/** What every extension point of one scheduling cycle is given. */
export interface CycleContext {
  /** The pod being scheduled. */
  readonly pod: Pod;
  readonly podInfo: PodInfo;
  /** This cycle's scratch space. */
  readonly state: CycleState;
  /** The cluster, stable for the synchronous part of the cycle. */
  readonly snapshot: ClusterSnapshot;
}

/**
 * What PreFilter answers: `undefined` (go on, every node), a status (`Skip`: this
 * plugin's Filter does not run for the pod; otherwise the pod is unschedulable on every
 * node), or the only nodes worth filtering (`nodeNames`; the intersection is kept
 * across plugins).
 */
export type PreFilterResult =
  PluginStatus | { readonly nodeNames: ReadonlySet<string> } | undefined;

/** A node and its score, as Score gives it and NormalizeScore may rewrite it. */
export interface NodeScore {
  readonly name: string;
  score: number;
}

/**
 * A scheduler plugin. Only `name` is required; the scheduler calls each method it has,
 * in this order: PreFilter, Filter (per node), PreScore, Score (per feasible node),
 * NormalizeScore, Reserve, Bind, PostBind; Unreserve when a later point fails.
 *
 * Guarantees: PreFilter to Reserve run synchronously in one cycle (the snapshot does
 * not change under them); Bind runs after, asynchronously, while the next pods are
 * scheduled.
 *
 * @example
 * ```ts
 * const zoneA: SchedulerPlugin = {
 *   name: 'OnlyZoneA',
 *   filter: (_cycle, node) =>
 *     node.labels['topology.kubernetes.io/zone'] === 'a' ? undefined : unresolvable('not in zone a'),
 * };
 * ```
 */
export interface SchedulerPlugin {
  /** The plugin's name, unique in a profile; weights and events use it. */
  readonly name: string;
  /** Once per pod, before any node is filtered. */
  preFilter?(cycle: CycleContext): PreFilterResult;
  /** Whether the pod fits `node`: `undefined` when it does. */
  filter?(cycle: CycleContext, node: NodeInfo): PluginStatus | undefined;
  /** Once per pod, with the feasible nodes, before they are scored. `Skip` skips its Score. */
  preScore?(cycle: CycleContext, nodes: readonly NodeInfo[]): PluginStatus | undefined;
  /** The node's score, from 0 to {@link MAX_NODE_SCORE} (or any range NormalizeScore maps into it). */
  score?(cycle: CycleContext, node: NodeInfo): number;
  /**
   * Rewrites this plugin's `scores` in place into 0 to {@link MAX_NODE_SCORE}; the
   * array is the framework's own, made for this call.
   */
  normalizeScores?(cycle: CycleContext, scores: NodeScore[]): void;
  /** The pod is assumed on `nodeName`; a status fails the cycle (and unreserves). */
  reserve?(cycle: CycleContext, nodeName: string): PluginStatus | undefined;
  /** Undoes `reserve` after a later failure. Must not fail. */
  unreserve?(cycle: CycleContext, nodeName: string): void;
  /**
   * Binds the pod to `nodeName`. `Skip` hands over to the next bind plugin; the first
   * that answers success or failure decides.
   */
  bind?(cycle: CycleContext, nodeName: string): Promise<PluginStatus | undefined>;
  /** Told that the pod was bound. Must not fail. */
  postBind?(cycle: CycleContext, nodeName: string): void;
}
