/**
 * Runs plugins outside the scheduler: a cache with nodes and pods as a snapshot, and
 * the cycle context of a pod.
 */
import type { Node, Pod } from '../../src/api/kinds/index.js';
import { SchedulerCache } from '../../src/scheduler/cache/scheduler-cache.js';
import { CycleState } from '../../src/scheduler/framework/cycle-state.js';
import type { NodeInfo } from '../../src/scheduler/framework/node-info.js';
import type { CycleContext } from '../../src/scheduler/framework/plugin.js';
import { podInfoOf } from '../../src/scheduler/framework/pod-info.js';

/** A snapshot of `nodes` with `pods` bound (by `spec.nodeName`). */
export function snapshotOf(nodes: readonly Node[], pods: readonly Pod[] = []): SchedulerCache {
  const cache = new SchedulerCache();
  for (const node of nodes) {
    cache.addOrUpdateNode(node);
  }
  for (const pod of pods) {
    cache.addOrUpdatePod(pod);
  }
  return cache;
}

/** The cycle context of scheduling `pod` against `snapshot`. */
export function cycleOf(pod: Pod, snapshot: SchedulerCache): CycleContext {
  return { pod, podInfo: podInfoOf(pod), state: new CycleState(), snapshot };
}

/** The node `name` of `snapshot` (throws when absent). */
export function nodeInfo(snapshot: SchedulerCache, name: string): NodeInfo {
  const found = snapshot.get(name);
  if (found === undefined) {
    throw new Error(`no node ${name}`);
  }
  return found;
}
