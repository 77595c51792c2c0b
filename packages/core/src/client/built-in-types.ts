/**
 * The built-in resource types, typed by their kinds' codecs, for the `Client`:
 * `client.get(Pods, { namespace: 'default', name: 'web' })`.
 *
 * Each constant is named after its resource's plural in PascalCase; the two whose
 * name another export already has end in `Type` ({@link EndpointsType},
 * {@link CustomResourceDefinitionsType}). `Binding`, `Scale` and the access reviews
 * are not here: they are create-only or subresources (see `Client.getScale`).
 *
 * @module
 */
import {
  ClusterRole,
  ClusterRoleBinding,
  ConfigMap,
  CustomResourceDefinition,
  Deployment,
  EndpointSlice,
  Endpoints,
  Event,
  Lease,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  Role,
  RoleBinding,
  Secret,
  Service,
  ServiceAccount,
} from '../api/kinds/index.js';
import { resourceType, type ResourceType } from './resource-type.js';

/**
 * Core `v1` Pods (namespaced), with the `status` subresource (and `binding`, which this
 * client does not call).
 */
export const Pods: ResourceType<Pod> = resourceType({
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  namespaced: true,
  codec: Pod,
});

/**
 * Core `v1` Nodes (cluster-scoped), with the `status` subresource.
 */
export const Nodes: ResourceType<Node> = resourceType({
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  namespaced: false,
  codec: Node,
});

/**
 * Core `v1` Namespaces (cluster-scoped), with the `status` subresource.
 */
export const Namespaces: ResourceType<Namespace> = resourceType({
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  namespaced: false,
  codec: Namespace,
});

/**
 * Core `v1` Services (namespaced), with the `status` subresource.
 */
export const Services: ResourceType<Service> = resourceType({
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  namespaced: true,
  codec: Service,
});

/**
 * Core `v1` Endpoints (namespaced). Named `EndpointsType` because `Endpoints` is
 * already the codec of its objects (the plural is the kind).
 */
export const EndpointsType: ResourceType<Endpoints> = resourceType({
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  namespaced: true,
  codec: Endpoints,
});

/**
 * Core `v1` ConfigMaps (namespaced).
 */
export const ConfigMaps: ResourceType<ConfigMap> = resourceType({
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  namespaced: true,
  codec: ConfigMap,
});

/**
 * Core `v1` Secrets (namespaced).
 */
export const Secrets: ResourceType<Secret> = resourceType({
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  namespaced: true,
  codec: Secret,
});

/**
 * Core `v1` Events (namespaced).
 */
export const Events: ResourceType<Event> = resourceType({
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  namespaced: true,
  codec: Event,
});

/**
 * Core `v1` ServiceAccounts (namespaced).
 */
export const ServiceAccounts: ResourceType<ServiceAccount> = resourceType({
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  namespaced: true,
  codec: ServiceAccount,
});

/**
 * `apps/v1` Deployments (namespaced), with the `status` and `scale` subresources.
 */
export const Deployments: ResourceType<Deployment> = resourceType({
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  namespaced: true,
  codec: Deployment,
});

/**
 * `apps/v1` ReplicaSets (namespaced), with the `status` and `scale` subresources.
 */
export const ReplicaSets: ResourceType<ReplicaSet> = resourceType({
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  plural: 'replicasets',
  namespaced: true,
  codec: ReplicaSet,
});

/**
 * `discovery.k8s.io/v1` EndpointSlices (namespaced).
 */
export const EndpointSlices: ResourceType<EndpointSlice> = resourceType({
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  namespaced: true,
  codec: EndpointSlice,
});

/**
 * `coordination.k8s.io/v1` Leases (namespaced): node heartbeats and leader election.
 */
export const Leases: ResourceType<Lease> = resourceType({
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
  namespaced: true,
  codec: Lease,
});

/**
 * `rbac.authorization.k8s.io/v1` Roles (namespaced).
 */
export const Roles: ResourceType<Role> = resourceType({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'Role',
  plural: 'roles',
  namespaced: true,
  codec: Role,
});

/**
 * `rbac.authorization.k8s.io/v1` ClusterRoles (cluster-scoped).
 */
export const ClusterRoles: ResourceType<ClusterRole> = resourceType({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRole',
  plural: 'clusterroles',
  namespaced: false,
  codec: ClusterRole,
});

/**
 * `rbac.authorization.k8s.io/v1` RoleBindings (namespaced).
 */
export const RoleBindings: ResourceType<RoleBinding> = resourceType({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'RoleBinding',
  plural: 'rolebindings',
  namespaced: true,
  codec: RoleBinding,
});

/**
 * `rbac.authorization.k8s.io/v1` ClusterRoleBindings (cluster-scoped).
 */
export const ClusterRoleBindings: ResourceType<ClusterRoleBinding> = resourceType({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRoleBinding',
  plural: 'clusterrolebindings',
  namespaced: false,
  codec: ClusterRoleBinding,
});

/**
 * `apiextensions.k8s.io/v1` CustomResourceDefinitions (cluster-scoped), with the
 * `status` subresource. Named `CustomResourceDefinitionsType` because the apiserver
 * already exports a `CustomResourceDefinitions` (its CRD controller).
 */
export const CustomResourceDefinitionsType: ResourceType<CustomResourceDefinition> = resourceType({
  group: 'apiextensions.k8s.io',
  version: 'v1',
  kind: 'CustomResourceDefinition',
  plural: 'customresourcedefinitions',
  namespaced: false,
  codec: CustomResourceDefinition,
});
