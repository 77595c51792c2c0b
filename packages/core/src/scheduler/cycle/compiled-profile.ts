/**
 * A profile made ready to run: its plugins sorted by the extension points they
 * implement (so a cycle never asks a plugin whether it has a method), with weights.
 *
 * @module
 */
import type { SchedulerPlugin } from '../framework/plugin.js';

/** A scheduler profile: a name pods choose with `spec.schedulerName`, its plugins and weights. */
export interface SchedulerProfile {
  /** The `spec.schedulerName` of the pods this profile schedules. */
  readonly schedulerName: string;
  /** The plugins, in the order their extension points run. */
  readonly plugins: readonly SchedulerPlugin[];
  /** Score weights by plugin name; a scoring plugin without one weighs 1. */
  readonly weights?: Readonly<Record<string, number>>;
}

/** A scoring plugin and its weight. */
export interface WeightedPlugin {
  readonly plugin: SchedulerPlugin;
  readonly weight: number;
}

/** A {@link SchedulerProfile} split by extension point. */
export interface CompiledProfile {
  readonly schedulerName: string;
  readonly plugins: readonly SchedulerPlugin[];
  readonly preFilter: readonly SchedulerPlugin[];
  readonly filter: readonly SchedulerPlugin[];
  readonly preScore: readonly SchedulerPlugin[];
  readonly score: readonly WeightedPlugin[];
  readonly reserve: readonly SchedulerPlugin[];
  readonly bind: readonly SchedulerPlugin[];
  readonly postBind: readonly SchedulerPlugin[];
}

/**
 * Compiles `profile`; `fallbackBinder` is added when no plugin binds.
 *
 * Errors: throws a `RangeError` for two plugins of one name or a weight that is not a
 * finite number.
 */
export function compileProfile(
  profile: SchedulerProfile,
  fallbackBinder: SchedulerPlugin,
): CompiledProfile {
  const names = new Set<string>();
  for (const plugin of profile.plugins) {
    if (names.has(plugin.name)) {
      throw new RangeError(
        `scheduler profile ${JSON.stringify(profile.schedulerName)}: two plugins are named ${JSON.stringify(plugin.name)}`,
      );
    }
    names.add(plugin.name);
  }
  const weights = profile.weights ?? {};
  for (const [name, weight] of Object.entries(weights)) {
    if (!Number.isFinite(weight)) {
      throw new RangeError(
        `scheduler profile ${JSON.stringify(profile.schedulerName)}: the weight of ${name} is not a finite number`,
      );
    }
  }
  const plugins = profile.plugins.some((plugin) => plugin.bind !== undefined)
    ? profile.plugins
    : [...profile.plugins, fallbackBinder];
  return {
    schedulerName: profile.schedulerName,
    plugins,
    preFilter: plugins.filter((plugin) => plugin.preFilter !== undefined),
    filter: plugins.filter((plugin) => plugin.filter !== undefined),
    preScore: plugins.filter((plugin) => plugin.preScore !== undefined),
    score: plugins
      .filter((plugin) => plugin.score !== undefined)
      .map((plugin) => ({ plugin, weight: weights[plugin.name] ?? 1 })),
    reserve: plugins.filter((plugin) => plugin.reserve !== undefined),
    bind: plugins.filter((plugin) => plugin.bind !== undefined),
    postBind: plugins.filter((plugin) => plugin.postBind !== undefined),
  };
}
