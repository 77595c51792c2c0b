/**
 * `corev1.Node`: a worker machine, with its spec (pod CIDRs, taints) and the status
 * its kubelet reports (capacity, conditions, addresses, system info).
 *
 * @module
 */
import * as t from 'io-ts';
import { DateTime, Int32, Int64, QuantityCodec, withSchema } from '../../codec/index.js';
import { ObjectMeta } from '../../meta/index.js';
import { listOf, typeMetaOf } from '../kind-codec.js';
import { Taint } from './toleration.js';

/**
 * The codec of `corev1.NodeSpec`: every field optional, as upstream.
 *
 * Caveats: the deprecated `configSource` and `externalID` are not modelled.
 */
export const NodeSpec = withSchema(
  t.partial({
    podCIDR: withSchema(t.string, {
      description: 'PodCIDR represents the pod IP range assigned to the node.',
    }),
    podCIDRs: withSchema(t.array(t.string), {
      description: 'The IP ranges assigned to the node for pods; podCIDR first.',
      'x-kubernetes-list-type': 'set',
    }),
    providerID: withSchema(t.string, {
      description:
        'ID of the node assigned by the cloud provider: <ProviderName>://<ProviderSpecificNodeID>.',
    }),
    unschedulable: withSchema(t.boolean, {
      description: 'Unschedulable controls node schedulability of new pods; defaults to false.',
    }),
    taints: withSchema(t.array(Taint), {
      description: "If specified, the node's taints.",
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  { description: 'NodeSpec describes the attributes that a node is created with.' },
  'NodeSpec',
);

/** A node's spec, as {@link NodeSpec} decodes it. */
export type NodeSpec = t.TypeOf<typeof NodeSpec>;

// A metav1.Time that is not a pointer: Go writes its zero value as null.
const nullableTime = t.union([DateTime, t.null]);

/**
 * The codec of `corev1.NodeCondition`: `type` and `status` are required, the rest
 * optional. `type` is a string (`Ready`, `MemoryPressure`, `DiskPressure`,
 * `PIDPressure`, `NetworkUnavailable`, and node problem detectors' own); `status` is
 * `True`, `False` or `Unknown`; both times also accept `null`.
 */
export const NodeCondition = withSchema(
  t.intersection([
    t.type({
      type: withSchema(t.string, { description: 'Type of node condition.' }),
      status: withSchema(t.keyof({ True: null, False: null, Unknown: null }), {
        description: 'Status of the condition, one of True, False, Unknown.',
      }),
    }),
    t.partial({
      lastHeartbeatTime: withSchema(nullableTime, {
        description: 'Last time we got an update on a given condition.',
      }),
      lastTransitionTime: withSchema(nullableTime, {
        description: 'Last time the condition transit from one status to another.',
      }),
      reason: withSchema(t.string, {
        description: "(brief) reason for the condition's last transition.",
      }),
      message: withSchema(t.string, {
        description: 'Human readable message indicating details about last transition.',
      }),
    }),
  ]),
  { description: 'NodeCondition contains condition information for a node.' },
  'NodeCondition',
);

/** A node's condition, as {@link NodeCondition} decodes it. */
export type NodeCondition = t.TypeOf<typeof NodeCondition>;

/**
 * The codec of `corev1.NodeAddress`: `type` (`Hostname`, `InternalIP`, `ExternalIP`,
 * `InternalDNS`, `ExternalDNS`, as a string) and `address`, both required.
 */
export const NodeAddress = withSchema(
  t.type({
    type: withSchema(t.string, {
      description: 'Node address type, one of Hostname, ExternalIP or InternalIP.',
    }),
    address: withSchema(t.string, { description: 'The node address.' }),
  }),
  { description: "NodeAddress contains information for the node's address." },
  'NodeAddress',
);

/** A node's address, as {@link NodeAddress} decodes it. */
export type NodeAddress = t.TypeOf<typeof NodeAddress>;

/** The codec of `corev1.DaemonEndpoint`: its `Port` (capitalised, as upstream; required). */
export const DaemonEndpoint = withSchema(
  t.type({ Port: withSchema(Int32, { description: 'Port number of the given endpoint.' }) }),
  { description: 'DaemonEndpoint contains information about a single Daemon endpoint.' },
  'DaemonEndpoint',
);

/** A daemon endpoint, as {@link DaemonEndpoint} decodes it. */
export type DaemonEndpoint = t.TypeOf<typeof DaemonEndpoint>;

/** The codec of `corev1.NodeDaemonEndpoints`: the `kubeletEndpoint` (optional). */
export const NodeDaemonEndpoints = withSchema(
  t.partial({
    kubeletEndpoint: withSchema(DaemonEndpoint, {
      description: 'Endpoint on which Kubelet is listening.',
    }),
  }),
  { description: 'NodeDaemonEndpoints lists ports opened by daemons running on the Node.' },
  'NodeDaemonEndpoints',
);

/** A node's daemon endpoints, as {@link NodeDaemonEndpoints} decodes them. */
export type NodeDaemonEndpoints = t.TypeOf<typeof NodeDaemonEndpoints>;

/**
 * The codec of `corev1.NodeSystemInfo`: its ten identity and version strings, all
 * required, as upstream. (The newer optional `swap` is not modelled.)
 */
export const NodeSystemInfo = withSchema(
  t.type({
    machineID: withSchema(t.string, { description: 'MachineID reported by the node.' }),
    systemUUID: withSchema(t.string, { description: 'SystemUUID reported by the node.' }),
    bootID: withSchema(t.string, { description: 'Boot ID reported by the node.' }),
    kernelVersion: withSchema(t.string, {
      description: "Kernel Version reported by the node from 'uname -r'.",
    }),
    osImage: withSchema(t.string, {
      description: 'OS Image reported by the node from /etc/os-release.',
    }),
    containerRuntimeVersion: withSchema(t.string, {
      description: 'ContainerRuntime Version reported by the node through runtime remote API.',
    }),
    kubeletVersion: withSchema(t.string, { description: 'Kubelet Version reported by the node.' }),
    kubeProxyVersion: withSchema(t.string, {
      description: 'Deprecated: KubeProxy Version reported by the node.',
    }),
    operatingSystem: withSchema(t.string, {
      description: 'The Operating System reported by the node.',
    }),
    architecture: withSchema(t.string, { description: 'The Architecture reported by the node.' }),
  }),
  { description: 'NodeSystemInfo is a set of ids/uuids to uniquely identify the node.' },
  'NodeSystemInfo',
);

/** A node's system info, as {@link NodeSystemInfo} decodes it. */
export type NodeSystemInfo = t.TypeOf<typeof NodeSystemInfo>;

/** The codec of `corev1.ContainerImage`: its `names` and `sizeBytes` (an int64), both optional. */
export const ContainerImage = withSchema(
  t.partial({
    names: withSchema(t.array(t.string), {
      description: 'Names by which this image is known.',
      'x-kubernetes-list-type': 'atomic',
    }),
    sizeBytes: withSchema(Int64, { description: 'The size of the image in bytes.' }),
  }),
  { description: 'Describe a container image.' },
  'ContainerImage',
);

/** A container image on a node, as {@link ContainerImage} decodes it. */
export type ContainerImage = t.TypeOf<typeof ContainerImage>;

// A map of resource names (cpu, memory, pods...) to quantities.
const resourceList = t.record(t.string, QuantityCodec);

/**
 * The codec of `corev1.NodeStatus`: every field optional, as upstream. `capacity` and
 * `allocatable` map resource names to quantities; `phase` (deprecated) is `Pending`,
 * `Running` or `Terminated`.
 *
 * Caveats: `volumesInUse`, `volumesAttached`, `config`, `runtimeHandlers` and
 * `features` are not modelled yet: strict decoding reports them as unknown fields.
 */
export const NodeStatus = withSchema(
  t.partial({
    capacity: withSchema(resourceList, {
      description: 'Capacity represents the total resources of a node.',
    }),
    allocatable: withSchema(resourceList, {
      description:
        'Allocatable represents the resources of a node that are available for scheduling.',
    }),
    phase: withSchema(t.keyof({ Pending: null, Running: null, Terminated: null }), {
      description: 'NodePhase is the recently observed lifecycle phase of the node (deprecated).',
    }),
    conditions: withSchema(t.array(NodeCondition), {
      description: 'Conditions is an array of current observed node conditions.',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['type'],
    }),
    addresses: withSchema(t.array(NodeAddress), {
      description: 'List of addresses reachable to the node.',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['type'],
    }),
    daemonEndpoints: withSchema(NodeDaemonEndpoints, {
      description: 'Endpoints of daemons running on the Node.',
    }),
    nodeInfo: withSchema(NodeSystemInfo, {
      description: 'Set of ids/uuids to uniquely identify the node.',
    }),
    images: withSchema(t.array(ContainerImage), {
      description: 'List of container images on this node.',
      'x-kubernetes-list-type': 'atomic',
    }),
  }),
  { description: 'NodeStatus is information about the current status of a node.' },
  'NodeStatus',
);

/** A node's status, as {@link NodeStatus} decodes it. */
export type NodeStatus = t.TypeOf<typeof NodeStatus>;

/**
 * The codec of `corev1.Node` (`v1`, cluster-scoped): `metadata`, `spec` and `status`,
 * all optional. `apiVersion` and `kind` are the literals `v1` and `Node`, optional in
 * request bodies.
 */
export const Node = withSchema(
  t.partial({
    ...typeMetaOf('v1', 'Node'),
    metadata: ObjectMeta,
    spec: withSchema(NodeSpec, { description: 'Spec defines the behavior of a node.' }),
    status: withSchema(NodeStatus, {
      description: 'Most recently observed status of the node; read-only.',
    }),
  }),
  {
    description:
      'Node is a worker node in Kubernetes, with a unique identifier in the cache (i.e. in etcd).',
  },
  'Node',
);

/** A node, as {@link Node} decodes it. */
export type Node = t.TypeOf<typeof Node>;

/** The codec of `corev1.NodeList`. */
export const NodeList = listOf({
  apiVersion: 'v1',
  kind: 'NodeList',
  item: Node,
  description: 'NodeList is the whole list of all Nodes which have been registered with master.',
});

/** A list of nodes, as {@link NodeList} decodes it. */
export type NodeList = t.TypeOf<typeof NodeList>;
