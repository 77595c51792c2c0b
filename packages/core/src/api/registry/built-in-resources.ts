/**
 * The built-in resources drydock serves, with upstream's names, short names,
 * categories, scope, verbs, subresources and selectable fields (the field sets of
 * `pkg/registry/<group>/<resource>/strategy.go`), and a registry preloaded with them.
 *
 * `autoscaling/v1 Scale` is not among them: it is the kind of the `scale`
 * subresources, not a resource of its own.
 *
 * @module
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { FieldAccessors } from '../selectors/index.js';
import {
  defineResource,
  type ResourceDefinition,
  type ResourceDefinitionInput,
  type ResourceVerb,
} from './resource-definition.js';
import { ResourceRegistry } from './resource-registry.js';
import {
  booleanFieldGetter,
  integerFieldGetter,
  stringFieldGetter,
  valueAtPath,
  type FieldGetter,
} from './selectable-field-getters.js';

// ---------------------------------------------------------------------------
// selectable fields
// ---------------------------------------------------------------------------

function stringFields(...paths: string[]): Record<string, FieldGetter> {
  return Object.fromEntries(paths.map((path) => [path, stringFieldGetter(path)]));
}

/**
 * `status.podIP` is the first of `status.podIPs` (upstream reads `PodIPs[0]`), or the
 * singular `status.podIP` for objects written before `podIPs` existed.
 */
const podIP: FieldGetter = (pod) => {
  const podIPs = valueAtPath(pod, 'status.podIPs');
  const first: unknown = Array.isArray(podIPs) ? podIPs[0] : undefined;
  const ip = valueAtPath(first, 'ip');
  return typeof ip === 'string' ? ip : stringFieldGetter('status.podIP')(pod);
};

/** `PodToSelectableFields`. */
const podFields: FieldAccessors<unknown> = {
  ...stringFields(
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'status.phase',
    'status.nominatedNodeName',
  ),
  'spec.hostNetwork': booleanFieldGetter('spec.hostNetwork'),
  'status.podIP': podIP,
};

/** `source` is `source.component`, or `reportingComponent` when that is empty. */
const eventSource: FieldGetter = (event) => {
  const component = stringFieldGetter('source.component')(event);
  return component === undefined || component === ''
    ? stringFieldGetter('reportingComponent')(event)
    : component;
};

/** The event strategy's `ToSelectableFields`. */
const eventFields: FieldAccessors<unknown> = {
  ...stringFields(
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'type',
  ),
  source: eventSource,
};

// ---------------------------------------------------------------------------
// resources
// ---------------------------------------------------------------------------

const CREATE_ONLY: readonly ResourceVerb[] = ['create'];
const ALL = ['all'];

function core(input: Omit<ResourceDefinitionInput, 'group' | 'version'>): ResourceDefinition {
  return defineResource({ group: '', version: 'v1', ...input });
}

const replicasScale = {
  specReplicasPath: '.spec.replicas',
  statusReplicasPath: '.status.replicas',
  labelSelectorPath: '.spec.selector',
} as const;

/**
 * The built-in resources, in the order discovery lists them: core `v1` first, then
 * `apps/v1`, `discovery.k8s.io/v1`, `coordination.k8s.io/v1`,
 * `rbac.authorization.k8s.io/v1`, `apiextensions.k8s.io/v1`, `authorization.k8s.io/v1`.
 */
export const builtInResources: readonly ResourceDefinition[] = Object.freeze([
  core({
    kind: 'Namespace',
    plural: 'namespaces',
    shortNames: ['ns'],
    namespaced: false,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: {
      status: true,
      others: [{ name: 'finalize', kind: 'Namespace', verbs: ['update'] }],
    },
    selectableFields: stringFields('status.phase'),
  }),
  core({
    kind: 'Pod',
    plural: 'pods',
    shortNames: ['po'],
    categories: ALL,
    namespaced: true,
    subresources: {
      status: true,
      others: [{ name: 'binding', kind: 'Binding', verbs: CREATE_ONLY }],
    },
    selectableFields: podFields,
  }),
  core({
    kind: 'Node',
    plural: 'nodes',
    shortNames: ['no'],
    namespaced: false,
    subresources: { status: true },
    selectableFields: { 'spec.unschedulable': booleanFieldGetter('spec.unschedulable') },
  }),
  core({
    kind: 'Service',
    plural: 'services',
    shortNames: ['svc'],
    categories: ALL,
    namespaced: true,
    subresources: { status: true },
  }),
  core({
    kind: 'Endpoints',
    plural: 'endpoints',
    singular: 'endpoints',
    shortNames: ['ep'],
    namespaced: true,
  }),
  core({ kind: 'ConfigMap', plural: 'configmaps', shortNames: ['cm'], namespaced: true }),
  core({
    kind: 'Secret',
    plural: 'secrets',
    namespaced: true,
    selectableFields: stringFields('type'),
  }),
  core({
    kind: 'Event',
    plural: 'events',
    shortNames: ['ev'],
    namespaced: true,
    selectableFields: eventFields,
  }),
  core({ kind: 'ServiceAccount', plural: 'serviceaccounts', shortNames: ['sa'], namespaced: true }),
  defineResource({
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    plural: 'deployments',
    shortNames: ['deploy'],
    categories: ALL,
    namespaced: true,
    subresources: { status: true, scale: replicasScale },
  }),
  defineResource({
    group: 'apps',
    version: 'v1',
    kind: 'ReplicaSet',
    plural: 'replicasets',
    shortNames: ['rs'],
    categories: ALL,
    namespaced: true,
    subresources: { status: true, scale: replicasScale },
    selectableFields: { 'status.replicas': integerFieldGetter('status.replicas') },
  }),
  defineResource({
    group: 'discovery.k8s.io',
    version: 'v1',
    kind: 'EndpointSlice',
    plural: 'endpointslices',
    namespaced: true,
  }),
  defineResource({
    group: 'coordination.k8s.io',
    version: 'v1',
    kind: 'Lease',
    plural: 'leases',
    namespaced: true,
  }),
  ...(
    [
      ['Role', 'roles', true],
      ['ClusterRole', 'clusterroles', false],
      ['RoleBinding', 'rolebindings', true],
      ['ClusterRoleBinding', 'clusterrolebindings', false],
    ] as const
  ).map(([kind, plural, namespaced]) =>
    defineResource({ group: 'rbac.authorization.k8s.io', version: 'v1', kind, plural, namespaced }),
  ),
  defineResource({
    group: 'apiextensions.k8s.io',
    version: 'v1',
    kind: 'CustomResourceDefinition',
    plural: 'customresourcedefinitions',
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    namespaced: false,
    subresources: { status: true },
  }),
  ...(
    [
      ['SubjectAccessReview', 'subjectaccessreviews'],
      ['SelfSubjectAccessReview', 'selfsubjectaccessreviews'],
    ] as const
  ).map(([kind, plural]) =>
    defineResource({
      group: 'authorization.k8s.io',
      version: 'v1',
      kind,
      plural,
      namespaced: false,
      verbs: CREATE_ONLY,
    }),
  ),
]);

// ---------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------

/** A registry holding {@link builtInResources}, in their order. */
export function createBuiltInRegistry(): ResourceRegistry {
  const registry = new ResourceRegistry();
  for (const resource of builtInResources) {
    const registered = registry.register(resource);
    if (isLeft(registered)) {
      // The built-in list is fixed and tested, so this is a bug in it, not a user error.
      throw new Error(`invalid built-in resource: ${registered.left.message}`);
    }
  }
  return registry;
}
