/**
 * The simpler kinds of the core API group, version `v1` (`apiVersion: v1`), as codecs:
 * each is the TypeScript type (`t.TypeOf`), the decoder (`decodeObject`) and, with
 * `toOpenAPISchema`, the OpenAPI schema, with upstream's field names, optionality and
 * (shortened) descriptions.
 *
 * - {@link Namespace}, {@link ConfigMap}, {@link Secret}, {@link ServiceAccount} and
 *   {@link Event}, each with its `<Kind>List`;
 * - {@link Pod} and {@link Node}, each with its `<Kind>List`, and their parts:
 *   {@link PodSpec} ({@link Container}, {@link Probe}, {@link Volume}, {@link Affinity},
 *   {@link Toleration}, {@link TopologySpreadConstraint}), {@link PodStatus}
 *   ({@link ContainerStatus}), {@link NodeSpec} ({@link Taint}) and {@link NodeStatus};
 * - {@link Service}, {@link Endpoints} and {@link PodTemplateSpec} (the pod template of
 *   workloads);
 * - {@link Binding}, create-only, without a list;
 * - {@link ObjectReference} and {@link LocalObjectReference}, shared with other kinds.
 *
 * @module
 */
export {
  Affinity,
  MetaV1LabelSelector,
  MetaV1LabelSelectorRequirement,
  NodeAffinity,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  PodAffinity,
  PodAffinityTerm,
  PodAntiAffinity,
  PreferredSchedulingTerm,
  TopologySpreadConstraint,
  WeightedPodAffinityTerm,
} from './affinity.js';
export { Binding } from './binding.js';
export { ConfigMap, ConfigMapList } from './config-map.js';
export {
  ConfigMapKeySelector,
  Container,
  ContainerPort,
  ContainerState,
  ContainerStateRunning,
  ContainerStateTerminated,
  ContainerStateWaiting,
  ContainerStatus,
  EnvFromSource,
  EnvVar,
  EnvVarSource,
  ObjectFieldSelector,
  ResourceFieldSelector,
  ResourceRequirements,
  SecretKeySelector,
  VolumeMount,
  VolumeMountStatus,
} from './container.js';
export {
  EndpointAddress,
  EndpointPort,
  Endpoints,
  EndpointsList,
  EndpointSubset,
} from './endpoints.js';
export { Event, EventList, EventSeries, EventSource } from './event.js';
export {
  Namespace,
  NamespaceCondition,
  NamespaceList,
  NamespaceSpec,
  NamespaceStatus,
} from './namespace.js';
export {
  ContainerImage,
  DaemonEndpoint,
  Node,
  NodeAddress,
  NodeCondition,
  NodeDaemonEndpoints,
  NodeList,
  NodeSpec,
  NodeStatus,
  NodeSystemInfo,
} from './node.js';
export { LocalObjectReference, ObjectReference } from './object-reference.js';
export {
  HostIP,
  Pod,
  PodCondition,
  PodIP,
  PodList,
  PodSpec,
  PodStatus,
  Volume,
  type VolumeSourceName,
} from './pod.js';
export {
  ExecAction,
  GRPCAction,
  HTTPGetAction,
  HTTPHeader,
  Probe,
  TCPSocketAction,
} from './probe.js';
export { PodTemplateSpec } from './pod-template.js';
export { Secret, SecretList } from './secret.js';
export {
  LoadBalancerIngress,
  LoadBalancerStatus,
  PortStatus,
  Service,
  ServiceList,
  ServicePort,
  ServiceSpec,
  ServiceStatus,
  SessionAffinityConfig,
} from './service.js';
export { ServiceAccount, ServiceAccountList } from './service-account.js';
export { Taint, Toleration } from './toleration.js';
