/**
 * The RBAC objects a new cluster starts with (upstream's bootstrap policy, the
 * essentials): `cluster-admin` for `system:masters`, self-reviews for every
 * authenticated user, discovery for everyone, and the user-facing `view`, `edit` and
 * `admin` roles.
 *
 * @module
 */
import type { ApiObject } from '../api-object.js';

const RBAC = 'rbac.authorization.k8s.io';

/** Read-only access to the namespaced workloads and their configuration (not secrets). */
const VIEWABLE = [
  {
    apiGroups: [''],
    resources: [
      'pods',
      'pods/status',
      'services',
      'endpoints',
      'configmaps',
      'serviceaccounts',
      'events',
      'persistentvolumeclaims',
      'replicationcontrollers',
      'namespaces',
      'namespaces/status',
      'pods/log',
      'resourcequotas',
      'limitranges',
    ],
    verbs: ['get', 'list', 'watch'],
  },
  {
    apiGroups: ['apps'],
    resources: [
      'deployments',
      'deployments/scale',
      'deployments/status',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'statefulsets',
      'daemonsets',
    ],
    verbs: ['get', 'list', 'watch'],
  },
  {
    apiGroups: ['discovery.k8s.io'],
    resources: ['endpointslices'],
    verbs: ['get', 'list', 'watch'],
  },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'list', 'watch'] },
];

const WRITE_VERBS = ['create', 'delete', 'deletecollection', 'patch', 'update'];

/** Write access on top of `view`, secrets included. */
const EDITABLE = [
  {
    apiGroups: [''],
    resources: [
      'pods',
      'services',
      'endpoints',
      'configmaps',
      'secrets',
      'serviceaccounts',
      'persistentvolumeclaims',
      'replicationcontrollers',
    ],
    verbs: WRITE_VERBS,
  },
  { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] },
  {
    apiGroups: ['apps'],
    resources: [
      'deployments',
      'deployments/scale',
      'replicasets',
      'replicasets/scale',
      'statefulsets',
      'daemonsets',
    ],
    verbs: WRITE_VERBS,
  },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: WRITE_VERBS },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: WRITE_VERBS },
];

function clusterRole(
  name: string,
  rules: readonly unknown[],
  labels?: Record<string, string>,
): ApiObject {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'ClusterRole',
    metadata: { name, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults', ...labels } },
    rules,
  };
}

function clusterRoleBinding(name: string, role: string, groups: readonly string[]): ApiObject {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: { name, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: role },
    subjects: groups.map((group) => ({ apiGroup: RBAC, kind: 'Group', name: group })),
  };
}

/** The bootstrap ClusterRoles and ClusterRoleBindings, in creation order. */
export const BOOTSTRAP_POLICY: readonly ApiObject[] = Object.freeze([
  clusterRole('cluster-admin', [
    { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
    { nonResourceURLs: ['*'], verbs: ['*'] },
  ]),
  clusterRole('system:basic-user', [
    {
      apiGroups: ['authorization.k8s.io'],
      resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
      verbs: ['create'],
    },
  ]),
  clusterRole('system:discovery', [
    {
      nonResourceURLs: [
        '/api',
        '/api/*',
        '/apis',
        '/apis/*',
        '/healthz',
        '/livez',
        '/openapi',
        '/openapi/*',
        '/readyz',
        '/version',
        '/version/',
      ],
      verbs: ['get'],
    },
  ]),
  clusterRole('view', VIEWABLE, { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }),
  clusterRole('edit', [...VIEWABLE, ...EDITABLE], {
    'rbac.authorization.k8s.io/aggregate-to-admin': 'true',
  }),
  clusterRole('admin', [
    ...VIEWABLE,
    ...EDITABLE,
    {
      apiGroups: [RBAC],
      resources: ['roles', 'rolebindings'],
      verbs: ['get', 'list', 'watch', ...WRITE_VERBS],
    },
  ]),
  clusterRoleBinding('cluster-admin', 'cluster-admin', ['system:masters']),
  clusterRoleBinding('system:basic-user', 'system:basic-user', ['system:authenticated']),
  clusterRoleBinding('system:discovery', 'system:discovery', [
    'system:authenticated',
    'system:unauthenticated',
  ]),
]);
