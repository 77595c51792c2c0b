/**
 * A small world for scheduler plugin tests: frozen pods and nodes, the scheduler's
 * NodeInfo / PodInfo / ClusterSnapshot shapes (requests all zero: these plugins do
 * not read them), and a driver that runs one plugin through one scheduling cycle.
 */
import type { Node, Pod, Taint } from '../../../../src/api/kinds/index.js';
import {
  CycleState,
  type ClusterSnapshot,
  type CycleContext,
  type NodeInfo,
  type NodeScore,
  type PluginStatus,
  type PodInfo,
  type PreFilterResult,
  type ResourceAmounts,
  type SchedulerPlugin,
} from '../../../../src/scheduler/framework/index.js';

type PodSpec = NonNullable<Pod['spec']>;

const ZERO: ResourceAmounts = Object.freeze({
  milliCpu: 0,
  memory: 0,
  ephemeralStorage: 0,
  pods: 0,
  scalar: new Map<string, number>(),
});

/** A frozen pod (deeply, as the scheduler's informer hands them out). */
export function makePod(args: {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly spec?: Partial<PodSpec>;
  readonly terminating?: boolean;
  readonly controlled?: boolean;
}): Pod {
  return deepFreeze({
    metadata: {
      name: args.name,
      namespace: args.namespace ?? 'default',
      ...(args.labels === undefined ? {} : { labels: { ...args.labels } }),
      ...(args.terminating === true ? { deletionTimestamp: '2024-01-01T00:00:00Z' } : {}),
      ...(args.controlled === true
        ? {
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: 'ReplicaSet',
                name: 'rs',
                uid: 'rs-uid',
                controller: true,
              },
            ],
          }
        : {}),
    },
    spec: { containers: [{ name: 'app', image: 'app' }], ...args.spec },
  });
}

/** A node: its labels always include `kubernetes.io/hostname: <name>` unless `bare`. */
export interface NodeSpec {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: readonly Taint[];
  readonly pods?: readonly Pod[];
  readonly bare?: boolean;
}

/** The scheduler's view of a pod. */
export function makePodInfo(pod: Pod): PodInfo {
  const affinity = pod.spec?.affinity;
  const hasRequiredAntiAffinity =
    (affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
  const hasAffinity =
    hasRequiredAntiAffinity ||
    (affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length > 0 ||
    (affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0 ||
    (affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
  return Object.freeze({
    pod,
    key: `${pod.metadata?.namespace}/${pod.metadata?.name}`,
    requests: ZERO,
    nonZeroRequests: { milliCpu: 0, memory: 0 },
    hasAffinity,
    hasRequiredAntiAffinity,
  });
}

/** The scheduler's view of a node and its pods. */
export function makeNodeInfo(spec: NodeSpec, generation = 1): NodeInfo {
  const labels = {
    ...(spec.bare === true ? {} : { 'kubernetes.io/hostname': spec.name }),
    ...spec.labels,
  };
  const node: Node = deepFreeze({
    metadata: { name: spec.name, labels },
    spec: spec.taints === undefined ? {} : { taints: [...spec.taints] },
  });
  const pods = (spec.pods ?? []).map(makePodInfo);
  return Object.freeze({
    name: spec.name,
    node,
    labels: node.metadata?.labels ?? {},
    pods,
    podsWithAffinity: pods.filter((pod) => pod.hasAffinity),
    podsWithRequiredAntiAffinity: pods.filter((pod) => pod.hasRequiredAntiAffinity),
    allocatable: ZERO,
    requested: ZERO,
    nonZeroRequested: { milliCpu: 0, memory: 0 },
    generation,
  });
}

/** A snapshot of `nodes`, in that order. */
export function makeSnapshot(nodes: readonly (NodeSpec | NodeInfo)[]): ClusterSnapshot {
  const infos = nodes.map((node) => ('generation' in node ? node : makeNodeInfo(node)));
  const byName = new Map(infos.map((info) => [info.name, info]));
  return {
    nodes: infos,
    get: (name) => byName.get(name),
    nodesWithPodsWithAffinity: infos.filter((info) => info.podsWithAffinity.length > 0),
    nodesWithPodsWithRequiredAntiAffinity: infos.filter(
      (info) => info.podsWithRequiredAntiAffinity.length > 0,
    ),
  };
}

/** What one plugin answered in one cycle. */
export interface CycleOutcome {
  readonly preFilter: PreFilterResult;
  /** Filter's answer per node (`undefined`: fits); empty when PreFilter failed. */
  readonly filter: ReadonlyMap<string, PluginStatus | undefined>;
  /** The nodes that passed, in snapshot order. */
  readonly feasible: readonly string[];
  readonly preScore: PluginStatus | undefined;
  /** Normalized scores of the feasible nodes; empty when PreScore skipped or failed. */
  readonly scores: ReadonlyMap<string, number>;
}

/** Runs `plugin` through one cycle for `pod`, as the scheduler would. */
export function runCycle(
  plugin: SchedulerPlugin,
  pod: Pod,
  snapshot: ClusterSnapshot,
): CycleOutcome {
  const cycle: CycleContext = { pod, podInfo: makePodInfo(pod), state: new CycleState(), snapshot };
  const preFilter = plugin.preFilter?.(cycle);
  const skipFilter = preFilter !== undefined && 'code' in preFilter && preFilter.code === 'Skip';
  const failed = preFilter !== undefined && 'code' in preFilter && !skipFilter;
  const filter = new Map<string, PluginStatus | undefined>();
  if (!failed) {
    for (const node of snapshot.nodes) {
      filter.set(node.name, skipFilter ? undefined : plugin.filter?.(cycle, node));
    }
  }
  const feasibleNodes = snapshot.nodes.filter(
    (node) => filter.has(node.name) && filter.get(node.name) === undefined,
  );
  const preScore = plugin.preScore?.(cycle, feasibleNodes);
  const scores = new Map<string, number>();
  if (preScore === undefined && plugin.score !== undefined) {
    const list: NodeScore[] = feasibleNodes.map((node) => ({
      name: node.name,
      score: plugin.score?.(cycle, node) ?? 0,
    }));
    plugin.normalizeScores?.(cycle, list);
    for (const entry of list) {
      scores.set(entry.name, entry.score);
    }
  }
  return {
    preFilter,
    filter,
    feasible: feasibleNodes.map((node) => node.name),
    preScore,
    scores,
  };
}

/** The raw (un-normalized) scores of `nodes` after PreScore, for score-formula tests. */
export function rawScores(
  plugin: SchedulerPlugin,
  pod: Pod,
  snapshot: ClusterSnapshot,
): ReadonlyMap<string, number> {
  const cycle: CycleContext = { pod, podInfo: makePodInfo(pod), state: new CycleState(), snapshot };
  plugin.preFilter?.(cycle);
  plugin.preScore?.(cycle, snapshot.nodes);
  return new Map(snapshot.nodes.map((node) => [node.name, plugin.score?.(cycle, node) ?? 0]));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
  }
  return value;
}
