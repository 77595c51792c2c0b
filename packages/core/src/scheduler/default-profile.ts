/**
 * The default profile: upstream's default plugins and weights, and the one-line way to
 * add a plugin or reweight one.
 *
 * @example
 * ```ts
 * // Add a plugin (a plugin of the same name as a default one replaces it) and reweight one:
 * scheduler({ client, clock, profiles: [defaultProfile({ plugins: [zoneA], weights: { NodeResourcesFit: 5 } })] });
 * // A second scheduler beside the default one, for pods with `schedulerName: packer`:
 * defaultProfile({ schedulerName: 'packer', plugins: [nodeResourcesFit({ scoringStrategy: 'MostAllocated' })] });
 * ```
 *
 * @module
 */
import type { SchedulerProfile } from './cycle/compiled-profile.js';
import type { SchedulerPlugin } from './framework/plugin.js';
import { nodeAffinity } from './plugins/node-affinity/index.js';
import { nodeName } from './plugins/node-name/index.js';
import { nodeResourcesBalancedAllocation } from './plugins/node-resources-balanced-allocation/index.js';
import { interPodAffinity } from './plugins/inter-pod-affinity/index.js';
import { nodeResourcesFit } from './plugins/node-resources-fit/index.js';
import { nodeUnschedulable } from './plugins/node-unschedulable/index.js';
import { podTopologySpread } from './plugins/pod-topology-spread/index.js';
import { taintToleration } from './plugins/taint-toleration/index.js';

/** The scheduler name pods get by default (`spec.schedulerName`). */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/** Upstream's default score weights. */
export const DEFAULT_PLUGIN_WEIGHTS: Readonly<Record<string, number>> = Object.freeze({
  TaintToleration: 3,
  NodeAffinity: 2,
  PodTopologySpread: 2,
  InterPodAffinity: 2,
  NodeResourcesFit: 1,
  NodeResourcesBalancedAllocation: 1,
});

/**
 * New instances of the default plugins, in upstream's order: NodeUnschedulable,
 * NodeName, TaintToleration, NodeAffinity, NodeResourcesFit, PodTopologySpread,
 * InterPodAffinity, NodeResourcesBalancedAllocation. The DefaultBinder is added by the
 * scheduler to any profile without a Bind plugin.
 */
export function defaultPlugins(): SchedulerPlugin[] {
  return [
    nodeUnschedulable(),
    nodeName(),
    taintToleration(),
    nodeAffinity(),
    nodeResourcesFit(),
    podTopologySpread(),
    interPodAffinity(),
    nodeResourcesBalancedAllocation(),
  ];
}

/** What {@link defaultProfile} changes in the default profile. */
export interface DefaultProfileOverrides {
  /** The profile's scheduler name. Default {@link DEFAULT_SCHEDULER_NAME}. */
  readonly schedulerName?: string;
  /** Plugins to add after the defaults; one named as a default plugin replaces it in place. */
  readonly plugins?: readonly SchedulerPlugin[];
  /** Weights by plugin name, over {@link DEFAULT_PLUGIN_WEIGHTS}. */
  readonly weights?: Readonly<Record<string, number>>;
  /** Names of default plugins to leave out. */
  readonly disabled?: readonly string[];
}

/** The default profile, with `overrides` applied (see the module example). */
export function defaultProfile(overrides: DefaultProfileOverrides = {}): SchedulerProfile {
  const extra = overrides.plugins ?? [];
  const disabled = new Set(overrides.disabled ?? []);
  const replacements = new Map(extra.map((plugin) => [plugin.name, plugin]));
  const plugins: SchedulerPlugin[] = [];
  for (const plugin of defaultPlugins()) {
    if (disabled.has(plugin.name)) {
      continue;
    }
    const replacement = replacements.get(plugin.name);
    plugins.push(replacement ?? plugin);
    replacements.delete(plugin.name);
  }
  for (const plugin of extra) {
    if (replacements.has(plugin.name)) {
      plugins.push(plugin);
    }
  }
  return {
    schedulerName: overrides.schedulerName ?? DEFAULT_SCHEDULER_NAME,
    plugins,
    weights: { ...DEFAULT_PLUGIN_WEIGHTS, ...overrides.weights },
  };
}
