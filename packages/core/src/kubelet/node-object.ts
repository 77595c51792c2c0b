/**
 * The Node a kubelet registers: its labels, spec and status as the kubelet reports them.
 *
 * @module
 */
import type { Node, NodeCondition, NodeStatus, Taint } from '../api/kinds/index.js';
import { formatTime } from '../apiserver/index.js';

/** The kubelet version drydock's kubelet reports (`status.nodeInfo.kubeletVersion`). */
export const KUBELET_VERSION = 'v1.36.0-drydock';

/** The kubelet's port, as `status.daemonEndpoints.kubeletEndpoint.Port`. */
export const KUBELET_PORT = 10250;

/** The capacity of a node unless told otherwise: 4 cpu, 16Gi memory, 110 pods, 100Gi storage. */
export const DEFAULT_NODE_CAPACITY: Readonly<Record<string, string>> = Object.freeze({
  cpu: '4',
  memory: '16Gi',
  pods: '110',
  'ephemeral-storage': '100Gi',
});

/** Everything a kubelet says about its node. */
export interface NodeDescription {
  readonly nodeName: string;
  readonly capacity: Readonly<Record<string, string>>;
  readonly allocatable: Readonly<Record<string, string>>;
  /** The labels, the kubelet's own (`kubernetes.io/hostname`...) included. */
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
  readonly podCIDR?: string;
  readonly internalIP: string;
  readonly runtimeName: string;
  readonly runtimeVersion: string;
}

/**
 * The labels a kubelet puts on its node: `kubernetes.io/hostname`, `kubernetes.io/os`
 * (`linux`) and `kubernetes.io/arch` (`amd64`), under the given ones (which win).
 */
export function nodeLabels(
  nodeName: string,
  labels: Readonly<Record<string, string>> | undefined,
): Readonly<Record<string, string>> {
  return {
    'kubernetes.io/hostname': nodeName,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'beta.kubernetes.io/arch': 'amd64',
    ...labels,
  };
}

/** A condition the kubelet reports, before its times are set. */
type ReportedCondition = Omit<NodeCondition, 'lastHeartbeatTime' | 'lastTransitionTime'>;

/** The conditions of a healthy node, with upstream's reasons and messages. */
const HEALTHY_CONDITIONS: readonly ReportedCondition[] = [
  {
    type: 'MemoryPressure',
    status: 'False',
    reason: 'KubeletHasSufficientMemory',
    message: 'kubelet has sufficient memory available',
  },
  {
    type: 'DiskPressure',
    status: 'False',
    reason: 'KubeletHasNoDiskPressure',
    message: 'kubelet has no disk pressure',
  },
  {
    type: 'PIDPressure',
    status: 'False',
    reason: 'KubeletHasSufficientPID',
    message: 'kubelet has sufficient PID available',
  },
  {
    type: 'Ready',
    status: 'True',
    reason: 'KubeletReady',
    message: 'kubelet is posting ready status',
  },
];

/**
 * The node status a kubelet reports at `now`: capacity, allocatable, the conditions of
 * a healthy node (`Ready=True`, no pressure) with `lastHeartbeatTime` now, addresses
 * (`InternalIP`, `Hostname`), `daemonEndpoints` and `nodeInfo`.
 *
 * Guarantees: a condition's `lastTransitionTime` is kept from `previous` when its
 * status did not change, else it is `now`.
 */
export function nodeStatus(
  description: NodeDescription,
  now: number,
  previous?: NodeStatus,
): NodeStatus {
  const time = formatTime(now);
  const conditions = HEALTHY_CONDITIONS.map((condition): NodeCondition => {
    const before = previous?.conditions?.find((existing) => existing.type === condition.type);
    const lastTransitionTime =
      before !== undefined && before.status === condition.status && before.lastTransitionTime
        ? before.lastTransitionTime
        : time;
    return { ...condition, lastHeartbeatTime: time, lastTransitionTime };
  });
  return {
    capacity: description.capacity,
    allocatable: description.allocatable,
    conditions,
    addresses: [
      { type: 'InternalIP', address: description.internalIP },
      { type: 'Hostname', address: description.nodeName },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: KUBELET_PORT } },
    nodeInfo: {
      machineID: machineIdOf(description.nodeName),
      systemUUID: machineIdOf(description.nodeName),
      bootID: machineIdOf(`${description.nodeName}/boot`),
      kernelVersion: '6.8.0-drydock',
      osImage: 'drydock simulated node',
      containerRuntimeVersion: `${description.runtimeName}://${description.runtimeVersion}`,
      kubeletVersion: KUBELET_VERSION,
      kubeProxyVersion: '',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
  };
}

/** The Node a kubelet registers at `now`: name, labels, podCIDR(s), taints and status. */
export function nodeObject(description: NodeDescription, now: number): Node {
  const podCIDR = description.podCIDR;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: description.nodeName, labels: description.labels },
    spec: {
      ...(podCIDR === undefined ? {} : { podCIDR, podCIDRs: [podCIDR] }),
      ...(description.taints.length === 0 ? {} : { taints: [...description.taints] }),
    },
    status: nodeStatus(description, now),
  };
}

/**
 * Whether two reported statuses differ in more than their heartbeat times (upstream's
 * `nodeStatusHasChanged`).
 */
export function nodeStatusChanged(before: NodeStatus | undefined, after: NodeStatus): boolean {
  if (before === undefined) {
    return true;
  }
  const withoutHeartbeats = (status: NodeStatus): string =>
    JSON.stringify({
      ...status,
      conditions: status.conditions?.map((condition) => ({
        ...condition,
        lastHeartbeatTime: undefined,
      })),
    });
  return withoutHeartbeats(before) !== withoutHeartbeats(after);
}

/**
 * A stable, machine-id-like hex string for a node (32 hex digits), so that a node
 * re-registered under the same name reports the same ids.
 */
function machineIdOf(seed: string): string {
  let parts = '';
  for (let round = 0; round < 4; round++) {
    let hash = 2166136261 ^ round;
    for (let index = 0; index < seed.length; index++) {
      hash = Math.imul(hash ^ seed.charCodeAt(index), 16777619);
    }
    parts += (hash >>> 0).toString(16).padStart(8, '0');
  }
  return parts;
}

/**
 * A node address for `nodeName` when none is given: a stable address in
 * `172.16.0.0/12` derived from the name.
 */
export function defaultInternalIP(nodeName: string): string {
  const id = Number.parseInt(machineIdOf(nodeName).slice(0, 8), 16);
  return `172.${16 + (id % 16)}.${(id >>> 4) % 256}.${1 + ((id >>> 12) % 254)}`;
}
